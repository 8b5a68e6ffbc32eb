/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web extension host): the same
 * handlers and service as server.ts, with config files read by the client (handlers/clientConfig.ts) and
 * large documents checked in this thread, since a worker cannot start another here.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { registerHandlers } from './handlers';
import { ClientConfigSource } from './handlers/clientConfig';
import { createDocuments } from './handlers/documents';
import { EditLog } from './service';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const edits = new EditLog();
const documents = createDocuments(edits);

registerHandlers(connection, documents, { configSource: new ClientConfigSource(connection), edits });

documents.listen(connection);
connection.listen();

/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web extension host): the same
 * session as server.ts, with config files read by the client (settings/clientConfig.ts) and large documents
 * checked in this thread, since a worker cannot start another here.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startSession } from './session';
import { ClientConfigSource } from './editorSettings/clientConfig';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

startSession(connection, { configSource: new ClientConfigSource(connection) });
connection.listen();

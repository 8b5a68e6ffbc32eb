/**
 * The language server process: a connection (stdio or node-ipc, chosen by the command line), the open
 * documents, and the handlers. Feature logic lives in service/, request wiring in handlers/.
 */
import { ProposedFeatures, TextDocuments, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerHandlers } from './handlers';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

registerHandlers(connection, documents);

documents.listen(connection);
connection.listen();

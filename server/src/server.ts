/**
 * The language server process: a connection (stdio or node-ipc, chosen by the command line), the open
 * documents, and the handlers. Feature logic lives in service/, request wiring in handlers/.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { registerHandlers } from './handlers';
import { createDocuments } from './handlers/documents';
import { EditLog } from './service';

const connection = createConnection(ProposedFeatures.all);
const edits = new EditLog();
const documents = createDocuments(edits);

registerHandlers(connection, documents, edits);

documents.listen(connection);
connection.listen();

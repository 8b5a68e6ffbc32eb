/**
 * The language server process: a connection (stdio or node-ipc, chosen by the command line), the open
 * documents, and the handlers. Feature logic lives in service/, request wiring in handlers/. The same
 * bundle runs in the worker thread that checks large documents (handlers/scanWorker.ts).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { registerHandlers } from './handlers';
import { ClientConfigSource } from './handlers/clientConfig';
import { DiskConfigSource } from './handlers/configFiles';
import { createDocuments } from './handlers/documents';
import { ScanWorker, isScanWorker, runScanWorker } from './handlers/scanWorker';
import { EditLog } from './service';

if (isScanWorker()) runScanWorker();
else {
  const connection = createConnection(ProposedFeatures.all);
  const edits = new EditLog();
  // Only the bundle can run in a worker (a source file run by a TypeScript loader could not).
  const scanWorker = new ScanWorker(__filename.endsWith('.js') ? __filename : undefined);
  const documents = createDocuments(edits, scanWorker);

  // Config files of documents that are no files on disk (virtual workspaces) come from a client that offers them.
  const configSource = new DiskConfigSource(new ClientConfigSource(connection, false));
  registerHandlers(connection, documents, { configSource, edits, scanWorker });

  documents.listen(connection);
  connection.listen();
}

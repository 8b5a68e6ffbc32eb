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
import { WorkspaceHandler } from './handlers/workspace';
import { EditLog } from './service';
import { FrameWatch } from './transport/frameWatch';

if (isScanWorker()) runScanWorker();
else {
  const connection = createConnection(ProposedFeatures.all);
  const edits = new EditLog();
  // Only the bundle can run in a worker (a source file run by a TypeScript loader could not).
  const scanWorker = new ScanWorker(__filename.endsWith('.js') ? __filename : undefined);
  const documents = createDocuments(edits, scanWorker);

  // Config files of documents that are no files on disk (virtual workspaces) come from a client that offers them.
  const configSource = new DiskConfigSource(new ClientConfigSource(connection, false));
  registerHandlers(connection, documents, { configSource, edits, scanWorker, workspace: new WorkspaceHandler() });

  documents.listen(connection);
  connection.listen();

  if (process.argv.includes('--stdio')) {
    // vscode-jsonrpc stays silent on a corrupt frame; say what was wrong and end, so the editor can restart us.
    const watch = new FrameWatch({
      onCorrupt: (problem) => {
        const message = `HTTP Status Lens: ${problem} The server stops, as it can no longer tell where messages start.`;
        process.stderr.write(message + '\n');
        connection.console.error(message);
        setTimeout(() => process.exit(1), 200);
      },
    });
    process.stdin.on('data', (chunk: Buffer) => watch.push(chunk));
    process.stdin.on('end', () => watch.stop());
  }
}

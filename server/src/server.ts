/**
 * The language server process: a connection (stdio or node-ipc, chosen by the command line) and one session
 * over it (session.ts: the service, the documents, the handlers). The same bundle runs in the worker thread
 * that checks large documents (large/workerThread.ts).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { WorkspaceHandler } from './handlers/workspace';
import { ScanWorker } from './large/worker';
import { isScanWorker, runScanWorker } from './large/workerThread';
import { startSession } from './session';
import { ClientConfigSource } from './editorSettings/clientConfig';
import { DiskConfigSource } from './editorSettings/diskConfig';
import { FrameWatch } from './transport/frameWatch';

if (isScanWorker()) runScanWorker();
else {
  const connection = createConnection(ProposedFeatures.all);
  // Only the bundle can run in a worker (a source file run by a TypeScript loader could not).
  const worker = new ScanWorker(__filename.endsWith('.js') ? __filename : undefined);
  // Config files of documents that are no files on disk (virtual workspaces) come from a client that offers them.
  const configSource = new DiskConfigSource(new ClientConfigSource(connection, false));
  startSession(connection, { configSource, worker, workspace: new WorkspaceHandler() });
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

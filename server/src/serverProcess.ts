/**
 * The language server process: a connection (stdio, as every editor and the VS Code extension start it, or
 * node-ipc, chosen by the command line) and one session over it (session.ts: the service, the documents, the
 * handlers). Started by server.ts.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { WorkspaceHandler } from './handlers/workspace';
import { LARGE_SIZE } from './large';
import { ScanWorker } from './large/worker';
import { startSession } from './session';
import { ClientConfigSource } from './editorSettings/clientConfig';
import { DiskConfigSource } from './editorSettings/diskConfig';
import { FrameWatch } from './transport/frameWatch';

/** `bundle`: the script the scan worker runs (this bundle), undefined when it cannot run one. */
export function startServer(bundle: string | undefined): void {
  const connection = createConnection(ProposedFeatures.all);
  const worker = new ScanWorker(bundle);
  // Config files of documents that are no files on disk (virtual workspaces) come from a client that offers them.
  const configSource = new DiskConfigSource(new ClientConfigSource(connection, false));
  startSession(connection, { configSource, worker, workspace: new WorkspaceHandler(bundle) });
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
      // A large message is most likely a large document's didOpen: the scan worker boots (~35 ms) while the
      // body arrives and is decoded, not after.
      onBody: (length) => {
        if (length >= LARGE_SIZE) worker.prepare();
      },
    });
    process.stdin.on('data', (chunk: Buffer) => watch.push(chunk));
    process.stdin.on('end', () => watch.stop());
  }
}

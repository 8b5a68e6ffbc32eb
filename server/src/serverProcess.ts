/**
 * The language server process: a connection (stdio, as every editor and the VS Code extension start it, or
 * node-ipc, chosen by the command line) and one session over it (session.ts: the service, the documents, the
 * handlers). Started by server.ts.
 */
import { Console } from 'node:console';
import { type Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { WorkspaceHandler } from './handlers/workspace';
import { LARGE_SIZE } from './large';
import { ScanWorker } from './large/worker';
import { startSession } from './session';
import { ClientConfigSource } from './editorSettings/clientConfig';
import { DiskConfigSource } from './editorSettings/diskConfig';
import { stdioInput } from './transport/stdioInput';

/** `bundle`: the script the scan worker runs (this bundle), undefined when it cannot run one. */
export function startServer(bundle: string | undefined): void {
  const worker = new ScanWorker(bundle);
  const connection = process.argv.includes('--stdio') ? stdioConnection(worker) : createConnection(ProposedFeatures.all);
  // Config files of documents that are no files on disk (virtual workspaces) come from a client that offers them.
  const configSource = new DiskConfigSource(new ClientConfigSource(connection, false));
  startSession(connection, { configSource, worker, workspace: new WorkspaceHandler(bundle) });
  connection.listen();
}

/**
 * The connection over stdin and stdout, stdin read through transport/stdioInput.ts:
 * - vscode-jsonrpc stays silent on a corrupt frame: the server says what was wrong and ends, so that the
 *   editor can restart it;
 * - a large message is most likely a large document's didOpen: the scan worker (started once the session is
 *   up, or else now) reads the body itself; the reader here decodes it once the worker has decoded its UTF-8.
 * The library ends the process when that stream ends, as it does on stdin (0 after a shutdown, else 1).
 */
function stdioConnection(worker: ScanWorker): Connection {
  let connection: Connection | undefined;
  const input = stdioInput({
    onCorrupt: (problem) => {
      const message = `HTTP Status Lens: ${problem} The server stops, as it can no longer tell where messages start.`;
      process.stderr.write(message + '\n');
      connection?.console.error(message);
      setTimeout(() => process.exit(1), 200);
    },
    largeFrom: LARGE_SIZE,
    onLargeBody: () => worker.prepare(),
    read: (body) => worker.readMessage(body),
  });
  // stdout is the LSP stream: what anything prints goes to stderr, as in the workers (transport/workerOutput.ts).
  // (Started with --stdio itself, the library would send it to the client's log.)
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return (connection = createConnection(ProposedFeatures.all, input, process.stdout));
}

/**
 * The language server process: a connection (stdio, as every editor and the VS Code extension start it, or
 * node-ipc, chosen by the command line) and one session over it (session.ts: the service, the documents, the
 * handlers). Started by server.ts.
 */
import { Console } from 'node:console';
import { PassThrough } from 'node:stream';
import { type Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { WorkspaceHandler } from './handlers/workspace';
import { LARGE_SIZE } from './large';
import { collectYoungGarbage } from './large/collect';
import { ScanWorker } from './large/worker';
import { startSession } from './session';
import { ClientConfigSource } from './editorSettings/clientConfig';
import { DiskConfigSource } from './editorSettings/diskConfig';
import { FrameWatch } from './transport/frameWatch';

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
 * The connection over stdin and stdout, stdin read through the frame watch (transport/frameWatch.ts):
 * - vscode-jsonrpc stays silent on a corrupt frame: the watch says what was wrong and the server ends, so
 *   that the editor can restart it;
 * - a large message is most likely a large document's didOpen: the scan worker boots (~35 ms) while its
 *   body arrives, and reads the body from the watch's copy while the reader here decodes the same copy.
 * The library ends the process when that stream ends, as it does on stdin (0 after a shutdown, else 1).
 */
function stdioConnection(worker: ScanWorker): Connection {
  let connection: Connection | undefined;
  const watch = new FrameWatch({
    onCorrupt: (problem) => {
      const message = `HTTP Status Lens: ${problem} The server stops, as it can no longer tell where messages start.`;
      process.stderr.write(message + '\n');
      connection?.console.error(message);
      setTimeout(() => process.exit(1), 200);
    },
    onBody: (length) => {
      if (length >= LARGE_SIZE) worker.prepare();
    },
    share: {
      from: LARGE_SIZE,
      onBody: (body) => {
        shared = { buffer: body.buffer, decoded: worker.readMessage(body) };
      },
    },
  });
  const input = new PassThrough();
  let shared: { buffer: ArrayBufferLike; decoded: Promise<void> } | undefined;
  // What the reader gets, in order: a shared body once the worker has decoded it (see readMessage), and
  // what comes after it, behind it.
  let waiting = 0;
  let passed = Promise.resolve();
  const pass = (write: () => void, after?: Promise<void>) => {
    if (!after && waiting === 0) return void write();
    waiting++;
    passed = passed
      .then(() => after)
      .then(() => {
        write();
        waiting--;
      });
  };
  let collectedAt = 0;
  process.stdin.on('data', (chunk: Buffer) => {
    const pieces = watch.push(chunk);
    const body = shared;
    shared = undefined;
    for (const piece of pieces) pass(() => input.write(piece), piece.buffer === body?.buffer ? body.decoded : undefined);
    // The chunks of a shared body are garbage once copied: collected each MB, they never add up to the body's size.
    const copied = watch.sharedBytes;
    if (copied < collectedAt) collectedAt = 0;
    if (copied - collectedAt >= 1 << 20) (collectYoungGarbage(), (collectedAt = copied));
  });
  // The library ends the process when its input ends or closes, and hears its errors: stdin's, passed on.
  const end = () => (watch.stop(), pass(() => input.writableEnded || input.end()));
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  process.stdin.on('error', (error) => (watch.stop(), input.destroy(error)));
  // stdout is the LSP stream: what anything prints goes to stderr, as in the workers (transport/workerOutput.ts).
  // (Started with --stdio itself, the library would send it to the client's log.)
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return (connection = createConnection(ProposedFeatures.all, input, process.stdout));
}

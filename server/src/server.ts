/**
 * The language server's bundle. It runs as the server process (serverProcess.ts) and, in a worker thread,
 * as the scan worker that checks large documents (large/workerThread.ts) and, for the first index of the
 * workspace, as the worker that walks and reads its files (workspace/indexThread.ts). The process's modules are imported
 * only in the process: the worker does not load the connection, the handlers and the libraries under them
 * (node:net, node:crypto...), ~20 ms of its start-up, which a large spec's first diagnostics wait for.
 */
import { isScanWorker, runScanWorker } from './large/workerThread';
import { printToStderr } from './transport/workerOutput';
import { isIndexWorker } from './workspace/indexWorker';

if (isScanWorker()) (printToStderr(), runScanWorker());
else if (isIndexWorker()) (printToStderr(), void import('./workspace/indexThread.js').then(({ runIndexThread }) => runIndexThread()));
// Only the bundle can run in a worker (a source file run by a TypeScript loader could not).
else void import('./serverProcess.js').then(({ startServer }) => startServer(__filename.endsWith('.js') ? __filename : undefined));

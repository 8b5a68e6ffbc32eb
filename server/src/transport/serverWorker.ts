/**
 * The server's worker threads (the scan worker, the index worker) are started here. A worker's console writes
 * to the process's stdout, and over stdio that is the LSP stream: one stray line from a worker, or from a
 * library it runs, would corrupt it (the frame watch cannot see it, and the editor stops reading). What a
 * worker prints goes to stderr instead, where editors show the server's log.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startServerWorker(entry: string | URL, options: WorkerOptions): Worker {
  const worker = new Worker(entry, { ...options, stdout: true });
  worker.stdout.pipe(process.stderr, { end: false });
  return worker;
}

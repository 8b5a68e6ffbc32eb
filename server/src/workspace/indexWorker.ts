/**
 * The editor's first index of the workspace, walked and read in a worker thread (indexThread.ts is its loop).
 * Reading 5,000 files and lexing them for their carriers allocates ~10 MB of text and its tokens: in the
 * server's thread that grew its young generation to 32 MB for the rest of the session (V8 keeps it grown),
 * ~30 MB of the server's peak memory with a 13 MB spec open (issue 19). The worker's young generation is
 * capped, it sends back the files it found and each one's carrier facts (model.ts FileFacts), and it ends
 * when the walk is done.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { InFlight } from '../transport/inFlight';
import type { FileFacts } from './model';

export const INDEX_WORKER_MARK = 'http-status-lens/index-worker';
/**
 * Files larger than this are read after the others, by the worker or the server's thread: read while the
 * carrier pass was still cold, the first large file of a tree held a hover up for 190 ms.
 */
export const LARGE_FIRST_READ = 64 * 1024;
/** The worker's young generation, capped (as the scan worker's): it reads one source file at a time. */
const YOUNG_MB = 8;

export interface IndexWorkerData {
  mark: typeof INDEX_WORKER_MARK;
  folders: string[];
  /** The walk stops after this many files. */
  maxFiles: number;
  /** Larger files have no facts (MAX_FILE_SIZE). */
  maxFileSize: number;
  /** [0] is 1 while the server answers a request: the worker waits (on a 2-core machine it would slow the answer). */
  busy: Int32Array;
}

/** Files found, in walk order, and the facts of those with a carrier family (`gone`: none, or unreadable). */
export interface IndexBatch {
  files: { file: string; languageId: string }[];
  read: ({ facts: FileFacts } | { gone: string })[];
}

export type FromIndexWorker = { batch: IndexBatch } | { done: { errors: string[]; capped: boolean } };

export function isIndexWorker(): boolean {
  return parentPort !== null && (workerData as { mark?: string } | undefined)?.mark === INDEX_WORKER_MARK;
}

/**
 * Walks and reads `folders` in a worker; `onBatch` gets what it finds as it comes. Resolves when the walk is
 * done, or undefined when the worker failed (or `signal` stopped it).
 */
export function indexInWorker(
  entry: string,
  data: Omit<IndexWorkerData, 'mark' | 'busy'>,
  onBatch: (batch: IndexBatch) => void,
  signal: { stop?: () => void },
  inFlight?: Pick<InFlight, 'busy' | 'observe'>,
): Promise<{ errors: string[]; capped: boolean } | undefined> {
  const busy = new Int32Array(new SharedArrayBuffer(4));
  const setBusy = (value: boolean) => (Atomics.store(busy, 0, value ? 1 : 0), Atomics.notify(busy, 0));
  setBusy(inFlight?.busy ?? false);
  const unobserve = inFlight?.observe(setBusy);
  return new Promise<{ errors: string[]; capped: boolean } | undefined>((resolve) => {
    const worker = new Worker(entry, {
      workerData: { ...data, busy, mark: INDEX_WORKER_MARK } satisfies IndexWorkerData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
    });
    worker.unref();
    const end = (outcome: { errors: string[]; capped: boolean } | undefined) => {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      // Resolved once the thread is gone: a thread started after it (the scan worker) then reuses its memory.
      void worker.terminate().finally(() => resolve(outcome));
    };
    signal.stop = () => end(undefined);
    worker.on('message', (message: FromIndexWorker) => ('done' in message ? end(message.done) : onBatch(message.batch)));
    worker.on('error', () => end(undefined));
    worker.on('exit', () => end(undefined));
  }).finally(() => unobserve?.());
}

/** In the worker: waits while the server answers a request. */
export function waitWhileBusy(busy: Int32Array): void {
  while (Atomics.load(busy, 0) === 1) Atomics.wait(busy, 0, 1, 100);
}

/**
 * Runs the lint tasks, in worker threads when there are many files (one per core), else in this thread.
 * Reports are handed on in task order as soon as every earlier one is in, so output streams and stays
 * the same from run to run whatever thread finishes first.
 *
 * The workers run this same bundle (dist/cli.js): cli.ts starts runWorker() when it is not the main thread.
 */
import { availableParallelism } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import { type LanguageService, type Settings, getLanguageService } from '../service';
import { type FileFacts, WorkspaceModel, readFacts } from '../workspace/model';
import type { FileReport } from './findings';
import { type FixMode, type LintTask, emptyReport, lintFile } from './lintFile';
import { fileUri } from './paths';
import { PackedFindings } from './packedFindings';

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/** Files per message: large enough to keep messaging cheap, small enough to balance the load. */
const BATCH = 16;

export const WORKER_MARK = 'http-status-lens/lint-worker';

/**
 * node:worker_threads, loaded when a worker is started or asked about: a --cache re-run of a few files starts
 * none, and loading it was ~1.4 ms of every start. A worker is started with WORKER_MARK as an argument, so the
 * main thread knows it is not one without loading it.
 */
const threads = () => require('node:worker_threads') as typeof WorkerThreads;

interface WorkerInit {
  mark: typeof WORKER_MARK;
  settingsTable: Settings[];
  fix: FixMode;
  fixes: boolean;
  /** The project's carriers (issue 16), as plain data. */
  carriers?: { facts: FileFacts[]; roots: readonly string[] };
  collectFacts?: boolean;
}

export interface RunOptions {
  /** The project's carriers (issue 16): a use in one file is judged by a declaration in another. */
  carriers?: WorkspaceModel;
  /** Each report also gives the file's carrier facts, read from the text it scans (one lexing for both). */
  collectFacts?: boolean;
  settingsTable: Settings[];
  fix: FixMode;
  /** The findings carry their fixes (the format prints them, --fix, the cache keeps them); else Finding.fixable. */
  fixes: boolean;
  concurrency: number | 'auto' | 'off';
  /** The script workers run: this bundle. */
  entry: string;
  onRuleFault: (message: string) => void;
}

export function workerCount(files: number, concurrency: RunOptions['concurrency']): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? (files >= WORKER_THRESHOLD ? availableParallelism() : 0) : concurrency;
  return wanted <= 1 ? 0 : Math.min(wanted, Math.ceil(files / BATCH));
}

export async function runTasks(tasks: readonly LintTask[], options: RunOptions, onReport: (report: FileReport) => void): Promise<void> {
  const ordered = inOrder(onReport);
  const count = workerCount(tasks.length, options.concurrency);
  if (tasks.length === 0) return;
  if (count === 0) {
    const service = createService(options.onRuleFault, options.carriers);
    for (const task of tasks)
      ordered(safeLint(service, task, options.settingsTable[task.settingsIndex], options, options.collectFacts === true));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let running = count;
    let received = 0;
    const init: WorkerInit = {
      mark: WORKER_MARK,
      settingsTable: options.settingsTable,
      fix: options.fix,
      fixes: options.fixes,
      collectFacts: options.collectFacts,
    };
    if (options.carriers) init.carriers = { facts: options.carriers.snapshot(), roots: options.carriers.rootList() };
    const { Worker } = threads();
    const workers: WorkerThreads.Worker[] = [];
    const send = (worker: WorkerThreads.Worker) => {
      if (next >= tasks.length) return false;
      worker.postMessage({ tasks: tasks.slice(next, next + BATCH) });
      next += BATCH;
      return true;
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.entry, { workerData: init, argv: [WORKER_MARK] });
      workers.push(worker);
      let inFlight = 0;
      const feed = () => {
        while (inFlight < 2 && send(worker)) inFlight++;
        if (inFlight === 0) void worker.terminate();
      };
      worker.on('message', (message: { reports?: FileReport[]; fault?: string }) => {
        if (message.fault) return options.onRuleFault(message.fault);
        for (const report of message.reports ?? []) {
          // Its findings came as plain data (structured clone).
          report.findings = PackedFindings.revive(report.findings);
          ordered(report);
        }
        received += message.reports?.length ?? 0;
        inFlight--;
        feed();
      });
      worker.on('error', (error) => {
        for (const other of workers) void other.terminate();
        reject(error);
      });
      worker.on('exit', () => {
        if (--running > 0) return;
        if (received < tasks.length) reject(new Error(`a lint worker stopped with ${tasks.length - received} files unlinted`));
        else resolve();
      });
      feed();
    }
  });
}

/** The loop of a worker thread: lint each batch it is sent, answer with the reports. */
export function runWorker(): void {
  const { parentPort, workerData } = threads();
  const init = workerData as WorkerInit;
  const port = parentPort!;
  const carriers = init.carriers && WorkspaceModel.fromSnapshot(init.carriers.facts, init.carriers.roots);
  const service = createService((fault) => port.postMessage({ fault }), carriers);
  port.on('message', ({ tasks }: { tasks: LintTask[] }) => {
    port.postMessage({
      reports: tasks.map((task) => safeLint(service, task, init.settingsTable[task.settingsIndex], init, init.collectFacts === true)),
    });
  });
}

export function isLintWorker(): boolean {
  if (!process.argv.includes(WORKER_MARK)) return false;
  const { parentPort, workerData } = threads();
  return parentPort !== null && (workerData as Partial<WorkerInit> | undefined)?.mark === WORKER_MARK;
}

function createService(onFault: (message: string) => void, carriers?: WorkspaceModel): LanguageService {
  const faulted = new Set<string>();
  return getLanguageService({
    carriers,
    onRuleFault: (id, error) => {
      if (faulted.has(id)) return;
      faulted.add(id);
      onFault(`rule ${id} failed and was skipped: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
}

function safeLint(
  service: LanguageService,
  task: LintTask,
  settings: Settings,
  { fix, fixes }: { fix: FixMode; fixes: boolean },
  collectFacts: boolean,
): FileReport {
  try {
    if (!collectFacts) return lintFile(service, task, settings, fix, fixes);
    let facts: FileFacts | undefined;
    const report = lintFile(service, task, settings, fix, fixes, (text) => {
      facts = readFacts(fileUri(task.absolute), text, task.languageId, true);
    });
    if (facts) report.facts = facts;
    return report;
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ...emptyReport(task), error: `internal error on ${task.display}: ${detail}` };
  }
}

/** Passes reports on in index order, holding back those that arrive early. */
export function inOrder(onReport: (report: FileReport) => void): (report: FileReport) => void {
  const waiting = new Map<number, FileReport>();
  let next = 0;
  return (report) => {
    // One in its turn (most: a --cache re-run's stored reports come in order) passes straight on.
    if (report.index !== next) return void waiting.set(report.index, report);
    next++;
    onReport(report);
    for (let ready = waiting.size > 0 ? waiting.get(next) : undefined; ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      onReport(ready);
    }
  };
}

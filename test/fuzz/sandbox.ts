/**
 * Runs checks in a worker thread with a deadline: a hang (or an exponential blow-up) in the service is cut
 * off and reported with its input instead of blocking the test run, and a crash of the worker (stack
 * overflow in native code, out of memory) is an answer too. The worker is replaced after either.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckReport } from './invariants';

export type Job =
  | { kind: 'document'; languageId: string; text: string; options?: CheckOptions }
  | { kind: 'hostile'; name: string; n: number; options?: CheckOptions };

export type Outcome =
  | { status: 'ok'; report: CheckReport; ms: number; size: number; rssMb: number }
  | { status: 'failed'; error: string; ms: number; size: number }
  | { status: 'timeout'; ms: number }
  | { status: 'crashed'; error: string; ms: number };

const workerFile = path.join(__dirname, 'sandbox-worker.ts');

export class Sandbox {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(
    private readonly resourceLimits: { maxOldGenerationSizeMb?: number; stackSizeMb?: number } = { maxOldGenerationSizeMb: 2048 },
  ) {}

  private start(): Worker {
    // tsx registers itself in the worker (a .ts entry cannot be given to Worker directly).
    this.worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, {
      eval: true,
      resourceLimits: this.resourceLimits,
    });
    this.worker.unref();
    return this.worker;
  }

  run(job: Job, timeoutMs: number): Promise<Outcome> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    const started = performance.now();
    return new Promise((resolve) => {
      const finish = (outcome: Outcome, kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(outcome);
      };
      const onMessage = (message: { id: number; outcome: Outcome }) => {
        if (message.id === id) finish(message.outcome, false);
      };
      const onError = (error: Error) => finish({ status: 'crashed', error: String(error), ms: performance.now() - started }, true);
      const onExit = (code: number) =>
        finish({ status: 'crashed', error: `worker exited with code ${code}`, ms: performance.now() - started }, true);
      const timer = setTimeout(() => finish({ status: 'timeout', ms: performance.now() - started }, true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The worker side of sandbox.ts: runs one check per message and answers with its outcome. */
import { parentPort } from 'node:worker_threads';
import { hostileCase } from './hostile';
import { checkDocument } from './invariants';
import type { Job, Outcome } from './sandbox';

parentPort!.on('message', ({ id, job }: { id: number; job: Job }) => {
  let outcome: Outcome;
  let size = 0;
  const started = performance.now();
  try {
    const { languageId, text } =
      job.kind === 'document' ? job : { languageId: hostileCase(job.name).languageId, text: hostileCase(job.name).make(job.n) };
    size = text.length;
    const report = checkDocument(languageId, text, job.options);
    outcome = { status: 'ok', report, ms: performance.now() - started, size, rssMb: process.memoryUsage().rss / 2 ** 20 };
  } catch (error) {
    outcome = {
      status: 'failed',
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      ms: performance.now() - started,
      size,
    };
  }
  parentPort!.postMessage({ id, outcome });
});

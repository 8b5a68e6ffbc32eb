/**
 * The collection asked for after a large document goes to the scan worker (large/collect.ts): a major GC
 * runs in this thread once the current task ends, without --expose-gc. Seen through V8's gc performance entries.
 */
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { test } from 'node:test';
import { collectSoon } from '../../server/src/large/collect';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('collectSoon runs a major collection after the current task, once for calls made meanwhile', async () => {
  assert.equal((globalThis as { gc?: unknown }).gc, undefined, 'the test runs without --expose-gc');
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    // A quiet thread collects nothing by itself in this time (checked: the count stays 0 without the calls).
    await sleep(100);
    majors = 0;
    collectSoon();
    collectSoon();
    await sleep(100);
    assert.equal(majors, 1, 'one major collection ran for both calls');
  } finally {
    observer.disconnect();
  }
});

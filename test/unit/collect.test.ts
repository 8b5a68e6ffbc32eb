/**
 * The collection before a large document goes to the scan worker (large/collect.ts): one major GC per call
 * in a server started with --expose-gc, nothing (and no error) without. Seen through V8's gc performance entries.
 */
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { collectGarbage } from '../../server/src/large/collect';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('collectGarbage runs one major collection per call with --expose-gc, none without', async () => {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const global = globalThis as { gc?: () => void };
  try {
    // A quiet thread collects nothing by itself in these waits (checked: the count stays 0 without the calls).
    await sleep(100);
    majors = 0;
    assert.equal(global.gc, undefined, 'the test process runs without --expose-gc');
    collectGarbage();
    await sleep(50);
    assert.equal(majors, 0, 'without the flag, nothing');
    // What --expose-gc gives a process, given to this one.
    setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as () => void;
    collectGarbage();
    await sleep(50);
    assert.equal(majors, 1, 'one major collection for one call');
    collectGarbage();
    await sleep(50);
    assert.equal(majors, 2, 'and another for the next');
  } finally {
    observer.disconnect();
    delete global.gc;
  }
});

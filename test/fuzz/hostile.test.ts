/**
 * Hostile inputs (hostile.ts) through the whole service, each in a worker with a deadline: deep nesting must
 * not overflow the stack, floods of sites, comments, keys and aliases must cost about linear time. Each case
 * runs at n/4 and at n: the slowest service call may grow about 4 times, not 16 (quadratic), and the whole
 * check must stay within a generous budget. The test fails when someone makes one of these paths
 * super-linear; `npm run fuzz` runs every case at larger sizes. (A case whose slowest call stays under
 * 300 ms is not timed at n/4: too fast to judge, and fast enough.)
 */
import { after, describe, test } from 'node:test';
import { checkGrowth } from './growth';
import { hostileCases } from './hostile';
import { Sandbox } from './sandbox';

describe('fuzz: hostile inputs are handled in about linear time, without a crash', () => {
  const sandbox = new Sandbox();
  after(() => sandbox.close());

  for (const hostile of hostileCases.filter((c) => c.bounded)) {
    // A case known to be slow is listed, not run, here (it would only burn its deadline); the long run runs it.
    if (hostile.slow) {
      test(hostile.name, { todo: `known to be slow: ${hostile.slow}` });
      continue;
    }
    test(hostile.name, () => checkGrowth(sandbox, hostile, hostile.n).then(() => undefined));
  }
});

/**
 * Hostile inputs (hostile.ts) through the whole service, each in a worker: deep nesting must not overflow
 * the stack, floods of sites, comments, keys and aliases must not crash or hang anything, and every answer
 * stays well-formed. No time is judged here: timings move with the machine's load. `npm run fuzz` runs every
 * case at larger sizes and checks that its cost grows about linearly (test/fuzz/growth.ts).
 */
import { after, describe, test } from 'node:test';
import { completes } from './growth';
import { hostileCases } from './hostile';
import { Sandbox } from './sandbox';

describe('fuzz: hostile inputs are handled without a crash or a hang', () => {
  const sandbox = new Sandbox();
  after(() => sandbox.close());

  for (const hostile of hostileCases.filter((c) => c.bounded)) {
    // A case known to be slow is listed, not run, here (it would only burn its deadline); the long run runs it.
    if (hostile.slow) {
      test(hostile.name, { todo: `known to be slow: ${hostile.slow}` });
      continue;
    }
    test(hostile.name, () => completes(sandbox, hostile, hostile.n));
  }
});

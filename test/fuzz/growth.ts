/**
 * The time checks of hostile inputs: a whole check within a generous budget, and the slowest service call
 * growing about linearly from n/4 to n. Timings move with the machine's load, so only the long run
 * (`npm run fuzz`) judges them; `npm test` runs each case once with `completes` (hostile.test.ts).
 */
import assert from 'node:assert/strict';
import type { HostileCase } from './hostile';
import type { Sandbox } from './sandbox';

/** A budget of 2 s plus 10 ms per KB of input for the whole check (every feature, fixes applied). */
export function budgetMs(size: number): number {
  return 2000 + (size / 1000) * 10;
}

/**
 * Growth of the slowest service call from n/4 to n, per 4x the characters, above which a path is super-linear
 * (linear: ~4, quadratic: ~16). Per characters, not per n: some inputs (an indentation pyramid) grow faster than n.
 */
export const MAX_GROWTH = 10;
/** Below this (ms) at size n, growth is not judged: small timings are mostly noise and warm-up. */
export const GROWTH_FLOOR_MS = 300;

export interface Measured {
  ms: number;
  slowestMs: number;
  slowestCall: string;
  size: number;
  rssMb: number;
}

/** A watchdog, not a speed bar: no input may run this long (a hang, or a path far beyond linear). */
export const HANG_MS = 120_000;

/**
 * Runs a case at size n through every feature and checks the invariants (no crash, well-formed answers),
 * with no time budget: what `npm test` asks of each hostile input whatever the load.
 */
export async function completes(sandbox: Sandbox, hostile: HostileCase, n: number): Promise<void> {
  const outcome = await sandbox.run(
    { kind: 'hostile', name: hostile.name, n, options: { fixLimit: 1, probes: 4, shallow: true } },
    HANG_MS,
  );
  if (outcome.status === 'timeout') assert.fail(`no answer within ${HANG_MS / 1000} s for ${hostile.make(n).length} characters: a hang`);
  if (outcome.status !== 'ok') assert.fail(`${outcome.status}: ${outcome.error}`);
}

/** Runs a case at size n and checks it; returns the figures. */
export async function measure(sandbox: Sandbox, hostile: HostileCase, n: number): Promise<Measured> {
  const size = hostile.make(n).length;
  const outcome = await sandbox.run(
    { kind: 'hostile', name: hostile.name, n, options: { fixLimit: 1, probes: 4, shallow: true } },
    budgetMs(size) * 2,
  );
  if (outcome.status === 'timeout')
    assert.fail(`no answer within ${Math.round(outcome.ms)} ms for ${size} characters: a hang or a super-linear path`);
  if (outcome.status !== 'ok') assert.fail(`${outcome.status}: ${outcome.error}`);
  assert.ok(
    outcome.ms <= budgetMs(size),
    `${Math.round(outcome.ms)} ms for ${size} characters (budget ${budgetMs(size)} ms): super-linear?`,
  );
  return { ms: outcome.ms, slowestMs: outcome.report.slowestMs, slowestCall: outcome.report.slowestCall, size, rssMb: outcome.rssMb };
}

export async function checkGrowth(sandbox: Sandbox, hostile: HostileCase, n: number): Promise<Measured> {
  const first = await measure(sandbox, hostile, n);
  if (first.slowestMs < GROWTH_FLOOR_MS) return first;
  // Slow enough to judge: measure n/4, then n again (now warm, like n/4) and keep the faster of the two.
  const small = await measure(sandbox, hostile, Math.max(1, Math.round(n / 4)));
  const again = await measure(sandbox, hostile, n);
  const large = again.slowestMs < first.slowestMs ? again : first;
  const sizes = Math.max(4, large.size / small.size);
  const growth = ((large.slowestMs / Math.max(small.slowestMs, 5)) * 4) / sizes;
  assert.ok(
    growth <= MAX_GROWTH,
    `${large.slowestCall} took ${Math.round(large.slowestMs)} ms at n=${n} but ${Math.round(small.slowestMs)} ms at n=${Math.round(n / 4)} (x${growth.toFixed(1)} per x4 the characters; the input grew x${sizes.toFixed(1)}): super-linear`,
  );
  return large;
}

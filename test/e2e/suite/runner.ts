// A tiny test runner for the extension host: sequential tests, a timeout per test, one line per result and a
// final line exactly like `N passed, N failed`.
import { inspect } from 'node:util';

interface TestCase {
  name: string;
  fn: () => unknown;
  timeoutMs: number;
  /** when a gate fails, the tests after it are reported as failed without running (no point waiting on each) */
  gate?: boolean;
}

const tests: TestCase[] = [];

export function test(name: string, fn: () => unknown, timeoutMs = 30_000): void {
  tests.push({ name, fn, timeoutMs });
}

function withTimeout(p: Promise<unknown>, ms: number, name: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function gate(name: string, fn: () => unknown, timeoutMs = 30_000): void {
  tests.push({ name, fn, timeoutMs, gate: true });
}

export async function runAll(log: (line: string) => void = (l) => console.log(l)): Promise<{ passed: number; failed: number }> {
  const only = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined;
  let passed = 0;
  let failed = 0;
  let closedBy: string | undefined;
  for (const t of tests) {
    if (only && !only.test(t.name) && !t.gate) continue;
    if (closedBy) {
      failed++;
      log(`  FAIL ${t.name} (not run: an earlier gate test failed)`);
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      passed++;
      log(`  ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      const detail = err instanceof Error ? (err.stack ?? err.message) : inspect(err);
      log(`  FAIL ${t.name} (${Date.now() - started} ms)\n${detail.replace(/^/gm, '       ')}`);
      if (t.gate) closedBy = t.name;
    }
  }
  log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

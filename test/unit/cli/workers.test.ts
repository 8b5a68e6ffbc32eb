// Large trees: worker threads give the same report, in the same order, as one thread; --fix works in
// workers; the progress line appears only on a terminal outside CI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { Progress } from '../../../server/src/cli/progress';
import { WORKER_THRESHOLD, workerCount } from '../../../server/src/cli/workers';
import { lintHere, makeTree, read, removeTrees, runCli } from './helpers';

after(removeTrees);

/** n files: handlers with and without findings, specs, files that are not specs. */
function bigTree(n: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const dir = `pkg${i % 7}/src${i % 3}`;
    switch (i % 4) {
      case 0:
        files[`${dir}/h${i}.ts`] =
          `import express from 'express';\napp.put('/o${i}', (req, res) => res.status(424).json({ error: 'Order ${i} is locked' }));\n`;
        break;
      case 1:
        files[`${dir}/s${i}.yaml`] =
          `openapi: 3.1.0\npaths:\n  /o${i}:\n    get:\n      responses:\n        '424':\n          description: The billing service timed out.\n        '${490 + (i % 9)}':\n          description: Odd.\n`;
        break;
      case 2:
        files[`${dir}/c${i}.json`] = `{"name": "config ${i}", "responses": {"424": {}}}`;
        break;
      default:
        files[`${dir}/ok${i}.js`] = `const width = ${i};\nmodule.exports = { width };\n`;
    }
  }
  return makeTree(files);
}

describe('worker threads', () => {
  test('the same report, byte for byte, with two workers as with none', async () => {
    const dir = bigTree(80);
    const single = await lintHere(['lint', '-f', 'json', '--concurrency', 'off'], dir);
    const parallel = await lintHere(['lint', '-f', 'json', '--concurrency', '2'], dir);
    assert.equal(parallel.stdout, single.stdout);
    assert.equal(parallel.code, single.code);
    assert.equal((JSON.parse(parallel.stdout) as unknown[]).length, 20 + 20 * 2);
  });

  test('--fix in workers, then nothing left to fix', async () => {
    const dir = bigTree(40);
    const run = await lintHere(['lint', '--fix', '--concurrency', '2'], dir);
    assert.match(run.stdout, /Fixed 20 files\./);
    assert.match(read(dir, 'pkg0/src0/h0.ts'), /res\.status\(423\)/);
    const again = await lintHere(['lint', '--fix', '--concurrency', '2'], dir);
    assert.doesNotMatch(again.stdout, /Fixed/);
  });

  test('a stray print in a worker goes to stderr: the JSON report on stdout still parses', () => {
    const dir = bigTree(40);
    // Loaded before the built CLI in every thread; it prints in the workers once they run (as a library might).
    const preload = path.join(dir, 'print-in-workers.cjs');
    fs.writeFileSync(
      preload,
      "if (!require('node:worker_threads').isMainThread) setImmediate(() => console.log('stray print from a worker'));\n",
    );
    const run = runCli(['lint', '-f', 'json', '--concurrency', '2'], dir, { NODE_OPTIONS: `--require ${preload}` });
    assert.match(run.stderr, /stray print from a worker/, 'the workers ran the preload');
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 10 + 10 * 2);
  });

  test('auto: workers only for large trees, one per core', () => {
    assert.equal(workerCount(WORKER_THRESHOLD - 1, 'auto'), 0);
    assert.equal(workerCount(10_000, 'off'), 0);
    assert.equal(workerCount(10_000, 3), 3);
    assert.equal(workerCount(20, 8), 2, 'never more workers than batches');
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, isTTY, write: (text: string) => (written.push(text), true) };
  };

  test('drawn on a terminal for many files, erased before other output', () => {
    let clock = 0;
    const tty = stream(true);
    const progress = new Progress(500, tty, {}, () => clock);
    for (let i = 0; i < 100; i++) progress.tick();
    assert.deepEqual(tty.written, [], 'nothing in the first quarter second');
    clock = 300;
    progress.tick();
    assert.match(tty.written.join(''), /\r\u001b\[Khttp-status-lens: 101\/500 files \(20%\)/);
    progress.clear();
    assert.equal(tty.written.at(-1), '\r\u001b[K');
  });

  test('silent off a terminal, in CI, and for few files', () => {
    for (const [isTTY, env, total] of [
      [false, {}, 500],
      [true, { CI: 'true' }, 500],
      [true, {}, 10],
    ] as const) {
      let clock = 0;
      const s = stream(isTTY);
      const progress = new Progress(total, s, env, () => clock);
      for (let i = 0; i < total; i++) ((clock += 10), progress.tick());
      progress.clear();
      assert.deepEqual(s.written, []);
    }
  });
});

/**
 * What a worker of the server prints goes to stderr once it called printToStderr (transport/workerOutput.ts),
 * never to stdout, which over stdio is the LSP stream. Checked in a child process whose two streams are read
 * apart; a worker that does not call it shows that the check would see a leak.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { transformSync } from 'esbuild';

/** The module as a worker can evaluate it (an eval'd worker has no TypeScript loader). */
const MODULE = transformSync(fs.readFileSync(path.resolve(__dirname, '../../server/src/transport/workerOutput.ts'), 'utf8'), {
  loader: 'ts',
  format: 'cjs',
}).code;
const CALL = `const module = { exports: {} }; new Function('module', 'exports', ${JSON.stringify(MODULE)})(module, module.exports); module.exports.printToStderr();`;
const PRINTS = "console.log('worker console.log'); process.stdout.write('worker stdout.write\\n'); console.error('worker console.error');";

/** The streams of a process whose worker runs `code`. */
function run(code: string): { stdout: string; stderr: string } {
  const script = `
    const { Worker } = require('node:worker_threads');
    new Worker(${JSON.stringify(code)}, { eval: true }).on('exit', () => setTimeout(() => process.exit(0), 50));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 0, child.stderr);
  return { stdout: child.stdout, stderr: child.stderr };
}

test("after printToStderr, what a worker prints goes to stderr, and the process's stdout stays the protocol's", () => {
  const { stdout, stderr } = run(`${CALL} ${PRINTS}`);
  assert.equal(stdout, '');
  for (const line of ['worker console.log', 'worker stdout.write', 'worker console.error']) assert.match(stderr, new RegExp(line));
});

test('a worker that does not call it writes to stdout (the check above can fail)', () => {
  const { stdout } = run(PRINTS);
  assert.match(stdout, /worker console\.log/);
  assert.match(stdout, /worker stdout\.write/);
});

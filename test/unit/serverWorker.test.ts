/**
 * A worker of the server (transport/serverWorker.ts) prints to stderr, never to stdout, which over stdio is
 * the LSP stream. Checked in a child process whose two streams are read apart; a plain Worker, started the
 * same way, shows that the check would see a leak.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const module = path.resolve(__dirname, '../../server/src/transport/serverWorker.ts');
const PRINTS = "console.log('worker console.log'); process.stdout.write('worker stdout.write\\n'); console.error('worker console.error');";

function run(start: string): { stdout: string; stderr: string } {
  const script = `
    const { Worker } = require('node:worker_threads');
    const { startServerWorker } = require(${JSON.stringify(module)});
    const worker = ${start};
    worker.on('exit', () => setTimeout(() => process.exit(0), 50));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(child.status, 0, child.stderr);
  return { stdout: child.stdout, stderr: child.stderr };
}

test("what a server worker prints goes to stderr, and the process's stdout stays the protocol's alone", () => {
  const { stdout, stderr } = run(`startServerWorker(${JSON.stringify(PRINTS)}, { eval: true })`);
  assert.equal(stdout, '');
  for (const line of ['worker console.log', 'worker stdout.write', 'worker console.error']) assert.match(stderr, new RegExp(line));
});

test('a plain worker would have written to stdout (the check above can fail)', () => {
  const { stdout } = run(`new Worker(${JSON.stringify(PRINTS)}, { eval: true })`);
  assert.match(stdout, /worker console\.log/);
  assert.match(stdout, /worker stdout\.write/);
});

/**
 * Over stdio, stdout is the LSP stream: whatever prints to the console once the server runs (a library's
 * warning, say) goes to stderr, and the stream stays readable. The library used to send it to the client's
 * log, but only while it read stdin itself; the server reads stdin through its frame watch since issue 19.
 * A module loaded before the server (`--require`) prints when the test signals it, after initialize.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { root } from './client';

test('console output after start-up goes to stderr, and the LSP stream on stdout stays readable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-console-'));
  const printer = path.join(dir, 'print-on-signal.js');
  fs.writeFileSync(
    printer,
    "process.on('SIGUSR2', () => { console.log('a line printed to the console'); console.info('and another'); });\n",
  );
  const child = spawn(process.execPath, ['--require', printer, path.join(root, 'dist/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const streamErrors: unknown[] = [];
  connection.onError((error) => void streamErrors.push(error));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    child.kill('SIGUSR2');
    for (let waited = 0; !stderr.includes('and another') && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(stderr, /a line printed to the console\n(.|\n)*and another/);
    // Still in step: a request after the prints is answered.
    const hover = await connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///none.ts' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
    assert.deepEqual(streamErrors, []);
  } finally {
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

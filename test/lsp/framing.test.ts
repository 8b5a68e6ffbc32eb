/**
 * Corrupt frames on stdio (issue 20, item 8): each makes the server say what was wrong, on stderr and in a
 * window/logMessage, and exit, instead of staying alive and silent. A good stream is left alone.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { root } from './client';

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});
const hover = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///x.ts' }, position: { line: 0, character: 0 } },
});
const frame = (body: string, headers = `Content-Length: ${Buffer.byteLength(body)}\r\n`) => `${headers}\r\n${body}`;

/** Runs the server on these bytes (then a good hover), until it exits or `waitMs` passes. */
async function run(bytes: string, waitMs = 8000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdin.write(frame(initialize));
  child.stdin.write(bytes);
  child.stdin.write(frame(hover));
  const timer = setTimeout(() => child.kill(), waitMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, stderr, stdout };
}

describe('corrupt frames on stdio', () => {
  const cases: [string, string, RegExp][] = [
    [
      'Content-Length too small',
      frame(hover, `Content-Length: ${hover.length - 20}\r\n`),
      /do not end like a JSON message|not "Name: value"/,
    ],
    [
      'Content-Length too large',
      frame(hover, `Content-Length: ${hover.length + 30}\r\n`),
      /do not end like a JSON message|not "Name: value"/,
    ],
    ['Content-Length not a number', frame(hover, 'Content-Length: abc\r\n'), /Content-Length "abc" is not a number/],
    ['Content-Length negative', frame(hover, 'Content-Length: -5\r\n'), /Content-Length "-5" is not a number/],
    [
      'Content-Length duplicated',
      frame(hover, `Content-Length: ${hover.length}\r\nContent-Length: 3\r\n`),
      /2 different Content-Length headers/,
    ],
    ['no Content-Length', frame(hover, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'), /no Content-Length/],
    ['LF-only headers', `Content-Length: ${hover.length}\n\n${hover}`, /end with LF alone/],
  ];
  for (const [name, bytes, expected] of cases) {
    test(name, async () => {
      const { code, stderr, stdout } = await run(bytes);
      assert.equal(code, 1, `exit code; stderr: ${stderr}`);
      assert.match(stderr, /^HTTP Status Lens: Message 2 from the client is corrupt: /);
      assert.match(stderr, expected);
      assert.match(stdout, /window\/logMessage.*is corrupt/, 'the client is told too');
    });
  }

  test('a good stream, with a repeated identical Content-Length, is not touched', async () => {
    const twice = frame(hover, `Content-Length: ${hover.length}\r\ncontent-length: ${hover.length}\r\n`);
    const { code, stderr, stdout } = await run(twice, 2000);
    assert.equal(stderr, '');
    assert.equal(code, null, 'still running until killed');
    assert.match(stdout, /"id":2,"result":null/);
  });
});

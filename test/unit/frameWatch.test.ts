/** The framing watcher of the stdio stream (issue 20, item 8): quiet on good traffic however it is split. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FrameWatch } from '../../server/src/transport/frameWatch';

const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'a\r\n\r\nContent-Length: 5\r\n\r\n' } });
const good = `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;

function watch(chunks: Buffer[], stallMs?: number): Promise<string[]> {
  const problems: string[] = [];
  const w = new FrameWatch({ onCorrupt: (p) => problems.push(p), stallMs });
  for (const chunk of chunks) w.push(chunk);
  return new Promise((resolve) => setTimeout(() => (w.stop(), resolve(problems)), (stallMs ?? 0) + 30));
}

describe('FrameWatch', () => {
  test('good traffic, whole or one byte at a time, raises nothing', async () => {
    const bytes = Buffer.from(good + good + 'Content-Length: 0\r\n\r\n' + good);
    assert.deepEqual(await watch([bytes]), []);
    assert.deepEqual(await watch([...bytes].map((b) => Buffer.from([b]))), []);
  });

  test('a message that stops halfway is reported after the stall time', async () => {
    const [problem] = await watch([Buffer.from(`Content-Length: ${body.length + 10}\r\n\r\n${body}`)], 40);
    assert.match(problem, /announced \d+ bytes .* but \d+ came and nothing more/);
    assert.match((await watch([Buffer.from('Content-Length: 12')], 40))[0], /headers stopped halfway/);
  });

  test('a header block without an end is reported, not buffered forever', async () => {
    assert.match((await watch([Buffer.from('x'.repeat(5000))]))[0], /no end of headers within 4096 bytes/);
  });

  test("each message's length is told as its header ends, before its body has come", () => {
    const lengths: number[] = [];
    const w = new FrameWatch({ onCorrupt: () => assert.fail('corrupt'), onBody: (length) => lengths.push(length) });
    const bytes = Buffer.from(good + 'Content-Length: 0\r\n\r\n' + good);
    const headerEnd = bytes.indexOf('\r\n\r\n') + 4;
    w.push(bytes.subarray(0, headerEnd + 1));
    assert.deepEqual(lengths, [Buffer.byteLength(body)], 'told with one byte of the body in');
    w.push(bytes.subarray(headerEnd + 1));
    assert.deepEqual(lengths, [Buffer.byteLength(body), 0, Buffer.byteLength(body)]);
    w.stop();
  });
});

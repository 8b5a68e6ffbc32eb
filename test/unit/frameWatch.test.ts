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

describe('FrameWatch: what the reader gets (issue 19)', () => {
  /** A stream of small messages around one body of `size` bytes or more, with text beyond Latin-1. */
  function stream(size: number): { bytes: Buffer; large: Buffer } {
    const large = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'm', params: { text: 'é 🚀 '.repeat(Math.ceil(size / 9)) } }));
    const frame = (b: Buffer) => Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
    return { bytes: Buffer.concat([frame(Buffer.from(body)), frame(large), frame(Buffer.from(body))]), large };
  }

  /** Pushes the stream in pieces of the given sizes, in turn; what the reader got and what was shared, in order. */
  function read(bytes: Buffer, sizes: number[], from: number): { pieces: Buffer[]; events: string[]; shared: Uint8Array[] } {
    const events: string[] = [];
    const shared: Uint8Array[] = [];
    const w = new FrameWatch({
      onCorrupt: (p) => events.push(`corrupt ${p}`),
      share: { from, onBody: (b) => (shared.push(b), events.push(`shared ${b.byteLength}`)) },
    });
    const pieces: Buffer[] = [];
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length];
      for (const piece of w.push(bytes.subarray(at, at + size))) (pieces.push(piece), events.push(`piece ${piece.length}`));
      at += size;
    }
    w.stop();
    return { pieces, events, shared };
  }

  test('the same bytes however the stream is split, a large body in one piece of shared memory, shared before the reader gets it', () => {
    const { bytes, large } = stream(200_000);
    for (const sizes of [[bytes.length], [1], [7, 4093, 65_537, 2, 3], [65_536]]) {
      const { pieces, events, shared } = read(bytes, sizes, 100_000);
      assert.ok(Buffer.concat(pieces).equals(bytes), `bytes kept in pieces of ${sizes}`);
      const whole = pieces.filter((p) => p.buffer instanceof SharedArrayBuffer);
      assert.equal(whole.length, 1, 'the large body is one piece');
      assert.ok(whole[0].equals(large));
      assert.equal(shared.length, 1);
      assert.ok(Buffer.from(shared[0]).equals(large));
      assert.ok(events.indexOf(`shared ${large.length}`) < events.indexOf(`piece ${large.length}`), 'shared before the reader gets it');
    }
  });

  test('bodies under the size pass as they come, nothing shared', () => {
    const { bytes } = stream(200_000);
    const { pieces, shared } = read(bytes, [4096], 1_000_000);
    assert.ok(Buffer.concat(pieces).equals(bytes));
    assert.equal(shared.length, 0);
    assert.ok(pieces.every((p) => !(p.buffer instanceof SharedArrayBuffer)));
  });

  test('a large body whose length was wrong still reaches the reader, unshared, and what follows passes as it comes', () => {
    const text = JSON.stringify({ jsonrpc: '2.0', method: 'm', params: { text: 'x'.repeat(300) } });
    const bytes = Buffer.from(`Content-Length: ${text.length - 3}\r\n\r\n${text}Content-Length: 2\r\n\r\n{}`);
    const { pieces, events, shared } = read(bytes, [50], 100);
    assert.ok(Buffer.concat(pieces).equals(bytes));
    assert.equal(shared.length, 0);
    assert.match(
      events.find((e) => e.startsWith('corrupt'))!,
      /do not end like a JSON message/,
    );
  });

  test("sharedBytes counts the current large body's bytes as they come", () => {
    const { bytes, large } = stream(200_000);
    const w = new FrameWatch({ onCorrupt: () => assert.fail('corrupt'), share: { from: 100_000, onBody: () => {} } });
    const start = bytes.indexOf(large);
    w.push(bytes.subarray(0, start + 1000));
    assert.equal(w.sharedBytes, 1000);
    w.push(bytes.subarray(start + 1000, start + large.length));
    assert.equal(w.sharedBytes, 0, 'none once the body is whole');
    w.stop();
  });
});

/**
 * stdin as the server's reader (vscode-jsonrpc) gets it over stdio: through the frame watch (frameWatch.ts),
 * which names a corrupt frame, tells each body's length as it starts, and copies a large body into shared
 * memory as its bytes arrive. That copy goes to whoever reads it besides (the scan worker) and then to the
 * reader in one piece, once the other has decoded it: the two decodings would otherwise add up in memory.
 */
import { PassThrough, type Readable } from 'node:stream';
import { collectYoungGarbage } from '../large/collect';
import { FrameWatch } from './frameWatch';

export interface StdioInputOptions {
  /** Told once, when the stream stops making sense (the server then ends). */
  onCorrupt(problem: string): void;
  /** Bodies of at least this many bytes are shared. */
  largeFrom: number;
  /** Told of a large body's length as it starts. */
  onLargeBody(length: number): void;
  /** A large body, whole; the reader gets it when this resolves. */
  read(body: Uint8Array): Promise<void>;
}

export function stdioInput(options: StdioInputOptions): Readable {
  let shared: { buffer: ArrayBufferLike; read: Promise<void> } | undefined;
  const watch = new FrameWatch({
    onCorrupt: options.onCorrupt,
    onBody: (length) => {
      if (length >= options.largeFrom) options.onLargeBody(length);
    },
    share: { from: options.largeFrom, onBody: (body) => (shared = { buffer: body.buffer, read: options.read(body) }) },
  });
  const input = new PassThrough();
  // What the reader gets, in order: a shared body once it is read, and what comes after it behind it.
  let waiting = 0;
  let passed = Promise.resolve();
  const pass = (write: () => void, after?: Promise<void>) => {
    if (!after && waiting === 0) return void write();
    waiting++;
    passed = passed
      .then(() => after)
      .then(() => {
        write();
        waiting--;
      });
  };
  let collectedAt = 0;
  process.stdin.on('data', (chunk: Buffer) => {
    const pieces = watch.push(chunk);
    const body = shared;
    shared = undefined;
    for (const piece of pieces) pass(() => input.write(piece), piece.buffer === body?.buffer ? body.read : undefined);
    // The chunks of a shared body are garbage once copied: collected each MB, they never add up to the body's size.
    const copied = watch.sharedBytes;
    if (copied < collectedAt) collectedAt = 0;
    if (copied - collectedAt >= 1 << 20) (collectYoungGarbage(), (collectedAt = copied));
  });
  // The library ends the process when its input ends or closes, and hears its errors: stdin's, passed on.
  const end = () => (watch.stop(), pass(() => input.writableEnded || input.end()));
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  process.stdin.on('error', (error) => (watch.stop(), input.destroy(error)));
  return input;
}

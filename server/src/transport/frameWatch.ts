/**
 * Watches the framing of the LSP byte stream on its way to vscode-jsonrpc's reader, which on a corrupt frame
 * (a Content-Length too small, too large, not a number, negative; LF-only headers) fires an error nobody
 * hears and then reads garbage or waits forever. Once a frame is wrong the stream cannot be read in step
 * again, so the watcher names what was wrong and the server exits (an editor restarts it).
 * It counts bytes and looks at headers only: a body is never parsed here. As it reads each message's length
 * before the body arrives, it also tells the server of a large message early (`onBody`). The reader gets
 * the stream's bytes through it (push), and a large body in one piece, copied into shared memory as it came
 * (`share`): the scan worker reads that same copy, and this thread's reader decodes it after (stdioInput.ts).
 */

/** Longer header blocks are not headers (the base protocol has two short ones). */
const MAX_HEADER_BYTES = 4096;
const CRLF2 = Buffer.from('\r\n\r\n');
const LF_ONLY = 'its headers end with LF alone; the base protocol ends each with CRLF';

export interface FrameWatchOptions {
  /** Told once, when the stream stops making sense, or a message stops halfway for `stallMs`. */
  onCorrupt(problem: string): void;
  stallMs?: number;
  /** Told of each message's length in bytes as its body starts, while the rest is still on its way. */
  onBody?(length: number): void;
  /**
   * Bodies of at least `from` bytes, copied into a SharedArrayBuffer as their bytes arrive and handed over
   * whole (`onBody`) as their last byte is pushed, before the reader gets them (see push). They are UTF-8
   * whatever a Content-Type says: the server's reader (vscode-jsonrpc) decodes every body so.
   */
  share?: { from: number; onBody(body: Uint8Array): void };
}

export class FrameWatch {
  private header = Buffer.alloc(0);
  /** Body bytes still to come of the current message; -1 while reading headers. */
  private remaining = -1;
  private announced = 0;
  private first = -1;
  private last = -1;
  private messages = 0;
  private stallTimer: NodeJS.Timeout | undefined;
  private done = false;
  /** The current body's copy in shared memory (see `share`), and how much of it has come. */
  private shared: Uint8Array | undefined;
  private sharedAt = 0;
  /** A shared body just completed, for the reader. */
  private whole: Buffer | undefined;

  constructor(private readonly options: FrameWatchOptions) {}

  /**
   * Reads the next bytes of the stream, and returns what the server's reader is to get of them: the same
   * bytes, except that a shared body (`share`) is held back and given whole once its last byte is in. In one
   * piece, the reader takes it as it is instead of copying it out of the stream's chunks.
   */
  push(chunk: Buffer): Buffer[] {
    if (this.done) return [chunk];
    const out: Buffer[] = [];
    let at = 0;
    let passFrom = 0;
    while (!this.done && at < chunk.length) {
      if (this.remaining < 0 || !this.shared) {
        at = this.remaining < 0 ? this.readHeader(chunk, at) : this.readBody(chunk, at);
        continue;
      }
      // A shared body's bytes are held back; what came before them in this chunk goes on first.
      if (at > passFrom) out.push(chunk.subarray(passFrom, at));
      passFrom = at + Math.min(this.remaining, chunk.length - at);
      at = this.readBody(chunk, at);
      if (this.whole) out.push(this.whole);
      this.whole = undefined;
    }
    if (passFrom < chunk.length) out.push(passFrom === 0 ? chunk : chunk.subarray(passFrom));
    this.armStall();
    return out;
  }

  /** How many bytes of the current shared body have come (0 when none is being shared). */
  get sharedBytes(): number {
    return this.shared ? this.sharedAt : 0;
  }

  stop(): void {
    this.done = true;
    this.shared = undefined;
    clearTimeout(this.stallTimer);
  }

  private readHeader(chunk: Buffer, at: number): number {
    const before = this.header.length;
    this.header = Buffer.concat([this.header, chunk.subarray(at, at + MAX_HEADER_BYTES + 4 - before)]);
    const end = this.header.indexOf(CRLF2);
    if (end < 0) {
      const text = this.header.toString('latin1');
      if (/\n\n/.test(text.replace(/\r\n/g, '\r\r'))) return this.corrupt(LF_ONLY);
      if (this.header.length > MAX_HEADER_BYTES) return this.corrupt(`no end of headers within ${MAX_HEADER_BYTES} bytes`);
      return chunk.length;
    }
    const consumed = end + 4 - before;
    const problem = this.parseHeaders(this.header.subarray(0, end).toString('latin1'));
    this.header = Buffer.alloc(0);
    if (problem) return this.corrupt(problem);
    return at + consumed;
  }

  private parseHeaders(block: string): string | undefined {
    if (block.replace(/\r\n/g, '').includes('\n')) return LF_ONLY;
    const lengths: string[] = [];
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(line.slice(0, colon)))
        return `its header line ${JSON.stringify(line.slice(0, 80))} is not "Name: value" (the previous message's Content-Length was wrong?)`;
      if (line.slice(0, colon).toLowerCase() === 'content-length') lengths.push(line.slice(colon + 1).trim());
    }
    if (lengths.length === 0) return 'it has no Content-Length header';
    if (new Set(lengths).size > 1) return `it has ${lengths.length} different Content-Length headers (${lengths.join(', ')})`;
    if (!/^\d{1,10}$/.test(lengths[0])) return `its Content-Length ${JSON.stringify(lengths[0].slice(0, 40))} is not a number of bytes`;
    this.announced = this.remaining = Number(lengths[0]);
    this.first = this.last = -1;
    this.options.onBody?.(this.announced);
    const share = this.options.share;
    if (share && this.announced >= share.from) {
      this.shared = new Uint8Array(new SharedArrayBuffer(this.announced));
      this.sharedAt = 0;
    }
    // An empty body is no message, but the stream is still in step: the next header block tells.
    if (this.remaining === 0) ((this.remaining = -1), this.messages++);
    return undefined;
  }

  private readBody(chunk: Buffer, at: number): number {
    const take = Math.min(this.remaining, chunk.length - at);
    for (let i = at; i < at + take && this.first < 0; i++) if (!isSpace(chunk[i])) this.first = chunk[i];
    for (let i = at + take - 1; i >= at; i--)
      if (!isSpace(chunk[i])) {
        this.last = chunk[i];
        break;
      }
    if (this.shared) {
      this.shared.set(chunk.subarray(at, at + take), this.sharedAt);
      this.sharedAt += take;
    }
    this.remaining -= take;
    if (this.remaining === 0) {
      const problem = this.endBody();
      if (problem) return this.corrupt(problem);
    }
    return at + take;
  }

  /** A body of the announced length that does not look like one JSON object is a length that was wrong. */
  private endBody(): string | undefined {
    this.remaining = -1;
    const shared = this.shared;
    this.shared = undefined;
    if (shared) this.whole = Buffer.from(shared.buffer);
    const opens = this.first === 0x7b || this.first === 0x5b;
    const closes = this.last === 0x7d || this.last === 0x5d;
    if (opens && closes) {
      this.messages++;
      if (shared) this.options.share!.onBody(shared);
      return undefined;
    }
    return `its ${this.announced} bytes (as its Content-Length says) ${opens ? 'do not end' : 'do not start'} like a JSON message: the length is wrong`;
  }

  private corrupt(problem: string): number {
    this.stop();
    this.options.onCorrupt(`Message ${this.messages + 1} from the client is corrupt: ${problem}.`);
    return Number.MAX_SAFE_INTEGER;
  }

  private armStall(): void {
    clearTimeout(this.stallTimer);
    if (this.done || (this.remaining <= 0 && this.header.length === 0)) return;
    const { stallMs = 10_000 } = this.options;
    this.stallTimer = setTimeout(() => {
      if (this.done) return;
      this.stop();
      const got = this.announced - this.remaining;
      const problem =
        this.remaining > 0
          ? `it announced ${this.announced} bytes (Content-Length) but ${got} came and nothing more for ${stallMs / 1000} s: its Content-Length is too large`
          : `its headers stopped halfway (${JSON.stringify(this.header.toString('latin1').slice(0, 80))}) and nothing more came for ${stallMs / 1000} s`;
      this.options.onCorrupt(`Message ${this.messages + 1} from the client is corrupt: ${problem}.`);
    }, stallMs);
    this.stallTimer.unref();
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * Watches the framing of the LSP byte stream beside vscode-jsonrpc's reader, which on a corrupt frame
 * (a Content-Length too small, too large, not a number, negative; LF-only headers) fires an error nobody
 * hears and then reads garbage or waits forever. Once a frame is wrong the stream cannot be read in step
 * again, so the watcher names what was wrong and the server exits (an editor restarts it).
 * It counts bytes and looks at headers only: a body is never copied or parsed here. As it reads each
 * message's length before the body arrives, it also tells the server of a large message early (`onBody`).
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

  constructor(private readonly options: FrameWatchOptions) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (!this.done && at < chunk.length) {
      if (this.remaining < 0) at = this.readHeader(chunk, at);
      else at = this.readBody(chunk, at);
    }
    this.armStall();
  }

  stop(): void {
    this.done = true;
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
    const opens = this.first === 0x7b || this.first === 0x5b;
    const closes = this.last === 0x7d || this.last === 0x5d;
    if (opens && closes) return void this.messages++;
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

/**
 * A progress line on stderr while many files are linted, only on a terminal and never in CI: it rewrites
 * itself in place, at most ten times a second, and is erased before anything else is written to stderr.
 */

const MIN_FILES = 100;
const FIRST_DRAW_MS = 250;
const REDRAW_MS = 100;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

export class Progress {
  private done = 0;
  private shown = false;
  private lastDraw: number;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    env: NodeJS.ProcessEnv,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true && !env.CI && total >= MIN_FILES;
    this.lastDraw = now() - REDRAW_MS + FIRST_DRAW_MS;
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r\u001b[Khttp-status-lens: ${this.done}/${this.total} files (${Math.floor((this.done / this.total) * 100)}%)`);
    this.shown = true;
  }

  /** Erases the line, so the next write to the stream starts clean. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}

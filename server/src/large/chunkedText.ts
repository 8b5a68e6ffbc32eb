/**
 * A text document kept as a list of chunks, for large files. The library's TextDocument keeps one string
 * and splices each edit into it; V8 then holds a concatenation, and the next read of any character (an
 * offsetAt, a look at the cursor's line) copies all of it: ~12 ms per keystroke on a 13 MB spec, in the
 * thread that answers hover. Here an edit rewrites one chunk and a read touches only the chunks it needs.
 * Positions follow the library's rules exactly (same line breaks, same clamping), so both agree.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lastAtOrBefore, lineStartsOf } from '../service';

/** Chunks are split to this size: a keystroke copies one (16 KB: edits cost ~60% of what 64 KB chunks cost; 4 KB gains nothing more). */
const CHUNK = 16 * 1024;

const LF = 10;
const CR = 13;
const isEol = (c: number) => c === LF || c === CR;

export class ChunkedTextDocument implements TextDocument {
  private chunks: string[] = [];
  /** The offset where each chunk starts. */
  private starts: number[] = [];
  private length = 0;
  /**
   * The offset where each line starts; from line `shiftFrom` on, `shift` is still to be added (see
   * shiftLines). Found on the first question about a position: an opened document goes to the scan worker
   * before this thread needs its lines.
   */
  private lines: Int32Array | undefined;
  private shiftFrom = 0;
  private shift = 0;
  /** The whole text, joined once per version when a caller asks for it. */
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    /** Tests use small chunks, to cross chunk borders often. */
    private readonly chunkSize = CHUNK,
  ) {
    this.replaceAll(text);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  getText(range?: Range): string {
    if (!range) return (this.joined ??= this.chunks.join(''));
    return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    let low = 0;
    let high = this.lineOffsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStart(mid) > offset) high = mid;
      else low = mid + 1;
    }
    const lineOffset = this.lineStart(low - 1);
    return { line: low - 1, character: this.beforeEol(offset, lineOffset) - lineOffset };
  }

  offsetAt(position: Position): number {
    // A text of n characters has at most n + 1 lines: past that is its end, without the line table
    // (textLength asks for line MAX_SAFE_INTEGER, on open too).
    if (position.line > this.length) return this.length;
    const lines = this.lineOffsets.length;
    if (position.line >= lines) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = this.lineStart(position.line);
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lines ? this.lineStart(position.line + 1) : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  /** Applies changes as TextDocument.update does (each in the coordinates the previous one left). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.replaceAll(change.text);
        continue;
      }
      let { start, end } = change.range;
      if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
      const startOffset = this.offsetAt(start);
      const endOffset = this.offsetAt(end);
      this.splice(startOffset, endOffset, change.text);
      // A table not found yet is found from the new text when asked (a range past the text's end asks nothing).
      if (!this.lines) continue;
      const startLine = Math.max(start.line, 0);
      const endLine = Math.max(end.line, 0);
      const added = lineStartsOf(change.text, startOffset);
      if (added.length > 0 || endLine > startLine) {
        this.applyShift();
        this.lines = replaceLines(this.lines, startLine + 1, endLine + 1, added);
      }
      this.shiftLines(startLine + 1 + added.length, change.text.length - (endOffset - startOffset));
    }
    this.currentVersion = version;
  }

  private replaceAll(text: string): void {
    this.chunks = split(text, this.chunkSize);
    this.length = text.length;
    this.starts = startsOf(this.chunks, 0, [], 0);
    this.lines = undefined;
    this.shift = 0;
    this.joined = text;
  }

  /** Where each line starts (found now if it was not yet): a copy goes with the document to the scan worker. */
  lineTable(): Int32Array {
    this.applyShift();
    return this.lineOffsets;
  }

  /**
   * Takes the line table another copy of this same text found (the server's thread, while this worker scans):
   * the first diagnostics then need not find it (12-33 ms on a 13 MB spec). Kept only when none was found here.
   */
  adoptLineTable(lines: Int32Array): void {
    if (!this.lines && lines[0] === 0 && lines[lines.length - 1] <= this.length) this.lines = lines;
  }

  private get lineOffsets(): Int32Array {
    return (this.lines ??= lineStartsOf(this.getText(), 0, 0));
  }

  private lineStart(line: number): number {
    return line >= this.shiftFrom ? this.lineOffsets[line] + this.shift : this.lineOffsets[line];
  }

  /**
   * Moves the lines from `from` on by `diff`. The move is kept pending while edits stay on one line, as
   * typing does: adding to every later line start costs ~0.2 ms a keystroke on a 350,000-line spec
   * (~10 ms for the first ones, before the loop is compiled).
   */
  private shiftLines(from: number, diff: number): void {
    if (diff === 0) return;
    if (this.shiftFrom !== from) this.applyShift();
    this.shiftFrom = from;
    this.shift += diff;
  }

  private applyShift(): void {
    if (this.shift === 0) return;
    for (let i = this.shiftFrom; i < this.lineOffsets.length; i++) this.lineOffsets[i] += this.shift;
    this.shift = 0;
  }

  /** Replaces [start, end) with text, rewriting only the chunks it touches. */
  private splice(start: number, end: number, text: string): void {
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const merged = this.chunks[first].slice(0, start - this.starts[first]) + text + this.chunks[last].slice(end - this.starts[last]);
    // An emptied chunk goes, unless it is the only one.
    const pieces = merged === '' && this.chunks.length > last - first + 1 ? [] : split(merged, this.chunkSize);
    const diff = text.length - (end - start);
    if (first === last && pieces.length === 1) {
      // The common case, a keystroke: one chunk rewritten, the later starts shifted in place.
      this.chunks[first] = pieces[0];
      for (let i = first + 1; i < this.starts.length; i++) this.starts[i] += diff;
    } else {
      this.chunks.splice(first, last - first + 1, ...pieces);
      this.starts = startsOf(this.chunks, first, this.starts, this.starts[first]);
    }
    this.length += diff;
    this.joined = undefined;
  }

  private slice(start: number, end: number): string {
    if (start >= end) return '';
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    if (first === last) return this.chunks[first].slice(start - this.starts[first], end - this.starts[first]);
    const parts = [this.chunks[first].slice(start - this.starts[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.chunks[i]);
    parts.push(this.chunks[last].slice(0, end - this.starts[last]));
    return parts.join('');
  }

  private charCodeAt(offset: number): number {
    const chunk = this.chunkAt(offset);
    return this.chunks[chunk].charCodeAt(offset - this.starts[chunk]);
  }

  /** The chunk holding offset (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, offset));
  }

  /** An offset at the end of a line moves back before its line break, as the library does. */
  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** The line table with the lines [from, to) replaced by `added` (clamped to the table, as a splice). */
function replaceLines(lines: Int32Array, from: number, to: number, added: Int32Array): Int32Array {
  from = Math.min(from, lines.length);
  to = Math.min(Math.max(to, from), lines.length);
  const replaced = new Int32Array(lines.length - (to - from) + added.length);
  replaced.set(lines.subarray(0, from));
  replaced.set(added, from);
  replaced.set(lines.subarray(to), from + added.length);
  return replaced;
}

/** The text in chunks of at most `size` characters; at least one. */
function split(text: string, size: number): string[] {
  const chunks = [text.slice(0, size)];
  for (let start = size; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

/** Chunk start offsets, recomputed from chunk `from` (which starts at `offset`) on; earlier ones are kept. */
function startsOf(chunks: readonly string[], from: number, previous: number[], offset: number): number[] {
  const starts = previous.slice(0, from);
  for (let i = from; i < chunks.length; i++) {
    starts.push(offset);
    offset += chunks[i].length;
  }
  return starts;
}

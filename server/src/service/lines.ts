/**
 * Lines as the editor counts them. LSP and TextDocument end a line at CR, LF or CRLF; the scanners look for
 * LF only, so they read a text whose lone CRs (old Mac line endings) are LFs: the same offsets and the same
 * lines, at the cost of one search for CR (none in most files).
 */
import { IntRun } from './intRun';
import type { DocumentLike } from './model';
import { lastAtOrBefore } from './sorted';

export function withLfLineBreaks(text: string): string {
  let cr = text.indexOf('\r');
  while (cr >= 0 && text.charCodeAt(cr + 1) === 10) cr = text.indexOf('\r', cr + 2);
  return cr < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/**
 * The offsets where lines start inside `text` (after each CR, LF or CRLF), shifted by `base`, after `first`
 * when given (a whole text's table starts with its line 0). Without a CR (most texts) the LFs are found with
 * indexOf, which V8 runs as a fast memory search. The table is an Int32Array (see IntRun).
 */
export function lineStartsOf(text: string, base = 0, first?: number): Int32Array {
  const starts = new IntRun();
  if (first !== undefined) starts.push(first);
  if (!text.includes('\r')) {
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) starts.push(base + lf + 1);
    return starts.finish();
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(base + i + 1);
  }
  return starts.finish();
}

/** The document's own line ending (its first one), for lines a fix inserts; LF in a one-line text. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.lastIndexOf('\r', lf < 0 ? text.length : lf);
  if (cr < 0) return '\n';
  return cr === lf - 1 ? '\r\n' : '\r';
}

/**
 * A document for a text read once and never edited (the CLI's), with positions as TextDocument gives them.
 * Without a CR (most files) its line table is found with indexOf (lineStartsOf), faster than TextDocument's
 * character loop; with one, it is the library's TextDocument, whose CR rules then apply.
 */
export function readOnlyDocument(
  uri: string,
  languageId: string,
  version: number,
  text: string,
  create: (uri: string, languageId: string, version: number, text: string) => DocumentLike,
): DocumentLike {
  if (text.includes('\r')) return create(uri, languageId, version, text);
  let lines: Int32Array | undefined;
  const lineStarts = () => (lines ??= lineStartsOf(text, 0, 0));
  const offsetAt = (position: { line: number; character: number }): number => {
    const starts = lineStarts();
    if (position.line >= starts.length) return text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
    // Not past the line's LF (as TextDocument's ensureBeforeEOL).
    const offset = Math.min(start + position.character, next);
    return offset > start && text.charCodeAt(offset - 1) === 10 ? offset - 1 : offset;
  };
  return {
    uri,
    languageId,
    version,
    getText: (range) => (range ? text.substring(offsetAt(range.start), offsetAt(range.end)) : text),
    offsetAt,
    positionAt(offset) {
      const starts = lineStarts();
      offset = Math.max(Math.min(offset, text.length), 0);
      const line = lastAtOrBefore(starts, offset);
      return { line, character: offset - starts[line] };
    },
  };
}

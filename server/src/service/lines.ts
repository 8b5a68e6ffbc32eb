/**
 * Lines as the editor counts them. LSP and TextDocument end a line at CR, LF or CRLF; the scanners look for
 * LF only, so they read a text whose lone CRs (old Mac line endings) are LFs: the same offsets and the same
 * lines, at the cost of one search for CR (none in most files).
 */

export function withLfLineBreaks(text: string): string {
  let cr = text.indexOf('\r');
  while (cr >= 0 && text.charCodeAt(cr + 1) === 10) cr = text.indexOf('\r', cr + 2);
  return cr < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/** The document's own line ending (its first one), for lines a fix inserts; LF in a one-line text. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.lastIndexOf('\r', lf < 0 ? text.length : lf);
  if (cr < 0) return '\n';
  return cr === lf - 1 ? '\r\n' : '\r';
}

/**
 * `http-status-lens-disable-next-line [rule-id ...]` comments, in any language's comment syntax, and the
 * place where a new one is written for a site.
 */
import type { DocumentLike, StatusSite, SuppressionPlace } from '../model';

export const DISABLE_NEXT_LINE = 'http-status-lens-disable-next-line';
/** Stands for "every rule" when a disable comment names none. */
export const ALL_RULES = '*';

/** Collects disable comments by the line they silence. */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string>>();

  constructor(private readonly document: DocumentLike) {}

  /** Reads a comment; `start`/`end` bound its text in the document. */
  addComment(text: string, start: number, end: number): void {
    // Only this comment is searched: searching on to the end of the text cost O(n²) over many comments.
    const comment = text.slice(start, end);
    const at = comment.indexOf(DISABLE_NEXT_LINE);
    if (at < 0) return;
    const ids = beforeCommentClose(comment.slice(at + DISABLE_NEXT_LINE.length))
      .split(/[\s,]+/)
      .filter((id) => /^[a-z0-9-]+$/.test(id));
    const line = this.document.positionAt(end).line + 1;
    const set = this.byLine.get(line) ?? new Set<string>();
    if (ids.length === 0) set.add(ALL_RULES);
    for (const id of ids) set.add(id);
    this.byLine.set(line, set);
  }

  /** Sets each site's suppressed ids and the place for a new comment. */
  /** `commentPrefix` undefined: the format has no comments (JSON), so no comment is offered. */
  apply(sites: StatusSite[], commentPrefix: string | undefined, text: string): void {
    for (const site of sites) {
      const line = this.document.positionAt(site.start).line;
      const found = this.byLine.get(line);
      if (found) site.suppressed = found;
      if (!site.suppressAt && commentPrefix !== undefined) site.suppressAt = commentPlace(this.document, text, line, commentPrefix);
    }
  }
}

/**
 * The text before a block comment's close (`*` `/`, `-->`) on its last line: what /\*\/.*$|-->.*$/ removed, without
 * that regex's quadratic backtracking over a long run of `*` `/` followed by a line break.
 */
function beforeCommentClose(rest: string): string {
  let lastLine = rest.length;
  while (lastLine > 0 && !isLineBreak(rest.charCodeAt(lastLine - 1))) lastLine--;
  const closes = [rest.indexOf('*/', lastLine), rest.indexOf('-->', lastLine)].filter((i) => i >= 0);
  return closes.length === 0 ? rest : rest.slice(0, Math.min(...closes));
}

/** The line terminators of a regex `.`: LF, CR, U+2028, U+2029. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

export function commentPlace(document: DocumentLike, text: string, line: number, prefix: string): SuppressionPlace {
  const lineStart = document.offsetAt({ line, character: 0 });
  let indentEnd = lineStart;
  while (indentEnd < text.length && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
  return { kind: 'comment', line, indent: text.slice(lineStart, indentEnd), prefix };
}

export function isSuppressed(site: StatusSite, ruleId: string): boolean {
  return site.suppressed.has(ruleId) || site.suppressed.has(ALL_RULES);
}

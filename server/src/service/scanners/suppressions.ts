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
    const at = text.indexOf(DISABLE_NEXT_LINE, start);
    if (at < 0 || at >= end) return;
    const ids = text
      .slice(at + DISABLE_NEXT_LINE.length, end)
      .replace(/\*\/.*$|-->.*$/, '')
      .split(/[\s,]+/)
      .filter((id) => /^[a-z0-9-]+$/.test(id));
    const line = this.document.positionAt(end).line + 1;
    const set = this.byLine.get(line) ?? new Set<string>();
    if (ids.length === 0) set.add(ALL_RULES);
    for (const id of ids) set.add(id);
    this.byLine.set(line, set);
  }

  /** Sets each site's suppressed ids and the place for a new comment. */
  apply(sites: StatusSite[], commentPrefix: string, text: string): void {
    for (const site of sites) {
      const line = this.document.positionAt(site.start).line;
      const found = this.byLine.get(line);
      if (found) site.suppressed = found;
      if (!site.suppressAt) site.suppressAt = commentPlace(this.document, text, line, commentPrefix);
    }
  }
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

/**
 * `http-status-lens-disable-next-line [rule-id ...]` comments, in any language's comment syntax, and the
 * place where a new one is written for a site.
 *
 * A line that starts inside a string, template literal, heredoc, block comment or YAML scalar opened on an
 * earlier line has no room for a comment before it (the comment would become part of the token). Such lines
 * belong to the line where that token starts: a comment before that first line covers all of them, and the
 * quick fix writes it there. (ESLint's disable-next-line covers one line only, which leaves such lines no
 * comment but a disable/enable pair around the statement: eslint/eslint#10275.)
 */
import { lineBreakOf } from '../lines';
import type { DocumentLike, SiteTable, StatusSite, SuppressionPlace } from '../model';

export const DISABLE_NEXT_LINE = 'http-status-lens-disable-next-line';
/** Stands for "every rule" when a disable comment names none. */
export const ALL_RULES = '*';
/** The suppressions of a site that has none: one set for all of them (an empty Set costs ~150 bytes). */
export const NO_SUPPRESSIONS: ReadonlySet<string> = new Set();

/** Collects disable comments by the line they silence, and the lines that multi-line tokens join. */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string>>();
  /** The tokens that span line breaks, as start, end offsets, in order. */
  private readonly multiline: number[] = [];
  /** The runs of lines they join, as [first, last] pairs, in order, disjoint; worked out when a site asks. */
  private joined: [number, number][] | undefined;
  /** The first LF at or after `searchedFrom`: tokens come in order, so finding them costs one pass in all. */
  private searchedFrom = -1;
  private nextLf = -1;
  /** The document's line ending, for the comment line a fix inserts. */
  readonly eol: string;

  /** `text` is the document's text as scanned (lone CRs read as LFs); `eol`, when known, spares reading the document's. */
  constructor(
    private readonly document: DocumentLike,
    private readonly text: string,
    eol?: string,
  ) {
    this.eol = eol ?? lineBreakOf(document.getText());
  }

  /** Reads a comment; `start`/`end` bound its text in the document. */
  addComment(text: string, start: number, end: number): void {
    this.addToken(start, end);
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

  /** Notes a string, comment or scalar token; one that spans a line break joins its lines. */
  addToken(start: number, end: number): void {
    if (start < this.searchedFrom || start > this.nextLf) {
      this.searchedFrom = start;
      this.nextLf = this.text.indexOf('\n', start);
      if (this.nextLf < 0) this.nextLf = this.text.length;
    }
    // Lines after the first that start inside the token (a token that ends with a line break joins none).
    if (this.nextLf + 1 < end) this.multiline.push(start, end);
  }

  /**
   * Sets each site's suppressed ids (a comment before its line, or before the first line of the run its line
   * is joined to) and the place for a new comment. `commentPrefix` undefined: the format has no comments
   * (JSON), so no comment is offered.
   */
  apply(sites: readonly StatusSite[] | SiteTable, commentPrefix: string | undefined): void {
    // Nothing to set (JSON without a disable comment): a table's sites are not made only to be looked at.
    if (commentPrefix === undefined && this.byLine.size === 0) return;
    for (let i = 0; i < sites.length; i++) {
      const site = isTable(sites) ? sites.site(i) : sites[i];
      const line = this.document.positionAt(site.start).line;
      const head = this.headOf(line);
      // Set only where it changes: a response key's site holds a set of its own only then (openapi/responseKey.ts).
      let suppressed = union(site.suppressed, this.byLine.get(line));
      if (head !== line) suppressed = union(suppressed, this.byLine.get(head));
      if (suppressed !== site.suppressed) site.suppressed = suppressed;
      if (commentPrefix !== undefined && !site.suppressAt)
        site.suppressAt = commentPlace(this.document, this.text, head, commentPrefix, this.eol);
    }
  }

  /** The first line of the run of joined lines holding `line` (the line itself when none joins it). */
  private headOf(line: number): number {
    const joined = (this.joined ??= this.joinedLines());
    let low = 0;
    let high = joined.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [first, last] = joined[mid];
      if (line < first) high = mid - 1;
      else if (line > last) low = mid + 1;
      else return first;
    }
    return line;
  }

  /** Lines only now: a file without sites (most files) never pays for the document's line table. */
  private joinedLines(): [number, number][] {
    const joined: [number, number][] = [];
    for (let i = 0; i < this.multiline.length; i += 2) {
      const first = this.document.positionAt(this.multiline[i]).line;
      const last = this.document.positionAt(this.multiline[i + 1] - 1).line;
      const previous = joined[joined.length - 1];
      if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last);
      else joined.push([first, last]);
    }
    return joined;
  }
}

function isTable(sites: readonly StatusSite[] | SiteTable): sites is SiteTable {
  return !Array.isArray(sites);
}

function union(ids: ReadonlySet<string>, more: ReadonlySet<string> | undefined): ReadonlySet<string> {
  if (!more) return ids;
  return ids.size === 0 ? more : new Set([...ids, ...more]);
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

function commentPlace(document: DocumentLike, text: string, line: number, prefix: string, eol: string): SuppressionPlace {
  const lineStart = document.offsetAt({ line, character: 0 });
  let indentEnd = lineStart;
  while (indentEnd < text.length && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
  return { kind: 'comment', line, indent: text.slice(lineStart, indentEnd), prefix, eol };
}

export function isSuppressed(site: StatusSite, ruleId: string): boolean {
  return site.suppressed.has(ruleId) || site.suppressed.has(ALL_RULES);
}

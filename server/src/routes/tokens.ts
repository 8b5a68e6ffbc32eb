/**
 * The tokens of a source file as an array, with matching brackets and line indentation: what the route
 * reader and the definitions index walk. Built over the service's lexer, so strings and comments are never
 * read as code.
 */
import * as knowledge from '../knowledge';
import { TokenKind, firstAtOrAfter, lastAtOrBefore, lex } from '../service';

export { TokenKind };

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export class Tokens {
  readonly list: Token[] = [];
  /** For an opening bracket, the index of its closing one (or the last token when it never closes). */
  private readonly matches = new Map<number, number>();
  /** Offsets where lines start. */
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    family: string,
  ) {
    const syntax = knowledge.syntaxOf(family);
    if (syntax) lex(text, syntax, (kind, start, end) => this.list.push({ kind, start, end }));
    const stack: number[] = [];
    this.list.forEach((token, index) => {
      if (token.kind !== TokenKind.Punctuation) return;
      const c = text[token.start];
      if (OPEN[c]) stack.push(index);
      else if (c === ')' || c === ']' || c === '}') {
        // Pop to the bracket this one closes; an unbalanced closer is left alone.
        for (let k = stack.length - 1; k >= 0; k--) {
          if (OPEN[text[this.list[stack[k]].start]] === c) {
            this.matches.set(stack[k], index);
            stack.length = k;
            break;
          }
        }
      }
    });
    for (const open of stack) this.matches.set(open, this.list.length - 1);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  get length(): number {
    return this.list.length;
  }

  text_(index: number): string {
    const token = this.list[index];
    return token ? this.text.slice(token.start, token.end) : '';
  }

  is(index: number, text: string): boolean {
    const token = this.list[index];
    return token !== undefined && token.end - token.start === text.length && this.text.startsWith(text, token.start);
  }

  kind(index: number): TokenKind | undefined {
    return this.list[index]?.kind;
  }

  /** The closing bracket of the opening one at `index`. */
  match(index: number): number | undefined {
    return this.matches.get(index);
  }

  /** The index of the first token starting at or after an offset. */
  indexAt(offset: number): number {
    return firstAtOrAfter(this.list, offset);
  }

  lineOf(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.lineStarts, offset));
  }

  lineStart(line: number): number {
    return this.lineStarts[line] ?? this.text.length;
  }

  /** The indentation width of a line, or -1 for a blank one. */
  indentOf(line: number): number {
    const start = this.lineStart(line);
    let i = start;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return i >= this.text.length || this.text[i] === '\n' || this.text[i] === '\r' ? -1 : i - start;
  }

  /** Indentation languages: the end of the block whose header line holds `offset` (the next line indented no deeper). */
  blockEnd(offset: number): number {
    const header = this.lineOf(offset);
    const indent = this.indentOf(header);
    let line = header + 1;
    let last = header;
    for (; line < this.lineStarts.length; line++) {
      const own = this.indentOf(line);
      if (own < 0) continue;
      if (own <= indent) {
        // Ruby's `end` closes the block at the header's indentation: it belongs to it.
        if (/^\s*end\b/.test(this.text.slice(this.lineStart(line), this.lineStart(line) + indent + 4))) last = line;
        break;
      }
      last = line;
    }
    const next = this.lineStart(last + 1);
    return next > 0 && this.text[next - 1] === '\n' ? next - 1 : next;
  }

  /** The string value of a string token without its quotes or prefix, or undefined for other tokens and interpolations. */
  stringValue(index: number): string | undefined {
    const token = this.list[index];
    if (!token || (token.kind !== TokenKind.String && token.kind !== TokenKind.Template)) return undefined;
    let raw = this.text.slice(token.start, token.end);
    const prefix = /^[A-Za-z@$]*/.exec(raw)![0];
    // Interpolated strings (f"", $"", Ruby "#{}", PHP "$x") are built at run time.
    if (/[f$]/i.test(prefix.replace(/[rRbBuU@]/g, '')) && /\{/.test(raw)) return undefined;
    raw = raw.slice(prefix.length);
    const quote = raw[0];
    if (!quote) return undefined;
    let body = raw.startsWith(quote.repeat(3)) ? raw.slice(3, -3) : raw.slice(1, raw.length > 1 && raw.endsWith(quote) ? -1 : undefined);
    if (quote === '"' && this.text.includes('#{', token.start) && body.includes('#{')) return undefined;
    if (token.kind === TokenKind.Template) {
      // A template with holes is cut into several tokens; one token is a plain string.
      if (!raw.endsWith('`') || raw.length < 2) return undefined;
    }
    if (!/r/i.test(prefix)) body = body.replace(/\\(.)/g, '$1');
    return body;
  }
}

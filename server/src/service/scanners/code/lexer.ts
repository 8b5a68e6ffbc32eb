/**
 * A small lexer for source code, configured by a language family's syntax in data/languages.json.
 * It only has to tell code from strings and comments and cut code into identifiers, numbers and
 * punctuation: enough for the status-code scanner, without parsing. One pass, charCodeAt only, so its
 * cost is linear whatever the input.
 */
import type { LexerSyntax } from '../../../knowledge';

export const enum TokenKind {
  Identifier,
  Number,
  String,
  /** A template literal's text parts; the code in `${...}` holes is lexed as code. */
  Template,
  Comment,
  Punctuation,
  /** A line break, reported only for languages where it can end a statement. */
  Newline,
}

export type TokenSink = (kind: TokenKind, start: number, end: number) => void;

const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  Dollar = 36,
  SingleQuote = 39,
  Dot = 46,
  Slash = 47,
  Less = 60,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  OpenBrace = 123,
  CloseBrace = 125,
}

function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === Ch.Underscore || c === Ch.Dollar || c > 127;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Words after which a `/` starts a regular expression rather than a division. */
const keywordsBeforeExpression = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'instanceof',
]);

/** The keywords above by their first character: most identifiers are told apart without a slice. */
const keywordsByFirst = new Map<number, string[]>();
for (const word of keywordsBeforeExpression) {
  const first = word.charCodeAt(0);
  keywordsByFirst.set(first, [...(keywordsByFirst.get(first) ?? []), word]);
}

function isKeywordBeforeExpression(text: string, start: number, end: number): boolean {
  const candidates = keywordsByFirst.get(text.charCodeAt(start));
  if (!candidates) return false;
  for (const word of candidates) if (word.length === end - start && text.startsWith(word, start)) return true;
  return false;
}

interface CompiledSyntax {
  syntax: LexerSyntax;
  quotes: Set<number>;
  rawQuotes: Set<number>;
  template: number;
  /** String prefixes, lower-case, longest first, each with how the string after it is read. */
  prefixes: { text: string; mode: 'plain' | 'verbatim' | 'raw-hash' }[];
  /**
   * The ASCII characters that may start a comment, a string or a heredoc: any other character (most
   * identifiers and punctuation) skips those four checks, which were a third of the lexer's time.
   */
  opens: Uint8Array;
}

const compiled = new WeakMap<LexerSyntax, CompiledSyntax>();

function compile(syntax: LexerSyntax): CompiledSyntax {
  let result = compiled.get(syntax);
  if (!result) {
    const prefixes = [
      ...(syntax.stringPrefixes ?? []).map((text) => ({ text, mode: 'plain' as const })),
      ...(syntax.verbatimPrefixes ?? []).map((text) => ({ text, mode: 'verbatim' as const })),
      ...(syntax.rawHashPrefixes ?? []).map((text) => ({ text, mode: 'raw-hash' as const })),
    ].sort((a, b) => b.text.length - a.text.length);
    result = {
      syntax,
      quotes: new Set(syntax.quotes.map((q) => q.charCodeAt(0))),
      rawQuotes: new Set((syntax.rawQuotes ?? []).map((q) => q.charCodeAt(0))),
      template: syntax.template?.charCodeAt(0) ?? -1,
      prefixes,
      opens: opensOf(syntax, prefixes),
    };
    compiled.set(syntax, result);
  }
  return result;
}

function opensOf(syntax: LexerSyntax, prefixes: CompiledSyntax['prefixes']): Uint8Array {
  const opens = new Uint8Array(128);
  const mark = (first: string) => {
    const c = first.charCodeAt(0);
    if (c < 128) opens[c] = 1;
  };
  for (const token of syntax.lineComments) mark(token);
  for (const block of syntax.blockComments) mark(block.open);
  for (const quote of [...syntax.quotes, ...(syntax.rawQuotes ?? [])]) mark(quote);
  // Prefixes match whatever their case (matchesPrefix).
  for (const prefix of prefixes) (mark(prefix.text.toLowerCase()), mark(prefix.text.toUpperCase()));
  if (syntax.heredocs) mark('<');
  return opens;
}

/**
 * Lexes `text`. With `keep`, its tokens are kept for the next call, which replays them if it lexes the same
 * text with the same syntax: the CLI reads a file's carriers and then scans it, and lexes it once. Only the
 * last text's tokens are kept, and only until the next call.
 */
export function lex(text: string, syntax: LexerSyntax, emit: TokenSink, keep = false): void {
  const previous = kept;
  kept = undefined;
  if (previous !== undefined && previous.syntax === syntax && previous.text === text) return replay(previous, emit);
  if (!keep) return new Lexer(text, compile(syntax), emit).run();
  const tokens: Kept = { text, syntax, tokens: new Int32Array(Math.max(48, text.length >> 1)), count: 0 };
  new Lexer(text, compile(syntax), (kind, start, end) => {
    if (tokens.count + 3 > tokens.tokens.length) {
      const grown = new Int32Array(tokens.tokens.length * 2);
      grown.set(tokens.tokens);
      tokens.tokens = grown;
    }
    tokens.tokens[tokens.count++] = kind;
    tokens.tokens[tokens.count++] = start;
    tokens.tokens[tokens.count++] = end;
    emit(kind, start, end);
  }).run();
  kept = tokens;
}

interface Kept {
  text: string;
  syntax: LexerSyntax;
  /** kind, start, end of each token. */
  tokens: Int32Array;
  count: number;
}

let kept: Kept | undefined;

function replay(kept: Kept, emit: TokenSink): void {
  const { tokens, count } = kept;
  for (let i = 0; i < count; i += 3) emit(tokens[i] as TokenKind, tokens[i + 1], tokens[i + 2]);
}

class Lexer {
  private i = 0;
  /** Brace depth per open template hole, so `}` can resume the template. */
  private readonly holes: number[] = [];
  private braceDepth = 0;
  /** Whether a `/` here would start a regular expression. */
  private expressionExpected = true;
  /** Heredoc terminators waiting for the end of the current line (Ruby, PHP). */
  private readonly heredocs: string[] = [];

  constructor(
    private readonly text: string,
    private readonly c: CompiledSyntax,
    private readonly emit: TokenSink,
  ) {}

  run(): void {
    const { text } = this;
    const syntax = this.c.syntax;
    const opens = this.c.opens;
    // Only a `/` (regex) or a `%` (Ruby literal) asks whether an expression is expected.
    const tracksExpressions = syntax.regexLiterals === true || syntax.percentLiterals === true;
    while (this.i < text.length) {
      const i = this.i;
      const c = text.charCodeAt(i);
      if (c === Ch.LineFeed) {
        if (syntax.newlineEndsStatement) this.emit(TokenKind.Newline, i, i + 1);
        this.i++;
        if (this.heredocs.length > 0) this.skipHeredocBodies();
        continue;
      }
      if (c === Ch.Space || c === Ch.Tab || c === Ch.CarriageReturn || c === 12) {
        this.i++;
        continue;
      }
      if ((c >= 128 || opens[c] === 1) && (this.lineComment(i) || this.blockComment(i) || this.heredocStart(i) || this.stringAt(i)))
        continue;
      if (c === this.c.template) {
        this.i = this.templatePart(i + 1, i);
        this.expressionExpected = false;
        continue;
      }
      if (isIdentifierStart(c)) {
        let end = i + 1;
        while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
        this.emit(TokenKind.Identifier, i, end);
        this.expressionExpected = tracksExpressions && isKeywordBeforeExpression(text, i, end);
        this.i = end;
        continue;
      }
      if (isDigit(c) || (c === Ch.Dot && isDigit(text.charCodeAt(i + 1)))) {
        let end = i + 1;
        while (
          end < text.length &&
          (isIdentifierPart(text.charCodeAt(end)) || (text.charCodeAt(end) === Ch.Dot && isDigit(text.charCodeAt(end + 1))))
        )
          end++;
        this.emit(TokenKind.Number, i, end);
        this.expressionExpected = false;
        this.i = end;
        continue;
      }
      if (c === 37 /* % */ && syntax.percentLiterals && this.expressionExpected) {
        const end = percentLiteralEnd(text, i);
        if (end > 0) {
          this.emit(TokenKind.String, i, end);
          this.expressionExpected = false;
          this.i = end;
          continue;
        }
      }
      if (c === Ch.Slash && syntax.regexLiterals && this.expressionExpected) {
        const end = skipRegex(text, i);
        this.emit(TokenKind.String, i, end);
        this.expressionExpected = false;
        this.i = end;
        continue;
      }
      if (c === Ch.OpenBrace) this.braceDepth++;
      if (c === Ch.CloseBrace) {
        if (this.holes.length > 0 && this.holes[this.holes.length - 1] === this.braceDepth) {
          // The end of a `${...}` hole: the template literal goes on.
          this.holes.pop();
          this.i = this.templatePart(i + 1, i + 1);
          this.expressionExpected = false;
          continue;
        }
        this.braceDepth--;
      }
      this.emit(TokenKind.Punctuation, i, i + 1);
      // After `)` `]` `}` a slash is most often a division.
      this.expressionExpected = !(c === 41 || c === Ch.CloseBracket || c === Ch.CloseBrace);
      this.i = i + 1;
    }
  }

  private lineComment(i: number): boolean {
    const { text } = this;
    const syntax = this.c.syntax;
    for (const token of syntax.lineComments) {
      if (!text.startsWith(token, i)) continue;
      if (syntax.lineCommentExceptions?.some((except) => text.startsWith(except, i))) return false;
      const end = endOfLine(text, i);
      this.emit(TokenKind.Comment, i, end);
      this.i = end;
      return true;
    }
    return false;
  }

  private blockComment(i: number): boolean {
    const { text } = this;
    for (const block of this.c.syntax.blockComments) {
      if (!text.startsWith(block.open, i)) continue;
      if (block.lineStart && i > 0 && text.charCodeAt(i - 1) !== Ch.LineFeed) continue;
      const end = block.nested ? nestedCommentEnd(text, i, block.open, block.close) : closeOf(text, i + block.open.length, block.close);
      this.emit(TokenKind.Comment, i, end);
      this.i = end;
      return true;
    }
    return false;
  }

  /** Strings, with their prefixes (r"", f'', @"", b"", r#""#), triple quotes and char literals. */
  private stringAt(i: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(i);
    let at = i;
    let mode: 'plain' | 'verbatim' | 'raw-hash' = 'plain';
    if (!this.c.quotes.has(c) && !this.c.rawQuotes.has(c)) {
      // A prefix is only a prefix right before a quote, and not in the middle of an identifier.
      if (i > 0 && isIdentifierPart(text.charCodeAt(i - 1))) return false;
      const prefix = this.c.prefixes.find((p) => matchesPrefix(text, i, p.text) && this.opensString(i + p.text.length, p.mode));
      if (!prefix) return false;
      at = i + prefix.text.length;
      mode = prefix.mode;
    }
    const quote = text.charCodeAt(at);
    let end: number;
    if (mode === 'raw-hash') {
      end = rawHashEnd(text, at);
    } else if (this.c.rawQuotes.has(quote)) {
      end = closeOf(text, at + 1, text[at]);
    } else {
      const triple = this.c.syntax.tripleQuotes?.find((t) => text.startsWith(t, at));
      if (triple) end = closeOf(text, at + triple.length, triple);
      else if (mode === 'verbatim') end = verbatimEnd(text, at, quote);
      else if (quote === Ch.SingleQuote && this.c.syntax.charLiterals) {
        const charEnd = charLiteralEnd(text, at);
        if (charEnd < 0) return false; // a Rust lifetime or label: punctuation
        end = charEnd;
      } else end = skipQuoted(text, at, quote, this.c.syntax.multilineQuotes === true);
    }
    this.emit(TokenKind.String, i, end);
    this.i = end;
    this.expressionExpected = false;
    return true;
  }

  private opensString(at: number, mode: 'plain' | 'verbatim' | 'raw-hash'): boolean {
    const c = this.text.charCodeAt(at);
    if (mode === 'raw-hash') return c === Ch.DoubleQuote || c === Ch.Hash;
    return this.c.quotes.has(c);
  }

  /** `<<<ID` (PHP) or `<<~ID`, `<<-ID`, `<<ID` (Ruby): the body starts on the next line. */
  private heredocStart(i: number): boolean {
    const style = this.c.syntax.heredocs;
    if (!style || this.text.charCodeAt(i) !== Ch.Less || this.text.charCodeAt(i + 1) !== Ch.Less) return false;
    const { text } = this;
    let at = i + 2;
    if (style === 'php') {
      if (text.charCodeAt(at) !== Ch.Less) return false;
      at++;
      while (text.charCodeAt(at) === Ch.Space) at++;
    } else if (text[at] === '~' || text[at] === '-') at++;
    const quoted = text[at] === "'" || text[at] === '"';
    if (quoted) at++;
    let end = at;
    while (end < text.length && isIdentifierPart(text.charCodeAt(end)) && text.charCodeAt(end) !== Ch.Dollar) end++;
    const name = text.slice(at, end);
    // Ruby: `x << y` is a shift; a heredoc names its terminator in capitals (or quotes it).
    if (name.length === 0 || (style === 'ruby' && !quoted && name !== name.toUpperCase())) return false;
    if (quoted) end++;
    this.heredocs.push(name);
    this.emit(TokenKind.String, i, end);
    this.i = end;
    this.expressionExpected = false;
    return true;
  }

  /**
   * Skips the bodies of the heredocs opened on the line just ended, each up to its terminator line. The first
   * body's token starts at that line break: a line inserted before the body would be part of it.
   */
  private skipHeredocBodies(): void {
    const { text } = this;
    let bodyStart = this.i - 1;
    for (const name of this.heredocs.splice(0)) {
      let lineStart = this.i;
      while (lineStart < text.length) {
        let first = lineStart;
        while (text.charCodeAt(first) === Ch.Space || text.charCodeAt(first) === Ch.Tab) first++;
        const lineEnd = endOfLine(text, lineStart);
        if (text.startsWith(name, first) && !isIdentifierPart(text.charCodeAt(first + name.length))) {
          this.emit(TokenKind.String, bodyStart, first + name.length);
          this.i = first + name.length;
          break;
        }
        lineStart = text.indexOf('\n', lineEnd);
        lineStart = lineStart < 0 ? text.length : lineStart + 1;
        this.i = lineStart;
      }
      if (lineStart >= text.length) this.emit(TokenKind.String, bodyStart, text.length);
      bodyStart = this.i;
    }
  }

  /**
   * Lexes template text from `from` up to the closing quote or a `${` hole. Emits the text part
   * (starting at `tokenStart`) and returns where lexing goes on.
   */
  private templatePart(from: number, tokenStart: number): number {
    const { text } = this;
    const quote = this.c.template;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === Ch.Backslash) i += 2;
      else if (c === quote) {
        this.emit(TokenKind.Template, tokenStart, i + 1);
        return i + 1;
      } else if (c === Ch.Dollar && text.charCodeAt(i + 1) === Ch.OpenBrace) {
        this.emit(TokenKind.Template, tokenStart, i);
        this.holes.push(this.braceDepth);
        return i + 2;
      } else i++;
    }
    this.emit(TokenKind.Template, tokenStart, text.length);
    return text.length;
  }
}

function matchesPrefix(text: string, at: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) {
    const c = text.charCodeAt(at + k);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

function endOfLine(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text.charCodeAt(end - 1) === Ch.CarriageReturn ? end - 1 : end;
}

function closeOf(text: string, from: number, close: string): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/** Nested block comments (Rust): each open needs its own close. */
function nestedCommentEnd(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith(open, i)) {
      depth++;
      i += open.length;
    } else if (text.startsWith(close, i)) {
      depth--;
      i += close.length;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

/** The end (exclusive) of a quoted string opened at `start`; unless `multiline`, a string ends with its line. */
function skipQuoted(text: string, start: number, quote: number, multiline: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i += 2;
    else if (c === quote) return i + 1;
    else if (c === Ch.LineFeed && !multiline) return i;
    else i++;
  }
  return text.length;
}

const percentClosers: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Ruby's %w(...), %r{...}, %q[...], %(...): the end of the literal, or -1 when `%` is an operator. */
function percentLiteralEnd(text: string, start: number): number {
  let at = start + 1;
  if ('qQwWiIrsx'.includes(text[at] ?? ' ')) at++;
  const open = text[at];
  const close = percentClosers[open] ?? (open === '|' || open === '!' || open === '/' ? open : undefined);
  if (close === undefined) return -1;
  let depth = 1;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === close && --depth === 0) return i + 1;
    else if (c === open && close !== open) depth++;
  }
  return text.length;
}

/** C# @"..." strings: no escapes, a doubled quote stands for one, may span lines. */
function verbatimEnd(text: string, start: number, quote: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text.charCodeAt(i) === quote) {
      if (text.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** Rust r#"..."# strings: closed by a quote followed by as many hashes as opened them. */
function rawHashEnd(text: string, start: number): number {
  let hashes = 0;
  let i = start;
  while (text.charCodeAt(i) === Ch.Hash) (hashes++, i++);
  if (text.charCodeAt(i) !== Ch.DoubleQuote) return i;
  return closeOf(text, i + 1, '"' + '#'.repeat(hashes));
}

/** `'x'`, `'\n'`, `'\u{1F600}'`; -1 when the quote is a lifetime or label (`'a`, `'static`). */
function charLiteralEnd(text: string, start: number): number {
  if (text.charCodeAt(start + 1) === Ch.Backslash) {
    const close = text.indexOf("'", start + 3);
    return close < 0 || close - start > 12 ? -1 : close + 1;
  }
  const code = text.codePointAt(start + 1) ?? 0;
  const width = code > 0xffff ? 2 : 1;
  return text.charCodeAt(start + 1 + width) === Ch.SingleQuote ? start + 2 + width : -1;
}

function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i += 2;
    else if (c === Ch.LineFeed) return i;
    else if (c === Ch.OpenBracket) ((inClass = true), i++);
    else if (c === Ch.CloseBracket) ((inClass = false), i++);
    else if (c === Ch.Slash && !inClass) {
      i++;
      while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
      return i;
    } else i++;
  }
  return text.length;
}

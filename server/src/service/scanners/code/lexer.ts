/**
 * A small lexer for C-like source code, configured by a language family's syntax in data/languages.json.
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
}

export type TokenSink = (kind: TokenKind, start: number, end: number) => void;

const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Dollar = 36,
  Backslash = 92,
  Slash = 47,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenBracket = 91,
  Dot = 46,
  Underscore = 95,
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
const keywordsBeforeExpression = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

export function lex(text: string, syntax: LexerSyntax, emit: TokenSink): void {
  const quotes = syntax.quotes.map((q) => q.charCodeAt(0));
  const template = syntax.template?.charCodeAt(0) ?? -1;
  const length = text.length;
  /** Brace depth per open template hole, so `}` can resume the template. */
  const holes: number[] = [];
  let braceDepth = 0;
  /** Whether a `/` here would start a regular expression. */
  let expressionExpected = true;
  let i = 0;

  const startsWith = (token: string, at: number) => text.startsWith(token, at);

  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Space || c === Ch.Tab || c === Ch.LineFeed || c === Ch.CarriageReturn) {
      i++;
      continue;
    }
    const line = syntax.lineComments.find((t) => startsWith(t, i));
    if (line !== undefined) {
      const end = endOfLine(text, i);
      emit(TokenKind.Comment, i, end);
      i = end;
      continue;
    }
    const block = syntax.blockComments.find(({ open }) => startsWith(open, i));
    if (block !== undefined) {
      const close = text.indexOf(block.close, i + block.open.length);
      const end = close < 0 ? length : close + block.close.length;
      emit(TokenKind.Comment, i, end);
      i = end;
      continue;
    }
    if (quotes.includes(c)) {
      const end = skipQuoted(text, i, c);
      emit(TokenKind.String, i, end);
      i = end;
      expressionExpected = false;
      continue;
    }
    if (c === template) {
      i = lexTemplatePart(text, i + 1, template, i, emit, holes, braceDepth);
      expressionExpected = false;
      continue;
    }
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < length && isIdentifierPart(text.charCodeAt(end))) end++;
      emit(TokenKind.Identifier, i, end);
      expressionExpected = keywordsBeforeExpression.has(text.slice(i, end));
      i = end;
      continue;
    }
    if (isDigit(c) || (c === Ch.Dot && i + 1 < length && isDigit(text.charCodeAt(i + 1)))) {
      let end = i + 1;
      while (end < length && (isIdentifierPart(text.charCodeAt(end)) || text.charCodeAt(end) === Ch.Dot)) end++;
      emit(TokenKind.Number, i, end);
      expressionExpected = false;
      i = end;
      continue;
    }
    if (c === Ch.Slash && syntax.regexLiterals && expressionExpected) {
      const end = skipRegex(text, i);
      emit(TokenKind.String, i, end);
      expressionExpected = false;
      i = end;
      continue;
    }
    if (c === Ch.OpenBrace) braceDepth++;
    if (c === Ch.CloseBrace) {
      if (holes.length > 0 && holes[holes.length - 1] === braceDepth) {
        // The end of a `${...}` hole: the template literal goes on.
        holes.pop();
        i = lexTemplatePart(text, i + 1, template, i + 1, emit, holes, braceDepth);
        expressionExpected = false;
        continue;
      }
      braceDepth--;
    }
    emit(TokenKind.Punctuation, i, i + 1);
    // After `)` `]` `}` a slash is most often a division.
    expressionExpected = !(c === 41 || c === 93 || c === Ch.CloseBrace);
    i++;
  }
}

function endOfLine(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text.charCodeAt(end - 1) === Ch.CarriageReturn ? end - 1 : end;
}

/** The end (exclusive) of a quoted string opened at `start`; a string never runs past its line. */
function skipQuoted(text: string, start: number, quote: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i += 2;
    else if (c === quote) return i + 1;
    else if (c === Ch.LineFeed) return i;
    else i++;
  }
  return text.length;
}

function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i += 2;
    else if (c === Ch.LineFeed) return i;
    else if (c === Ch.OpenBracket) (inClass = true), i++;
    else if (c === 93) (inClass = false), i++;
    else if (c === Ch.Slash && !inClass) {
      i++;
      while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
      return i;
    } else i++;
  }
  return text.length;
}

/**
 * Lexes template text from `from` up to the closing quote or a `${` hole. Emits the text part
 * (starting at `tokenStart`) and returns where lexing goes on.
 */
function lexTemplatePart(text: string, from: number, quote: number, tokenStart: number, emit: TokenSink, holes: number[], braceDepth: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i += 2;
    else if (c === quote) {
      emit(TokenKind.Template, tokenStart, i + 1);
      return i + 1;
    } else if (c === Ch.Dollar && text.charCodeAt(i + 1) === Ch.OpenBrace) {
      emit(TokenKind.Template, tokenStart, i);
      holes.push(braceDepth);
      return i + 2;
    } else i++;
  }
  emit(TokenKind.Template, tokenStart, text.length);
  return text.length;
}

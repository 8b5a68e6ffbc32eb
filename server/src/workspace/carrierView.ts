/**
 * What the parts of the carrier pass (carriers.ts) share: the tokens and brackets it has read, as the readers
 * of its type switches (carrierTypeSwitches.ts) and rescue calls (carrierRescueCalls.ts) see them.
 * They read the pass through `PassView` only; what they find, they hand back through their own small interfaces.
 */
import type { TokenKind } from '../service/scanners/code/lexer';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

/** A status value read in the file, and where it is. */
export interface Value {
  code: number;
  start: number;
  end: number;
}

/** An open bracket, as the readers see it (the pass keeps more on its own frames). */
export interface Bracket {
  /** The bracket's character code: `(` 40, `[` 91, `{` 123. */
  open: number;
  /** The name just before a `(`: the callee of a call, the keyword of `if (`/`when (`. */
  callee?: string;
  calleeToken?: Token;
  /** Inside a type switch: the token index of the bracket (a tuple arm `X => (409, "title")` begins with it). */
  at?: number;
}

/** The pass as its readers see it: its file, the last tokens read, the open brackets. */
export interface PassView {
  readonly text: string;
  /** How many tokens have been read, the current one included. */
  readonly tokenIndex: number;
  /** The open brackets, innermost last, and beside each the index of the argument being read in it. */
  readonly frames: readonly Bracket[];
  readonly argumentOf: readonly number[];
  top(): Bracket | undefined;
  /** The n-th token back (1: the one read before the current token, while that one is being read). */
  recentToken(n: number): Token | undefined;
  recentText(n: number): string;
  /** How many of the recent tokens belong to a value (`HttpStatus.CONFLICT` read up to its `.`: 2). */
  valueTokens(value: Value): number;
  /** A name that holds the caught error (`err`, `exception`, `context.Exception`, `$exception`). */
  isErrorName(name: string): boolean;
}

/** A token kept beyond the pass's ring of recent tokens: a plain copy with its text. */
export function copyToken(token: Token): Token {
  return { kind: token.kind, start: token.start, end: token.end, text: token.text };
}

export function isCapitalised(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The offset of the first character from `offset` on that is not a space or tab. */
export function nextNonBlank(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

export function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation of the line holding an offset. */
export function indentOf(text: string, offset: number): number {
  const lineStart = lineStartBefore(text, offset);
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}

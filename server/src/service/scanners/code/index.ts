/**
 * Status codes in C-like source code (JavaScript and TypeScript today). A number is a status code only in
 * a status context from data/frameworks.json: the argument of a status call, a value assigned to a status
 * property, or a `status:` member. The lexer keeps strings and comments out of code.
 *
 * The context of a site:
 * - its *message* is the text of the string literals in the same statement (`res.status(424).json({ error:
 *   "..." })`, `new HttpException("...", 424)`);
 * - its *scope* is its handler: the outermost function around it, from the start of the statement that
 *   holds that function (so the route path and the handler's name are in it) to the function's end;
 *   a site outside any function has the whole file as scope.
 */
import * as knowledge from '../../../knowledge';
import type { LexerSyntax, StatusContexts } from '../../../knowledge';
import type { DocumentLike, ScannedDocument, Scope, StatusSite } from '../../model';
import { findMentions } from '../mentions';
import { Suppressions } from '../suppressions';
import { TokenKind, lex } from './lexer';

/** A scope whose words are read from the text only when a rule asks. */
export class TextScope implements Scope {
  readonly codes = new Set<number>();
  end: number;
  private cached: string[] | undefined;

  constructor(private readonly text: string, readonly start: number, end: number) {
    this.end = end;
  }

  get texts(): string[] {
    this.cached ??= [this.text.slice(this.start, this.end)];
    return this.cached;
  }
}

interface Frame {
  /** The opening character: ( [ { */
  open: string;
  /** For `{`: a statement block (function body, control block, class body) rather than an object literal. */
  block: boolean;
  /** For `(`: the identifier just before it (a callee or a keyword). */
  callee?: string;
  argument: number;
  /** For blocks: a function body. */
  isFunction: boolean;
  /** For blocks: where the current statement started, and what it has said so far. */
  statementStart: number;
  strings: string[];
  pending: StatusSite[];
}

const controlKeywords = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'foreach', 'elif', 'using', 'lock']);
const expressionKeywords = new Set(['return', 'throw', 'yield', 'await', 'typeof', 'case', 'new', 'in', 'of', 'default', 'export']);

export function scanCode(document: DocumentLike, family: string): ScannedDocument {
  const syntax = knowledge.syntaxOf(family);
  const contexts = knowledge.statusContextsOf(family);
  if (!syntax || !contexts) return { kind: 'none', sites: [] };
  const text = document.getText();
  const suppressions = new Suppressions(document);
  const sites = new CodeScanner(text, syntax, contexts, suppressions).run();
  suppressions.apply(sites, knowledge.commentPrefixOf(family), text);
  return { kind: 'code', sites };
}

class CodeScanner {
  private readonly sites: StatusSite[] = [];
  private readonly fileScope: TextScope;
  private readonly frames: Frame[];
  /** The outermost function's scope while inside one. */
  private handler: { scope: TextScope; depth: number } | undefined;
  /** The last significant tokens, newest last: kind, start, end. */
  private readonly recent: { kind: TokenKind; start: number; end: number }[] = [];
  /** The last `(` frame closed, to classify a `{` after `)`. */
  private lastClosedParen: Frame | undefined;
  /** Set by `):` — a return type annotation may come before a function body. */
  private returnType: { paren: Frame; depth: number } | undefined;
  private readonly callArguments = new Map<string, number[]>();
  private readonly statusProperties: Set<string>;

  constructor(
    private readonly text: string,
    private readonly syntax: LexerSyntax,
    contexts: StatusContexts,
    private readonly suppressions: Suppressions,
  ) {
    this.fileScope = new TextScope(text, 0, text.length);
    this.frames = [newFrame('{', true, false, 0)];
    for (const call of contexts.calls) {
      for (const name of call.names) this.callArguments.set(name, [...(this.callArguments.get(name) ?? []), call.argument]);
    }
    this.statusProperties = new Set(contexts.properties);
  }

  run(): StatusSite[] {
    lex(this.text, this.syntax, (kind, start, end) => this.token(kind, start, end));
    while (this.frames.length > 1) this.close(this.text.length);
    this.endStatement(this.frames[0], this.text.length);
    return this.sites.sort((a, b) => a.start - b.start);
  }

  private token(kind: TokenKind, start: number, end: number): void {
    switch (kind) {
      case TokenKind.Comment:
        this.suppressions.addComment(this.text, start, end);
        this.mentions(start, end);
        return;
      case TokenKind.String:
      case TokenKind.Template:
        this.container().strings.push(this.text.slice(start, end));
        this.mentions(start, end);
        break;
      case TokenKind.Number:
        this.number(start, end);
        break;
      case TokenKind.Punctuation:
        this.punctuation(this.text.charCodeAt(start), end);
        break;
      case TokenKind.Identifier:
        break;
    }
    this.recent.push({ kind, start, end });
    if (this.recent.length > 4) this.recent.shift();
  }

  private punctuation(c: number, end: number): void {
    const top = this.frames[this.frames.length - 1];
    if (c === 40 /* ( */) {
      const before = this.recentToken(1);
      const callee = before?.kind === TokenKind.Identifier ? this.text.slice(before.start, before.end) : undefined;
      this.frames.push({ ...newFrame('(', false, false, end), callee });
    } else if (c === 91 /* [ */) {
      this.frames.push(newFrame('[', false, false, end));
    } else if (c === 123 /* { */) {
      this.openBrace(end);
    } else if (c === 41 || c === 93 || c === 125) {
      if (this.frames.length > 1) this.close(end);
    } else if (c === 58 /* : */ && this.recentText(1) === ')' && this.lastClosedParen) {
      this.returnType = { paren: this.lastClosedParen, depth: this.frames.length };
    } else if (c === 44 /* , */) {
      top.argument++;
    } else if (c === 59 /* ; */ && top.block) {
      this.returnType = undefined;
      this.endStatement(top, end);
    }
  }

  private openBrace(end: number): void {
    const before = this.recentToken(1);
    const beforeText = before ? this.text.slice(before.start, before.end) : '';
    let block = true;
    let isFunction = false;
    if (!before) block = true;
    else if (beforeText === ')') {
      const paren = this.lastClosedParen;
      isFunction = !(paren?.callee !== undefined && controlKeywords.has(paren.callee));
    } else if (beforeText === '>' && this.recentText(2) === '=' && this.recentToken(2)!.end === before.start) {
      isFunction = true;
    } else if (this.returnType?.depth === this.frames.length && beforeText !== ':') {
      // `handle(req): Promise<Response> {`: a function body after a return type.
      isFunction = !(this.returnType.paren.callee !== undefined && controlKeywords.has(this.returnType.paren.callee));
    } else if (before.kind === TokenKind.Identifier) {
      block = !expressionKeywords.has(beforeText);
    } else {
      block = beforeText === ';' || beforeText === '{' || beforeText === '}';
    }
    this.returnType = undefined;
    if (isFunction && !this.handler) {
      const container = this.container();
      this.handler = { scope: new TextScope(this.text, container.statementStart, this.text.length), depth: this.frames.length };
    }
    this.frames.push(newFrame('{', block || isFunction, isFunction, end));
  }

  private close(end: number): void {
    const frame = this.frames.pop()!;
    if (frame.block) {
      this.endStatement(frame, end);
      if (this.handler && this.handler.depth === this.frames.length) {
        this.handler.scope.end = end;
        this.handler = undefined;
      }
      // A control block or declaration ends the statement around it; a function expression does not.
      if (!frame.isFunction) this.endStatement(this.container(), end);
    } else if (frame.open === '(') {
      this.lastClosedParen = frame;
    }
  }

  private endStatement(frame: Frame, end: number): void {
    if (frame.pending.length > 0) {
      const message = frame.strings.map(unquote).join(' ');
      for (const site of frame.pending) site.message = message;
      frame.pending = [];
    }
    frame.strings = [];
    frame.statementStart = end;
  }

  private number(start: number, end: number): void {
    if (end - start !== 3) return;
    const code = Number(this.text.slice(start, end));
    if (!Number.isInteger(code) || code < 100) return;
    if (!this.inStatusContext()) return;
    const scope = this.handler?.scope ?? this.fileScope;
    scope.codes.add(code);
    const site: StatusSite = {
      code,
      text: this.text.slice(start, end),
      start,
      end,
      role: 'use',
      spelling: { kind: 'number' },
      message: '',
      scope,
      suppressed: new Set(),
    };
    this.sites.push(site);
    this.container().pending.push(site);
  }

  /** Whether the number about to be read is in a status context (see data/frameworks.json). */
  private inStatusContext(): boolean {
    const previous = this.recentText(1);
    const top = this.frames[this.frames.length - 1];
    if ((previous === '(' || previous === ',') && top.open === '(' && top.callee !== undefined) {
      const argumentIndexes = this.callArguments.get(top.callee);
      if (argumentIndexes?.includes(top.argument)) return true;
    }
    if (previous === ':' || (previous === '=' && !'=!<>'.includes(this.recentText(2).slice(-1)))) {
      const name = this.recentToken(2);
      if (name?.kind === TokenKind.Identifier && this.statusProperties.has(this.text.slice(name.start, name.end))) return true;
      if (name?.kind === TokenKind.String && this.statusProperties.has(unquote(this.text.slice(name.start, name.end)))) return true;
    }
    return false;
  }

  private mentions(start: number, end: number): void {
    findMentions(this.text, start, end, (code, s, e) => {
      this.sites.push({
        code,
        text: this.text.slice(s, e),
        start: s,
        end: e,
        role: 'mention',
        spelling: { kind: 'number' },
        message: '',
        scope: this.handler?.scope ?? this.fileScope,
        suppressed: new Set(),
      });
    });
  }

  private container(): Frame {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].block) return this.frames[i];
    return this.frames[0];
  }

  /** The n-th most recent significant token (1 = the last one). */
  private recentToken(n: number) {
    return this.recent[this.recent.length - n];
  }

  private recentText(n: number): string {
    const token = this.recentToken(n);
    return token ? this.text.slice(token.start, token.end) : '';
  }
}

function newFrame(open: string, block: boolean, isFunction: boolean, statementStart: number): Frame {
  return { open, block, isFunction, argument: 0, statementStart, strings: [], pending: [] };
}

function unquote(literal: string): string {
  return literal.replace(/^[`'"]|[`'"]$/g, '');
}

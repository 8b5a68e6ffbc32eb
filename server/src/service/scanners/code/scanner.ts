/**
 * Walks a token stream and finds the status sites: numbers in status contexts and framework spellings
 * (data/frameworks.json, data/spellings.json). Tracks brackets so it knows, for each site, the call it is
 * an argument of, the statement it is part of (its message) and, in brace languages, the handler around it.
 */
import * as knowledge from '../../../knowledge';
import type { CompiledContexts, FamilySpellings, PhraseSet, ScopeSyntax } from '../../../knowledge';
import { type CompletionSlot, NUMBER_SPELLING, type StatusSite } from '../../model';
import { findMentions } from '../mentions';
import { NO_SUPPRESSIONS, type Suppressions } from '../suppressions';
import { TokenKind } from './lexer';
import { TextScope } from './scope';

interface Frame {
  /** The opening character: ( [ { — or '' for the file. */
  open: string;
  /** For `[`: a number first in the array, and where the second element starts — a Rack triple `[424, {...}, body]`? */
  triple?: { code: number; start: number; end: number; second?: number };
  /** For `{`: a statement block (function body, control block, class body) rather than an object literal. */
  block: boolean;
  /** For `(`: the identifier just before it (a callee or a keyword) and where it starts. */
  callee?: string;
  calleeStart?: number;
  argument: number;
  isFunction: boolean;
  /** For blocks: where the current statement started, its first word, what it has said, and its sites. */
  statementStart: number;
  statementFirst?: string;
  strings: string[];
  pending: StatusSite[];
  /** For blocks: the text before the `{` that introduced it (a signature, a declaration). */
  header?: { start: number; end: number };
  /** An error-handling block: where its header starts, and the sites and slots inside it. */
  failure?: { start: number; members: { failure?: string }[] };
  /** Set on push: the nearest statement block at or above this frame, and the nearest failure, so neither lookup walks the stack (deep nesting would make that quadratic). */
  container?: Frame;
  enclosingFailure?: Frame['failure'];
}

type CodeSlot = Exclude<CompletionSlot, { kind: 'responses' }>;

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

/** A line that starts a logical statement at the top level, for indentation-scoped languages. */
export interface LineStart {
  start: number;
  indent: number;
  /** Its first word (or `@` for a decorator). */
  word: string;
}

const controlKeywords = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'with',
  'foreach',
  'elseif',
  'using',
  'lock',
  'fixed',
  'synchronized',
  'when',
  'match',
]);
/** How many enclosing function or class headers are read to tell a code defined from a code used. */
const MAX_DEFINITION_HEADERS = 4;
const blockKeywords = new Set(['else', 'try', 'do', 'finally', 'elif', 'unless', 'loop', 'select', 'defer', 'go']);
const expressionKeywords = new Set(['return', 'throw', 'yield', 'await', 'typeof', 'case', 'new', 'in', 'of', 'default', 'export']);

export class CodeScanner {
  readonly sites: StatusSite[] = [];
  readonly slots: CodeSlot[] = [];
  readonly schemesSeen = new Set<string>();
  /** Logical lines (indentation-scoped languages only). */
  readonly lines: LineStart[] = [];
  readonly fileScope: TextScope;
  private readonly frames: Frame[];
  /** The headers of the open function and declaration blocks, innermost last. */
  private readonly headers: { start: number; end: number }[] = [];
  private readonly braces: boolean;
  private readonly failurePhrases: PhraseSet;
  private readonly failureCalls: ReadonlySet<string>;
  private readonly functionKeywords: ReadonlySet<string>;
  /** The outermost function's scope while inside one. */
  private handler: { scope: TextScope; depth: number } | undefined;
  /** The last significant tokens, newest last. */
  private readonly recent: Token[] = [];
  /** The last `(` frame closed, to classify a `{` after `)`. */
  private lastClosedParen: Frame | undefined;
  /**
   * Where the last statement block closed. A block's header (for the failure check and a handler's scope)
   * starts no earlier: `f(function () {...}, function () {...})` would otherwise re-read the whole statement
   * at every `{`, quadratic in bundled code (one statement holding thousands of functions).
   */
  private lastBlockEnd = 0;
  /** A function keyword (or `):` return type) was seen: the next `{` at this depth is a function body. */
  private pendingFunction: number | undefined;
  private atLineStart = true;

  constructor(
    private readonly text: string,
    private readonly contexts: CompiledContexts,
    private readonly spellings: FamilySpellings,
    scopes: ScopeSyntax,
    private readonly suppressions: Suppressions,
  ) {
    this.fileScope = new TextScope(text, 0, text.length, contexts.outboundCalls);
    this.frames = [newFrame('', true, false, 0)];
    this.braces = scopes.style === 'braces';
    this.failurePhrases = new knowledge.PhraseSet(scopes.failureBlocks.map((p) => knowledge.toWords(p).join(' ')));
    this.functionKeywords = new Set(scopes.functionKeywords);
    this.failureCalls = new Set(scopes.failureCalls ?? []);
  }

  /** Feeds one token. */
  token(kind: TokenKind, start: number, end: number): void {
    if (kind === TokenKind.Comment) {
      this.suppressions.addComment(this.text, start, end);
      this.mentions(start, end);
      return;
    }
    if (kind === TokenKind.Newline) {
      this.atLineStart = true;
      const top = this.top();
      if (top.block) this.endStatement(top, start);
      return;
    }
    if (this.atLineStart) {
      this.atLineStart = false;
      if (!this.braces && this.frames.length === 1) this.recordLine(kind, start, end);
    }
    const container = this.container();
    if (container.statementFirst === undefined) container.statementFirst = this.text.slice(start, end);
    switch (kind) {
      case TokenKind.String:
      case TokenKind.Template:
        // A template's text part stops before the `${` of a hole, which still belongs to the template.
        this.suppressions.addToken(start, kind === TokenKind.Template ? end + 1 : end);
        container.strings.push(this.text.slice(start, end));
        this.mentions(start, end);
        break;
      case TokenKind.Number:
        this.number(start, end);
        break;
      case TokenKind.Identifier:
        this.identifier(start, end);
        break;
      case TokenKind.Punctuation:
        this.punctuation(this.text.charCodeAt(start), start, end);
        break;
    }
    // A backslash at the end of a line (Python, Ruby) continues it: the next line has no room for a comment.
    if (kind === TokenKind.Punctuation && this.text.charCodeAt(start) === 92 && isLineBreak(this.text.charCodeAt(end))) {
      const nextLine = end + (this.text.charCodeAt(end) === 13 ? 2 : 1);
      this.suppressions.addToken(start, nextLine + 1);
    }
    this.recent.push({ kind, start, end });
    if (this.recent.length > 6) this.recent.shift();
    if (kind === TokenKind.Punctuation) this.recordSlot(this.text.charCodeAt(start), end);
  }

  /** After punctuation that can precede a status value or a framework member, remembers the place for completion. */
  private recordSlot(c: number, end: number): void {
    if (c === 40 || c === 44 || c === 58 || c === 61 || c === 62) {
      if (this.inStatusContext(0)) this.addSlot({ kind: 'value', start: end, scope: this.currentScope() });
    }
    let qualifier: Token | undefined;
    let separator = '';
    if (c === 46 /* . */) ((qualifier = this.recentToken(2)), (separator = '.'));
    else if (c === 58 /* : */ && this.recentText(2) === ':') ((qualifier = this.recentToken(3)), (separator = '::'));
    if (qualifier?.kind !== TokenKind.Identifier) return;
    const name = this.text.slice(qualifier.start, qualifier.end);
    const schemes = this.spellings.byQualifier.get(name + separator);
    if (schemes) this.addSlot({ kind: 'member', start: end, scope: this.currentScope(), schemes, qualifier: name, separator });
  }

  private addSlot(slot: CodeSlot): void {
    this.slots.push(slot);
    this.innermostFailure()?.members.push(slot);
  }

  private currentScope(): TextScope {
    return this.handler?.scope ?? this.fileScope;
  }

  private innermostFailure(): Frame['failure'] {
    return this.top().enclosingFailure;
  }

  finish(): void {
    while (this.frames.length > 1) this.close(this.text.length);
    this.endStatement(this.frames[0], this.text.length);
  }

  private identifier(start: number, end: number): void {
    const word = this.text.slice(start, end);
    if (this.braces && this.functionKeywords.has(word)) this.pendingFunction = this.frames.length;
    const used = this.spellings.qualifiers.get(word);
    if (used) for (const scheme of used) this.schemesSeen.add(scheme);
    const candidates = this.spellings.byMember.get(word);
    if (!candidates) return;
    for (const spelling of candidates) {
      const prefix = spelling.qualifier + spelling.separator;
      const qualifierStart = start - prefix.length;
      if (qualifierStart < 0 || !this.text.startsWith(prefix, qualifierStart)) continue;
      // The qualifier must be a whole word (`myhttp.StatusOK` is not `http.StatusOK`), a symbol's colon must stand alone.
      const before = this.text.charCodeAt(qualifierStart - 1);
      if (isWordChar(before) || (spelling.qualifier === '' && before === 58) /* : */) continue;
      // The tokens already read of this spelling: the qualifier and each separator character.
      if (spelling.context && !this.inStatusContext((spelling.qualifier === '' ? 0 : 1) + spelling.separator.length)) continue;
      this.addSite(spelling.code, qualifierStart, end, {
        kind: 'constant',
        scheme: spelling.scheme,
        qualifier: spelling.qualifier,
        separator: spelling.separator,
      });
      return;
    }
  }

  private number(start: number, end: number): void {
    if (end - start !== 3) return;
    const code = Number(this.text.slice(start, end));
    if (!Number.isInteger(code) || code < 100) return;
    if (this.inStatusContext(0)) this.addSite(code, start, end, NUMBER_SPELLING);
    else if (this.contexts.rackTriples && this.recentText(1) === '[' && this.top().open === '[') this.top().triple = { code, start, end };
    else if (this.isStatusComparison() && knowledge.isRegistered(code)) {
      // `res.status === 503`, `resp.StatusCode == 200`: a status code worth a hover, but no use of one.
      this.sites.push({
        code,
        text: this.text.slice(start, end),
        start,
        end,
        role: 'mention',
        spelling: NUMBER_SPELLING,
        message: '',
        scope: this.fileScope,
        suppressed: NO_SUPPRESSIONS,
      });
    }
  }

  /** The number about to be read is compared with a status property: `status === 424`, `StatusCode != 200`. */
  private isStatusComparison(): boolean {
    let n = 1;
    while (n <= 3 && this.recentText(n) === '=') n++;
    const equals = n - 1;
    if (this.recentText(n) === '!' && equals >= 1) n++;
    else if (equals < 2) return false;
    const name = this.recentToken(n);
    return name?.kind === TokenKind.Identifier && this.contexts.properties.has(this.text.slice(name.start, name.end));
  }

  /**
   * The headers of the blocks around the current token (function signatures, class declarations): a code
   * inside a definition named after it (`isFailedDependency()`, `class FailedDependency`) is defined there,
   * not used.
   */
  private enclosingHeaders(): string {
    // The nearest few definitions are enough, and keep the cost per site bounded however deep the nesting.
    let headers = '';
    for (let i = this.headers.length - 1; i >= 0 && i >= this.headers.length - MAX_DEFINITION_HEADERS; i--) {
      const header = this.headers[i];
      headers += this.text.slice(header.start, Math.min(header.end, header.start + 500)) + ' ';
    }
    return headers;
  }

  private addSite(code: number, start: number, end: number, spelling: StatusSite['spelling']): void {
    const scope = this.currentScope();
    const site: StatusSite = {
      code,
      text: this.text.slice(start, end),
      start,
      end,
      role: 'use',
      spelling,
      message: '',
      scope,
      suppressed: NO_SUPPRESSIONS,
    };
    if (this.braces) scope.codes.add(code);
    if (namesCode(this.enclosingHeaders(), code)) site.definesCode = true;
    this.sites.push(site);
    this.container().pending.push(site);
    this.innermostFailure()?.members.push(site);
  }

  /**
   * Whether the value about to be read is in a status context; `skip` is how many of the most recent
   * tokens already belong to the value (a qualified constant `HttpStatus.X` has 2, a symbol `:x` has 1).
   */
  private inStatusContext(skip: number): boolean {
    const previous = this.recentText(1 + skip);
    const top = this.top();
    if ((previous === '(' || previous === ',') && top.open === '(' && top.callee !== undefined) {
      const calls = this.contexts.calls.get(top.callee);
      if (calls?.some((c) => c.argument === top.argument && (c.qualifier === '' || this.text.endsWith(c.qualifier, top.calleeStart))))
        return true;
    }
    const previousToken = this.recentToken(1 + skip);
    if (previousToken?.kind === TokenKind.Identifier && this.contexts.commands.has(previous) && top.block) return true;
    let nameAt = 0;
    if (previous === ':' || (previous === '=' && !'=!<>:+-*/'.includes(this.recentText(2 + skip).slice(-1)))) nameAt = 2 + skip;
    else if (previous === '>' && this.contexts.hashRockets && this.recentText(2 + skip) === '=') nameAt = 3 + skip;
    if (nameAt > 0) {
      const name = this.recentToken(nameAt);
      if (name?.kind === TokenKind.Identifier && this.contexts.properties.has(propertyName(this.text.slice(name.start, name.end))))
        return true;
      if (name?.kind === TokenKind.String && this.contexts.properties.has(unquote(this.text.slice(name.start, name.end)))) return true;
    }
    if (this.contexts.returnTuple && previous === ',' && top.block && this.container().statementFirst === 'return') return true;
    return false;
  }

  private punctuation(c: number, start: number, end: number): void {
    const top = this.top();
    if (c === 40 /* ( */) {
      const before = this.recentToken(1);
      const isName = before?.kind === TokenKind.Identifier;
      const callee = isName ? this.text.slice(before.start, before.end) : undefined;
      const frame: Frame = { ...newFrame('(', false, false, end), callee, calleeStart: before?.start };
      // `.catch(err => ...)`, `.map_err(|e| ...)`: an error handler passed as an argument.
      if (callee !== undefined && this.failureCalls.has(callee)) frame.failure = { start: before!.start, members: [] };
      this.push(frame);
    } else if (c === 91 /* [ */) {
      this.push(newFrame('[', false, false, end));
    } else if (c === 123 /* { */) {
      this.openBrace(start, end);
    } else if (c === 41 || c === 93 || c === 125) {
      if (this.frames.length > 1) this.close(end);
    } else if (c === 58 /* : */ && this.recentText(1) === ')' && this.lastClosedParen) {
      // `handle(req): Promise<Response> {` — a return type before a function body.
      // (a `fn name(Path(id): Path<String>)` pattern parameter must not replace the pending `fn`)
      if (!isControl(this.lastClosedParen) && this.pendingFunction === undefined) this.pendingFunction = this.frames.length;
    } else if (c === 44 /* , */) {
      top.argument++;
      if (top.triple && top.argument === 1) top.triple.second = end;
    } else if (c === 59 /* ; */ && top.block) {
      this.pendingFunction = undefined;
      this.endStatement(top, end);
    }
  }

  private openBrace(start: number, end: number): void {
    const before = this.recentToken(1);
    const beforeText = before ? this.text.slice(before.start, before.end) : '';
    let block = true;
    let isFunction = false;
    if (!before) block = true;
    else if (this.pendingFunction === this.frames.length) isFunction = true;
    else if (beforeText === ')') isFunction = this.lastClosedParen !== undefined && !isControl(this.lastClosedParen);
    else if (beforeText === '>' && this.recentText(2) === '=' && this.recentToken(2)!.end === before.start) isFunction = true;
    else if (before.kind === TokenKind.Identifier) block = !expressionKeywords.has(beforeText) && !this.isCompositeLiteral();
    else block = beforeText === ';' || beforeText === '{' || beforeText === '}';
    this.pendingFunction = undefined;
    if (!this.braces) {
      this.push(newFrame('{', false, false, end));
      return;
    }
    const headerStart = Math.max(this.container().statementStart, this.lastBlockEnd);
    if (isFunction && !this.handler) {
      this.handler = {
        scope: new TextScope(this.text, headerStart, this.text.length, this.contexts.outboundCalls),
        depth: this.frames.length,
      };
    }
    const frame = newFrame('{', block || isFunction, isFunction, end);
    // Function signatures and declarations (class, struct, impl) name what they define; control blocks do not.
    const firstWord = /^\s*([A-Za-z_]+)/.exec(this.text.slice(headerStart, Math.min(start, headerStart + 40)))?.[1] ?? '';
    if (frame.block && !controlKeywords.has(firstWord) && !blockKeywords.has(firstWord)) {
      frame.header = { start: headerStart, end: start };
      this.headers.push(frame.header);
    }
    if (frame.block && this.failurePhrases.matches(knowledge.toWords(this.text.slice(headerStart, start)))) {
      frame.failure = { start: headerStart, members: [] };
    }
    this.push(frame);
  }

  private close(end: number): void {
    const frame = this.frames.pop()!;
    if (frame.header) this.headers.pop();
    if (frame.triple && frame.argument === 2 && isRackHeaders(this.text, frame.triple.second)) {
      this.addSite(frame.triple.code, frame.triple.start, frame.triple.end, NUMBER_SPELLING);
    }
    if (frame.failure) {
      const failureText = this.text.slice(frame.failure.start, end);
      for (const member of frame.failure.members) member.failure = failureText;
    }
    if (frame.block) {
      this.lastBlockEnd = end;
      this.endStatement(frame, end);
      if (this.handler && this.handler.depth === this.frames.length) {
        this.handler.scope.end = end;
        this.handler = undefined;
      }
      // A block that stands as a statement of its own (a declaration, a control block) ends that
      // statement; a function passed as an argument does not.
      const parent = this.top();
      if (parent.block) this.endStatement(parent, end);
    } else if (frame.open === '(') {
      this.lastClosedParen = frame;
    }
  }

  /**
   * `gin.H{...}`, `&Foo{...}`, `new Foo { A = 1 }` after `(`/`,`/`=`: a composite literal, not a block. The
   * identifier (or qualified name) before the `{` stands where an expression starts.
   */
  private isCompositeLiteral(): boolean {
    let n = 1;
    while (this.recentText(n + 1) === '.' && this.recentToken(n + 2)?.kind === TokenKind.Identifier) n += 2;
    const before = this.recentText(n + 1);
    const beforeThat = this.recentText(n + 2);
    // `=` of `x = Foo{` or `x := Foo{`, not of a comparison (`if a == b {`)
    if (before === '=') return !['=', '!', '<', '>'].includes(beforeThat);
    return (
      before === '(' || before === ',' || before === '[' || before === '&' || before === 'return' || (before === ':' && beforeThat !== ')')
    );
  }

  private endStatement(frame: Frame, end: number): void {
    if (frame.pending.length > 0) {
      const message = frame.strings.map(unquote).join(' ');
      for (const site of frame.pending) site.message = message;
      frame.pending = [];
    }
    frame.strings = [];
    frame.statementStart = end;
    frame.statementFirst = undefined;
  }

  private recordLine(kind: TokenKind, start: number, end: number): void {
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const word = kind === TokenKind.Identifier ? this.text.slice(start, end) : this.text[start];
    this.lines.push({ start, indent: start - lineStart, word });
  }

  private mentions(start: number, end: number): void {
    findMentions(this.text, start, end, (code, s, e) => {
      this.sites.push({
        code,
        text: this.text.slice(s, e),
        start: s,
        end: e,
        role: 'mention',
        spelling: NUMBER_SPELLING,
        message: '',
        scope: this.fileScope,
        suppressed: NO_SUPPRESSIONS,
      });
    });
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private container(): Frame {
    return this.top().container ?? this.frames[0];
  }

  private push(frame: Frame): void {
    frame.container = frame.block ? frame : this.container();
    frame.enclosingFailure = frame.failure ?? this.top().enclosingFailure;
    this.frames.push(frame);
  }

  /** The n-th most recent significant token (1 = the last one). */
  private recentToken(n: number): Token | undefined {
    return this.recent[this.recent.length - n];
  }

  private recentText(n: number): string {
    const token = this.recentToken(n);
    return token ? this.text.slice(token.start, token.end) : '';
  }
}

/** The second element of a Rack triple is its headers: a hash literal or a name that says so. */
function isRackHeaders(text: string, at: number | undefined): boolean {
  if (at === undefined) return false;
  const rest = text.slice(at, at + 40).trimStart();
  return rest.startsWith('{') || /^[A-Za-z_]*headers?\b/i.test(rest);
}

/** PHP variables carry a `$`: `$status = 424` sets `status`. */
function propertyName(identifier: string): string {
  return identifier.charCodeAt(0) === 36 ? identifier.slice(1) : identifier;
}

/** Whether a text names a code by its reason phrase (`isFailedDependency`, `HTTP_423_LOCKED`, `class Locked`). */
export function namesCode(text: string, code: number): boolean {
  const phrase = knowledge.get(code)?.phrase;
  if (!phrase || text.length === 0) return false;
  const phraseWords = knowledge.toWords(phrase);
  const words = knowledge.toWords(text);
  if (!new knowledge.PhraseSet([phraseWords.join(' ')]).matches(words)) return false;
  // One word (`locked`, `conflict`) is too common to mean the status unless HTTP or status is said too.
  return phraseWords.length > 1 || words.includes('http') || words.includes('status');
}

function newFrame(open: string, block: boolean, isFunction: boolean, statementStart: number): Frame {
  return {
    open,
    block,
    isFunction,
    argument: 0,
    statementStart,
    strings: [],
    pending: [],
    container: undefined,
    enclosingFailure: undefined,
  };
}

function isControl(paren: Frame): boolean {
  return paren.callee !== undefined && controlKeywords.has(paren.callee);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

const isQuote = (c: string | undefined) => c === '"' || c === "'" || c === '`';

/** A literal's text without its quotes (a loop rather than a regex: literals can be long runs of quotes). */
export function unquote(literal: string): string {
  let start = 0;
  let end = literal.length;
  while (start < end && isQuote(literal[start])) start++;
  while (end > start && isQuote(literal[end - 1])) end--;
  return literal.slice(start, end);
}

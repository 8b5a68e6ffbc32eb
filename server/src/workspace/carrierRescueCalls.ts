/**
 * Rescue calls, read for the carrier pass (carriers.ts): a framework call that maps exception types to a
 * handler, in data/carriers.json `rescueCalls`:
 * - Rails `rescue_from X, Y, with: :handler` (the handler is a method of the file) or `rescue_from X do |e| ... end`;
 * - Ktor StatusPages `exception<X> { call, cause -> ... }`;
 * - Javalin/Spark `app.exception(X.class, (e, ctx) -> ...)`, Kotlin `app.exception(X::class.java) { e, ctx -> }`.
 * The types carry the one status their handler sets. A handler given as a block or an argument is nameless:
 * the pass reads it as a declaration of its own (`RescueHost`), whose status its types carry; a handler named
 * by `with:` is matched, at the end, with the one code of the file's function of that name (`functionClosed`).
 */
import { TokenKind } from '../service/scanners/code/lexer';
import {
  type Bracket,
  type PassView,
  type Token,
  type Value,
  copyToken,
  isCapitalised,
  lineStartBefore,
  nextNonBlank,
} from './carrierView';

/** The handler a rescue call names for its types, given as a block or an argument: it starts at `start`. */
export interface RescueHandler {
  start: number;
  types: readonly Token[];
}

/** The pass as a rescue call's reader sees it, and what the reader tells it. */
export interface RescueHost extends PassView {
  /** The block that opens next (`do`, `{`) is the handler. */
  handlerBlock(handler: RescueHandler): void;
  /** The rest of the call's arguments (a lambda), up to its `)`, is the handler: the top bracket is that call's. */
  handlerArgument(handler: RescueHandler): void;
}

/** A rescued type and the status its named handler sets. */
export interface Rescued {
  type: Token;
  /** The start of the rescue call's line: the mapping's declaration. */
  start: number;
  code: number;
  value: Value;
}

interface Rescue {
  types: Token[];
  handler?: string;
  /** `with:` was read: the next name is the handler's. */
  withSeen: boolean;
  depth: number;
  start: number;
  /**
   * A rescue call with parentheses: its bracket. Javalin/Spark `app.exception(X.class, (e, ctx) -> ...)`: its
   * first argument's class literals are the types (`literals`); its next argument, or the block after it, is
   * the handler. Rails `rescue_from(X, Y, with: :handler)`: the plain names before `with:` are.
   */
  frame?: Bracket;
  literals?: boolean;
}

/** A handler argument that is a method reference (`Handlers::onConflict`, `this::onConflict`, Kotlin `::onConflict`). */
const methodReference = /\s*[\w$.]*::(\w+)\s*\)/y;

export class RescueCalls {
  /** The rescue call being read, those read that name their handler, and each function's one code. */
  private rescue: Rescue | undefined;
  private readonly rescues: Rescue[] = [];
  private readonly functionCodes = new Map<string, ReadonlyMap<number, Value>>();
  private readonly text: string;

  constructor(
    private readonly host: RescueHost,
    /** The family's rescue calls (`rescue_from`, `exception`). */
    private readonly calls: ReadonlySet<string>,
  ) {
    this.text = host.text;
  }

  /** A rescue call is being read: its words go to `word`. */
  get reading(): boolean {
    return this.rescue !== undefined;
  }

  /**
   * A word: a rescue call without parentheses (`rescue_from Foo`, `exception<Foo> {`, naming a type next, not a
   * variable named so), or a word of the one being read. Returns whether it was taken.
   */
  word(token: Token, word: string, previous: string): boolean {
    if (this.rescue && this.rescueWord(token, previous)) return true;
    if (!this.calls.has(word) || previous === '.' || !startsRescuedType(this.text.charCodeAt(nextNonBlank(this.text, token.end))))
      return false;
    this.endRescue();
    this.rescue = { types: [], withSeen: false, depth: this.host.frames.length, start: lineStartBefore(this.text, token.start) };
    return true;
  }

  /** A line ends: so does a rescue call without parentheses. */
  lineEnded(): void {
    if (this.rescue && !this.rescue.frame && this.host.frames.length <= this.rescue.depth) this.endRescue();
  }

  /**
   * A `,` in the top bracket: after a rescue call's class literals, its handler argument begins (after Rails'
   * plain names, more names or `with:` follow).
   */
  comma(comma: Token): void {
    const rescue = this.rescue;
    if (rescue?.frame === undefined || rescue.frame !== this.host.top() || (!rescue.literals && rescue.types.length > 0)) return;
    this.rescue = undefined;
    if (rescue.types.length === 0) return;
    methodReference.lastIndex = comma.end;
    const reference = methodReference.exec(this.text);
    // A method of the file named by reference is the handler, as one named by Rails' `with:`.
    if (reference) this.rescues.push({ ...rescue, handler: reference[1] });
    else this.host.handlerArgument(rescue);
  }

  /** A bracket opens (not yet on the pass's frames): a rescue call's `(`, or the block after Ktor's `exception<X>`. */
  bracketOpened(frame: Bracket, token: Token): void {
    const rescue = this.rescue;
    if (token.text === '{') {
      if (rescue && rescue.types.length > 0 && this.host.frames.length === rescue.depth && this.host.recentText(1) === '>')
        this.rescueBlock(rescue);
      return;
    }
    const before = this.host.recentToken(1);
    if (token.text === '(' && before?.kind === TokenKind.Identifier && this.calls.has(before.text))
      this.rescue = {
        types: [],
        withSeen: false,
        depth: this.host.frames.length + 1,
        start: lineStartBefore(this.text, before.start),
        frame,
      };
  }

  /**
   * A bracket closed: a rescue call's `)`, after `with: :handler` (Rails), or with no handler argument, whose
   * handler is then the block after it (Kotlin Javalin `app.exception(X::class.java) { e, ctx -> }`, Rails
   * `rescue_from(X) do |e|`).
   */
  bracketClosed(frame: Bracket): void {
    const rescue = this.rescue;
    if (rescue?.frame !== frame) return;
    if (rescue.handler !== undefined) this.endRescue();
    else if (rescue.types.length > 0) this.rescueBlock(rescue);
    else this.rescue = undefined;
  }

  /** A function of the file closed with one code: a `with:` handler may name it. */
  functionClosed(name: string, codes: ReadonlyMap<number, Value>): void {
    if (this.calls.size > 0) this.functionCodes.set(name, codes);
  }

  /** At the end of the file: each type rescued with a named handler that sets one code. */
  finish(): Rescued[] {
    this.endRescue();
    const rescued: Rescued[] = [];
    for (const rescue of this.rescues) {
      const codes = this.functionCodes.get(rescue.handler!);
      if (codes?.size !== 1) continue;
      const [[code, value]] = codes;
      for (const type of rescue.types) rescued.push({ type, start: rescue.start, code, value });
    }
    return rescued;
  }

  /** A word of a `rescue_from` statement: a type it rescues, `with:` and the handler's name, or `do` opening its block. */
  private rescueWord(token: Token, previous: string): boolean {
    const rescue = this.rescue!;
    if (this.host.frames.length !== rescue.depth) return false;
    if (rescue.frame && token.text === 'class' && (previous === '.' || previous === ':')) {
      // `X.class`, `X::class.java`, `com.acme.X.class`: the name before the class literal's `class`.
      if (this.host.argumentOf[this.host.argumentOf.length - 1] !== 0) return false;
      const type = this.host.recentToken(previous === '.' ? 2 : 3);
      if (type?.kind === TokenKind.Identifier && isCapitalised(type.text)) rescue.types.push(copyToken(type));
      return (rescue.literals = true);
    }
    if (rescue.literals) return false;
    if (token.text === 'with' && this.text.charCodeAt(token.end) === 58 /* : */) return (rescue.withSeen = true);
    if (rescue.withSeen && previous === ':' && rescue.handler === undefined) {
      rescue.handler = token.text;
      return true;
    }
    if (token.text === 'do' && rescue.types.length > 0 && !rescue.frame) {
      this.rescueBlock(rescue);
      return true;
    }
    if (!isCapitalised(token.text) || rescue.withSeen) return false;
    if (rescue.frame) {
      // `rescue_from(Coupons::Taken, ...)`: a type is a name that ends its argument (its qualifiers do not).
      const next = this.text.charCodeAt(nextNonBlank(this.text, token.end));
      if (next !== 44 /* , */ && next !== 41 /* ) */ && next !== 10 && next !== 13) return false;
    } else if (previous === ':' && this.host.recentText(2) === ':' && rescue.types.length > 0) {
      // `Coupons::Taken`: the last name.
      rescue.types.pop();
    }
    rescue.types.push(copyToken(token));
    return true;
  }

  /**
   * The block of a rescue call (Ruby `rescue_from X do |e|`, Ktor `exception<X> { call, cause ->`, Kotlin Javalin
   * `app.exception(X::class.java) { e, ctx -> }`) is a handler of its own: what it renders, its types carry.
   */
  private rescueBlock(rescue: Rescue): void {
    this.rescue = undefined;
    this.host.handlerBlock(rescue);
  }

  private endRescue(): void {
    const rescue = this.rescue;
    this.rescue = undefined;
    if (rescue?.handler !== undefined && rescue.types.length > 0) this.rescues.push(rescue);
  }
}

/** After a rescue call's name: a type (`Foo`, `::Foo`) or type arguments (`<Foo>`). */
function startsRescuedType(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 58 /* : */ || c === 60; /* < */
}

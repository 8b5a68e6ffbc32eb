/**
 * The type switches of an error handler, read for the carrier pass (carriers.ts): a branch structure keyed by
 * type tests of the caught error, whose arms map exception types to statuses, in the shapes of
 * data/carriers.json `typeSwitches`: Kotlin `when (e) { is X -> }` and `when { e is X -> }`, C# `e switch { X => }`
 * and `switch (e) { case X: }`, Java 21 `switch (e) { case X x -> }`, Ruby `case e when X then`, PHP
 * `match (true) { $e instanceof X => }`, JS `switch (true) { case err instanceof X: }`, Python `match exc: case X():`.
 *
 * It reads the pass through `PassView` and is told of the tokens, brackets and line ends the pass reads; the pass
 * asks it which arm a status value stands in (`branch`, `isArmValue`): that arm's types carry the value.
 */
import type { TypeSwitchShape } from '../knowledge';
import { TokenKind } from '../service/scanners/code/lexer';
import { type Bracket, type PassView, type Token, type Value, copyToken, indentOf, isCapitalised, nextNonBlank } from './carrierView';

/** A branch structure keyed by type tests of the caught error, being read (`when (e) { is X -> ... }`). */
interface TypeSwitch {
  shape: TypeSwitchShape;
  /** Brace languages: the frame of its `{`. Indentation languages: none, it ends with its indentation. */
  body?: Bracket;
  /** How many frames are open at its arms. */
  depth: number;
  /** Indentation languages: the indentation of its line, and of its first arm. */
  indent: number;
  armIndent?: number;
  arm: Arm;
  /** The types its earlier arms catch whatever the error holds, and whether one was a root type (`is Exception`). */
  caught: Set<string>;
  exhausted: boolean;
}

export interface Arm {
  types: Token[];
  phase: 'types' | 'branch';
  /** An arm keyword was read (or the shape has none): the capitalised names that follow are its types. */
  keyworded: boolean;
  /** A default arm, a guard, a negated test or a nested pattern: its types alone do not fix its status. */
  unfixed: boolean;
  /** An earlier arm catches every error (the first matching arm is taken): this one is never reached. */
  unreachable: boolean;
  /** The token index of the last type, for a qualified name (`Errors::CouponTaken`) to replace it. */
  lastTypeAt: number;
  /** The token index where the branch begins, and whether it has a token yet. */
  branchStart: number;
  branchRead: boolean;
}

/** A type switch's keyword was read: its subject, then its body, are awaited. */
interface PendingSwitch {
  shape: TypeSwitchShape;
  /** The token index of the last token read for it: the next one must continue it. */
  at: number;
  /** `case e`: the subject was read (the arms follow on the next lines). */
  subject: boolean;
  /** Where the keyword is. */
  start: number;
}

export class TypeSwitches {
  /** The switches being read, the innermost last, and one whose keyword was just read. */
  private readonly switches: TypeSwitch[] = [];
  private pending: PendingSwitch | undefined;
  private readonly text: string;

  constructor(
    private readonly view: PassView,
    /** The family's shapes by keyword. */
    private readonly shapes: ReadonlyMap<string, TypeSwitchShape[]>,
    /** The family's type test (`instanceof`, `is`), for arms that test the error themselves (`switch (true)`). */
    private readonly errorTests: { keywords: ReadonlySet<string> } | undefined,
    /** The family's root exception types: an arm of one catches every error. */
    private readonly catchAll: ReadonlySet<string>,
  ) {
    this.text = view.text;
  }

  /** A switch is open or its keyword was just read: every token goes to `token` first. */
  get reading(): boolean {
    return this.switches.length > 0 || this.pending !== undefined;
  }

  /**
   * A bracket opens (not yet on the pass's frames). Returns whether it is the body of the switch whose subject
   * was just read (`when (e) {`, `e switch {`).
   */
  bracketOpened(frame: Bracket, token: Token): boolean {
    if (this.switches.length > 0) frame.at = this.view.tokenIndex;
    const pending = this.pending;
    if (token.text !== '{' || !pending?.subject || pending.at !== this.view.tokenIndex - 1 || pending.shape.subject === 'after')
      return false;
    this.openSwitch(pending, frame, this.view.frames.length + 1);
    return true;
  }

  /** A bracket closed (already off the pass's frames): a switch's body ends, or a switch keyword's subject was read. */
  bracketClosed(frame: Bracket): void {
    const open = this.switches[this.switches.length - 1];
    if (open?.body !== undefined && frame === open.body) this.switches.pop();
    else if (frame.open === 40 && frame.callee !== undefined && this.shapes.has(frame.callee)) this.subjectClosed(frame);
  }

  /** Indentation languages: `case e` then its arms on the next lines; an arm's types (`when X, Y`) end with their line. */
  lineEnded(): void {
    const pending = this.pending;
    if (pending?.subject && pending.at === this.view.tokenIndex) this.openSwitch(pending, undefined, this.view.frames.length);
    const open = this.switches[this.switches.length - 1];
    if (open?.body === undefined && open?.arm.phase === 'types' && this.view.frames.length === open.depth)
      ((open.arm.phase = 'branch'), (open.arm.branchStart = this.view.tokenIndex + 1));
  }

  /**
   * The keyword of a type switch: `e switch {` has its subject before it; `case e` after it (read next);
   * `when (e) {` in its parentheses (read when they close). Returns whether the word was taken.
   */
  keyword(token: Token, word: string, previous: string): boolean {
    const shapes = this.shapes.get(word);
    if (!shapes) return false;
    for (const shape of shapes) {
      if (shape.subject === 'before' && this.view.recentToken(1)?.kind === TokenKind.Identifier && this.view.isErrorName(previous)) {
        this.pending = { shape, at: this.view.tokenIndex, subject: true, start: token.start };
        return true;
      }
      if (shape.subject === 'after') {
        this.pending = { shape, at: this.view.tokenIndex, subject: false, start: token.start };
        return true;
      }
      // Kotlin `when {`: no subject, each arm tests the error itself.
      if (shape.subject === 'none' && this.text[nextNonBlank(this.text, token.end)] === '{') {
        this.pending = { shape, at: this.view.tokenIndex, subject: true, start: token.start };
        return true;
      }
    }
    return false;
  }

  /**
   * `when (e)`, `switch (context.Exception)`: the parentheses of a switch keyword closed on the caught error;
   * `switch (true)`, `match (true)`: on no subject, each arm testing the error itself.
   */
  private subjectClosed(frame: Bracket): void {
    const shapes = frame.callee === undefined ? undefined : this.shapes.get(frame.callee);
    if (!shapes || this.view.recentToken(1)?.kind !== TokenKind.Identifier) return;
    const before = this.view.recentText(2);
    const onTrue = this.view.recentText(1) === 'true' && before === '(';
    const shape = shapes.find((s) => s.subject === (onTrue ? 'true' : 'parenthesised'));
    if (!shape || (!onTrue && !this.view.isErrorName(this.view.recentText(1)))) return;
    if (before !== '(' && before !== '.') return;
    this.pending = { shape, at: this.view.tokenIndex, subject: true, start: frame.calleeToken!.start };
  }

  private openSwitch(pending: PendingSwitch, body: Bracket | undefined, depth: number): void {
    this.pending = undefined;
    this.switches.push({
      shape: pending.shape,
      body,
      depth,
      indent: indentOf(this.text, pending.start),
      arm: this.newArm(pending.shape),
      caught: new Set(),
      exhausted: false,
    });
  }

  /**
   * The arm read so far ends and the next begins. The first matching arm is taken (Kotlin `when`, Python `match`,
   * C# and Java switches, Ruby `case`): the types an arm catches whatever the error holds are not reached by the
   * arms after it, and after an arm of a root type (`is Exception ->`) no arm is.
   */
  private nextArm(open: TypeSwitch): Arm {
    const arm = open.arm;
    if (!arm.unfixed && arm.branchRead)
      for (const type of arm.types) {
        open.caught.add(type.text);
        if (this.catchAll.has(type.text)) open.exhausted = true;
      }
    const next = this.newArm(open.shape);
    next.unreachable = open.exhausted;
    return next;
  }

  private newArm(shape: TypeSwitchShape): Arm {
    return {
      types: [],
      phase: 'types',
      keyworded: shape.armKeywords.size === 0,
      unfixed: false,
      unreachable: false,
      lastTypeAt: -1,
      branchStart: -1,
      branchRead: false,
    };
  }

  /**
   * A token read while a type switch is pending or open: its subject, the start of an arm, the arm's types,
   * guards and end. Returns whether the token was taken (only names are: brackets always reach the frames).
   */
  token(token: Token, lineFirst: boolean): boolean {
    const pending = this.pending;
    // Python `match exc:`: the subject's line ends with a mark of its own.
    if (pending?.subject && pending.at === this.view.tokenIndex - 1 && pending.shape.subjectEnd.has(token.text)) {
      pending.at = this.view.tokenIndex;
      return false;
    }
    if (pending && pending.at !== this.view.tokenIndex - 1) this.pending = undefined;
    else if (pending && !pending.subject) {
      // `case e`: the subject follows the keyword.
      if (token.kind === TokenKind.Identifier && this.view.isErrorName(token.text))
        ((pending.subject = true), (pending.at = this.view.tokenIndex));
      else this.pending = undefined;
      return pending.subject;
    }
    const open = this.switches[this.switches.length - 1];
    if (!open) return false;
    const depth = this.view.frames.length;
    if (depth < open.depth) {
      this.switches.pop();
      return this.token(token, lineFirst);
    }
    if (depth > open.depth) {
      if (open.arm.phase === 'branch') open.arm.branchRead = true;
      return false;
    }
    const shape = open.shape;
    const word = token.kind === TokenKind.Identifier ? token.text : undefined;
    if (open.body === undefined && lineFirst) {
      // Indentation languages: a line indented no deeper than the arms, other than an arm, ends the switch.
      const indent = indentOf(this.text, token.start);
      const arm = word !== undefined && (shape.armKeywords.has(word) || shape.defaults.has(word));
      if (indent < open.indent || (indent <= (open.armIndent ?? open.indent) && !arm)) {
        this.switches.pop();
        return this.token(token, lineFirst);
      }
      if (arm && indent <= (open.armIndent ?? indent)) {
        open.armIndent ??= indent;
        open.arm = this.nextArm(open);
        if (shape.defaults.has(word)) open.arm.unfixed = true;
        else open.arm.keyworded = true;
        return true;
      }
    } else if (shape.armStart === 'separator' && token.text === ',' && open.arm.phase === 'branch') {
      // C# `X => 409, Y => 424`: the `,` ends the arm (before its `=>`, PHP's `,` lists more conditions).
      open.arm = this.nextArm(open);
      return false;
    } else this.startsArm(open, token, word, lineFirst);
    const arm = open.arm;
    if (arm.phase === 'branch') {
      arm.branchRead = true;
      return false;
    }
    if (this.endsArmTypes(shape, token, word)) {
      arm.phase = 'branch';
      arm.branchStart = this.view.tokenIndex + 1;
      return word !== undefined;
    }
    if (word === undefined) {
      const c = token.text;
      // A nested pattern (`FooException { Code: 1 }`, Python `X(code=1)`) or a negation (`!is`): not a plain
      // type test. Python's `X()` tests the type alone.
      if ((c === '(' && !this.emptyParentheses(token)) || c === '{' || c === '[' || shape.guards.has(c)) arm.unfixed = true;
      return false;
    }
    if (shape.armKeywords.has(word)) arm.keyworded = true;
    else if (shape.defaults.has(word) || shape.guards.has(word)) arm.unfixed = true;
    else if (shape.subject === 'true' || shape.subject === 'none') this.armTest(arm, token);
    else if (arm.keyworded && isCapitalised(word)) {
      // `Errors::CouponTaken`, `Errors.CouponTaken`: the last name.
      const separator = this.view.recentText(1) === '.' ? 1 : this.view.recentText(1) === ':' && this.view.recentText(2) === ':' ? 2 : 0;
      if (separator > 0 && arm.lastTypeAt === this.view.tokenIndex - separator - 1) arm.types.pop();
      arm.types.push(copyToken(token));
      arm.lastTypeAt = this.view.tokenIndex;
    }
    return true;
  }

  /** Brace languages: the token may begin another arm (it is then read as the arm's first token). */
  private startsArm(open: TypeSwitch, token: Token, word: string | undefined, lineFirst: boolean): void {
    const shape = open.shape;
    const arm = open.arm;
    let starts = false;
    if (shape.armStart === 'keyword') starts = word !== undefined && (shape.armKeywords.has(word) || shape.defaults.has(word));
    else if (shape.armStart === 'line' && lineFirst && arm.phase === 'branch' && arm.branchRead) {
      // Kotlin: a new line begins the next arm, unless it continues the branch (`.body(...)`, `&& ...`).
      const last = this.view.recentText(1);
      starts = !continuesLine(last, token.text);
    }
    if (!starts) return;
    const next = this.nextArm(open);
    // C# `case A: case B: ...`: an arm with no branch shares the next one's.
    if (shape.fallThrough && arm.phase === 'branch' && !arm.branchRead) ((next.types = arm.types), (next.unfixed = arm.unfixed));
    open.arm = next;
  }

  /**
   * `switch (true) { case err instanceof X: }`, `match (true) { $e instanceof X => }`: a type is a name the
   * family's type test (`instanceof`) asks of the caught error, maybe qualified (`errors.X`, `\App\X`).
   */
  private armTest(arm: Arm, token: Token): void {
    if (!isCapitalised(token.text)) return;
    let n = 1;
    for (;;) {
      const text = this.view.recentText(n);
      if (text === '.' || text === '\\') n++;
      else if (text === ':' && this.view.recentText(n + 1) === ':') n += 2;
      else break;
      if (this.view.recentToken(n)?.kind === TokenKind.Identifier && !this.errorTests!.keywords.has(this.view.recentText(n))) n++;
    }
    if (!this.errorTests!.keywords.has(this.view.recentText(n)) || !this.view.isErrorName(this.view.recentText(n + 1))) return;
    // The qualifier read as a type before (`Errors` of `Errors.X`) gives way to the last name.
    if (arm.lastTypeAt > this.view.tokenIndex - n) arm.types.pop();
    arm.types.push(copyToken(token));
    arm.lastTypeAt = this.view.tokenIndex;
  }

  private emptyParentheses(open: Token): boolean {
    return this.text[nextNonBlank(this.text, open.end)] === ')';
  }

  /** `->`, `=>`, `:`, `then`: the arm's types end and its branch begins. */
  private endsArmTypes(shape: TypeSwitchShape, token: Token, word: string | undefined): boolean {
    if (word !== undefined) return shape.armEnd.has(word);
    if (shape.armEnd.has(token.text)) return true;
    const before = this.view.recentToken(1);
    return before?.end === token.start && shape.armEnd.has(before.text + token.text);
  }

  /** The types an arm (the innermost switch's, from `branch`) gives its status: none when it is unfixed or never reached. */
  fixedTypes(arm: Arm): Token[] {
    if (arm.unfixed || arm.unreachable) return [];
    const caught = this.switches[this.switches.length - 1].caught;
    return caught.size === 0 ? arm.types : arm.types.filter((type) => !caught.has(type.text));
  }

  /** The branch of the innermost type switch's arm, when a value there is the arm's. */
  branch(): Arm | undefined {
    const open = this.switches[this.switches.length - 1];
    if (!open || open.arm.phase !== 'branch' || this.view.frames.length < open.depth) return undefined;
    return open.arm;
  }

  /**
   * `is X -> HttpStatus.CONFLICT`, `X => 409`, `when X then 409`, `case X: return 409;`: the value is the arm's
   * whole branch, or what it returns; `X => (StatusCodes.Status409Conflict, "Conflict")`, PHP `=> [404, ...]`:
   * an element of the tuple (or list) that is the arm's whole branch.
   */
  isArmValue(value: Value, arm: Arm): boolean {
    const tokens = this.view.valueTokens(value);
    const start = this.view.tokenIndex - tokens;
    let i = value.end;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    const ends = i >= this.text.length || ',;})]\r\n.#/'.includes(this.text[i]);
    if (start === arm.branchStart || (start === arm.branchStart + 1 && this.view.recentText(tokens + 1) === 'return')) return ends;
    const open = this.switches[this.switches.length - 1];
    const tuple = this.view.top();
    if (this.view.frames.length !== open.depth + 1 || tuple?.at !== arm.branchStart || tuple.callee !== undefined) return false;
    if (tuple.open !== 40 && tuple.open !== 91) return false;
    const before = this.view.recentText(tokens + 1);
    return (before === '(' || before === '[' || before === ',') && (this.text[i] === ',' || this.text[i] === ')' || this.text[i] === ']');
  }
}

/** Kotlin: a line continues the one before when that one ends, or this one begins, with an operator (`.body(...)`). */
function continuesLine(lastOfPrevious: string, first: string): boolean {
  return (lastOfPrevious.length === 1 && ',=(.+-*/&|?:'.includes(lastOfPrevious)) || (first.length === 1 && '.?&|+-*/'.includes(first));
}

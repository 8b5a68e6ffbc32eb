/**
 * The carrier pass: one light walk over a file's tokens (the scanner's lexer) that finds the project's own
 * classes and helpers standing for a status code, in the shapes of data/carriers.json:
 * - a class annotated with the status (`@ResponseStatus(HttpStatus.X) class FooException`);
 * - a class passing a status to its base (`super(msg, HttpStatus.X)`, `super().__init__(status_code=424)`,
 *   `parent::__construct(424)`, `: base(424)`, Kotlin `class Foo : ResponseStatusException(HttpStatus.X)`);
 * - an error class (one with a base) whose status property holds it (`status_code = 424`, `code = 424`,
 *   `this.status = 424`, `override val status = ...`, C# `StatusCode => 424`);
 * - a class whose status method returns it (`getStatus()`, Rust `impl ResponseError { fn status_code }`);
 * - an exception handler mapping types to a status (`@ExceptionHandler(Foo.class) @ResponseStatus(...)`), or
 *   testing the caught error's type in a branch (`if (err instanceof Foo)`) or a switch on it (`when (e) { is Foo -> }`);
 * - a helper function named after the status it writes (`func failedDependency(w, err)`).
 * A declaration is a carrier only when these shapes give it exactly one code. It also records, per file, the
 * names used where a carrier would be used (called, constructed, thrown, raised), for "where is it used".
 */
import * as knowledge from '../knowledge';
import type { CarrierShapes, FamilySpellings } from '../knowledge';
import { TokenKind, lex } from '../service/scanners/code/lexer';
import { lastAtOrBefore } from '../service/sorted';
import { initializerProperties, namesCode } from '../service/scanners/code/scanner';
import { RescueCalls, type RescueHandler, type RescueHost } from './carrierRescueCalls';
import { TypeSwitches } from './carrierTypeSwitches';
import { type Bracket, type Token, type Value, copyToken, indentOf, isCapitalised, lineStartBefore } from './carrierView';

export type CarrierShape = 'annotation' | 'super' | 'header' | 'property' | 'method' | 'exception-handler' | 'helper';

/** A declaration of one file that stands for a status code. Offsets are the file's. */
export interface CarrierDeclaration {
  name: string;
  code: number;
  kind: 'class' | 'function';
  shape: CarrierShape;
  /** The name as written in the declaration (for the exception-handler shape, the type in the handler's annotation). */
  nameStart: number;
  nameEnd: number;
  /** 0-based line of the name. */
  line: number;
  /** The status value that gives the code. */
  valueStart: number;
  valueEnd: number;
  /** The whole declaration, header to end, where its own name is no use of it. */
  start: number;
  end: number;
}

/** A class with a base and no status of its own: it carries its base's status, if the base is a carrier. */
export interface Subclass {
  name: string;
  base: string;
  nameStart: number;
  nameEnd: number;
  line: number;
  start: number;
  end: number;
}

export interface FileCarriers {
  carriers: CarrierDeclaration[];
  subclasses: Subclass[];
  /** Names called, constructed, thrown or raised in the file, with how often. */
  uses: Map<string, number>;
}

interface Declaration {
  kind: 'class' | 'function' | 'impl';
  name: string;
  nameStart: number;
  nameEnd: number;
  start: number;
  end: number;
  base?: string;
  /** Brace languages: the stack depth of its body; -1 while the header is read. Indentation languages: the line's indent. */
  depth: number;
  indent: number;
  codes: Map<number, Value & { shape: CarrierShape }>;
  /** Exception types this method handles (from a handler annotation). */
  handles?: { name: string; start: number; end: number }[];
  /** Kotlin: a base keyword was seen in the header, so a call there passes the status to the base. */
  inBaseList?: boolean;
  /** Kotlin/Scala expression body (`fun f() = X`): ends at the line's end. */
  expressionBody?: boolean;
}

interface Frame extends Bracket {
  /** The callee was written after `@` (an annotation) or `[` (a C# attribute). */
  annotation?: Annotation;
  /** The frame is the parameter list of a declaration, not a call. */
  declaring?: boolean;
  /** The `{` of a declaration's body. */
  body?: Declaration;
  /** A `(` opened inside a class header (after its base keyword). */
  header?: Declaration;
  /** An object initializer whose properties of these names hold a status (`new ProblemDetails { Status = ... }`). */
  initializer?: ReadonlySet<string>;
}

interface ErrorTest {
  types: Token[];
  /** How many frames are open outside the `if (`. */
  depth: number;
  /** Reading the condition, then the branch: a `{` block, one statement, or (indentation) the indented block. */
  phase: 'condition' | 'await-body' | 'body' | 'statement' | 'block';
  body?: Frame;
  /** Indentation languages: the indentation of the `if` line. */
  indent?: number;
}

interface Annotation {
  name: string;
  values: Value[];
  types: { name: string; start: number; end: number }[];
}

/**
 * A token of the ring: an identifier's text is sliced from the file only when asked for (most identifiers
 * are neither a keyword nor called, and slicing and hashing every one was a third of the pass).
 */
class RingToken implements Token {
  kind = TokenKind.Punctuation;
  start = 0;
  end = 0;
  cached: string | undefined = '';

  constructor(private readonly source: string) {}

  get text(): string {
    return (this.cached ??= this.source.slice(this.start, this.end));
  }
}

const controlWords = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'using',
  'foreach',
  'lock',
  'synchronized',
  'when',
  'with',
  'elseif',
  'match',
]);
const useKeywords = new Set(['new', 'throw', 'raise']);
/** How many recent tokens the pass keeps (one more than the deepest look back, for the token being read). */
const RECENT = 16;

/** Words followed by `(` or after `throw`/`new` that never name a carrier. */
const notUses = new Set([
  'new',
  'throw',
  'raise',
  'super',
  'constructor',
  'this',
  'self',
  'base',
  'parent',
  'return',
  'await',
  'typeof',
  'sizeof',
]);
const declarationWords = new Set(['function', 'def', 'fun', 'func', 'fn', 'class', 'struct', 'interface', 'type', 'extends', 'implements']);

/**
 * The carriers declared in a file, and the names it uses. `family` is its language family. `keepTokens`: the
 * file is scanned next, which replays the tokens instead of lexing it again (lexer.ts).
 */
export function findCarriers(text: string, family: string, keepTokens = false): FileCarriers {
  const shapes = knowledge.carrierShapesOf(family);
  const syntax = knowledge.syntaxOf(family);
  const scopes = knowledge.scopeSyntaxOf(family);
  const result: FileCarriers = { carriers: [], subclasses: [], uses: new Map() };
  if (!shapes || !syntax || !scopes) return result;
  const pass = new CarrierPass(text, family, shapes, scopes.style === 'indentation', result);
  lex(text, syntax, (kind, start, end) => pass.token(kind, start, end), keepTokens);
  pass.finish();
  return result;
}

/**
 * The pass. Its type switches and rescue calls are read by parts of their own (carrierTypeSwitches.ts,
 * carrierRescueCalls.ts), which see it as a `PassView` (its public members) and tell it of rescue handlers.
 */
class CarrierPass implements RescueHost {
  readonly frames: Frame[] = [];
  private readonly open: Declaration[] = [];
  private pending: Declaration | undefined;
  /** A function keyword was read: the next name at this depth before a `(` names the function. */
  private functionKeyword: { depth: number; start: number; name?: Token } | undefined;
  private classKeyword: { depth: number; start: number } | undefined;
  private annotations: Annotation[] = [];
  /**
   * The last RECENT tokens, newest at `head - 1`: a ring of reused objects, since a file has hundreds of
   * thousands of tokens and only the last few are ever looked at (a token kept longer is copied).
   */
  private readonly ring: RingToken[];
  /** Per ASCII first character, the lengths (bit n; 31: longer) of the words `identifier` looks up. */
  private readonly gate: Uint32Array;
  private head = 0;
  private lastClosed: { frame: Frame; at: number } | undefined;
  /** An error handler's `if (err instanceof X)` being read, and the codes its branches set per tested type. */
  private errorTest: ErrorTest | undefined;
  private readonly testedTypes = new Map<string, { type: Token; codes: Map<number, Value>; end: number }>();
  private readonly typeSwitches: TypeSwitches;
  private readonly rescueCalls: RescueCalls;
  tokenIndex = 0;
  private lineStart = true;
  private readonly spellings: FamilySpellings;
  private readonly statusCalls: ReadonlyMap<string, { argument: number }[]>;
  private readonly statusProperties: ReadonlySet<string>;
  private readonly statusCommands: ReadonlySet<string>;
  private readonly contexts: knowledge.CompiledContexts | undefined;
  private readonly lineStarts: number[] = [];
  /** The argument index of each open `(` frame, kept beside the frames. */
  readonly argumentOf: number[] = [];

  constructor(
    readonly text: string,
    private readonly family: string,
    private readonly shapes: CarrierShapes,
    private readonly indentation: boolean,
    private readonly result: FileCarriers,
  ) {
    this.ring = Array.from({ length: RECENT }, () => new RingToken(text));
    this.spellings = knowledge.spellingsFor(family);
    this.gate = gateOf(shapes, this.spellings);
    const contexts = knowledge.statusContextsOf(family);
    this.contexts = contexts;
    this.statusCalls = contexts?.calls ?? new Map();
    this.statusProperties = contexts?.properties ?? new Set();
    this.statusCommands = contexts?.commands ?? new Set();
    this.typeSwitches = new TypeSwitches(this, shapes.typeSwitches, shapes.errorTests, shapes.catchAllTypes);
    this.rescueCalls = new RescueCalls(this, shapes.rescueCalls);
  }

  token(kind: TokenKind, start: number, end: number): void {
    if (kind === TokenKind.Comment) return;
    if (kind === TokenKind.Newline) {
      this.lineStart = true;
      this.newline();
      return;
    }
    const token = this.ring[this.head % RECENT];
    token.kind = kind;
    token.start = start;
    token.end = end;
    token.cached =
      kind === TokenKind.Identifier ? undefined : kind === TokenKind.Punctuation ? punctuationText(this.text.charCodeAt(start)) : '';
    const lineFirst = this.lineStart;
    if (this.lineStart) {
      this.lineStart = false;
      if (this.indentation && this.frames.length === 0) this.dedent(start);
    }
    this.tokenIndex++;
    if (this.typeSwitches.reading && this.typeSwitches.token(token, lineFirst)) {
      this.head++;
      return;
    }
    // `if (err instanceof X) res.status(424)`: a branch without braces is one statement.
    if (this.errorTest?.phase === 'await-body' && !(kind === TokenKind.Punctuation && token.text === '{'))
      this.errorTest.phase = 'statement';
    if (kind === TokenKind.Identifier) this.identifier(token);
    else if (kind === TokenKind.Number) this.number(token);
    else if (kind === TokenKind.Punctuation) this.punctuation(token);
    this.head++;
  }

  /** How many recent tokens there are. */
  private get recentCount(): number {
    return Math.min(this.head, RECENT - 1);
  }

  finish(): void {
    this.endPending(this.text.length);
    while (this.open.length > 0) this.close(this.open.pop()!, this.text.length);
    // Each type an error handler tests carries the one code its branches set; a handler method named by
    // `rescue_from ..., with:` gives its types the one code it sets.
    for (const [name, tested] of this.testedTypes) {
      if (tested.codes.size !== 1) continue;
      const [[code, value]] = tested.codes;
      this.carrier(
        { name, nameStart: tested.type.start, nameEnd: tested.type.end, start: tested.type.start, end: tested.end },
        code,
        value,
        'exception-handler',
        'class',
      );
    }
    for (const { type, start, code, value } of this.rescueCalls.finish())
      this.carrier(
        { name: type.text, nameStart: type.start, nameEnd: type.end, start, end: type.end },
        code,
        value,
        'exception-handler',
        'class',
      );
  }

  // --- declarations -------------------------------------------------------------------------------------

  private identifier(token: Token): void {
    const depth = this.frames.length;
    const first = this.text.charCodeAt(token.start);
    // Whether the word may be one looked up below (a keyword, a framework constant's member), or a
    // declaration header, an annotation or a rescue_from is being read: most identifiers are none of these.
    const looked = first >= 128 || (this.gate[first] & (1 << Math.min(token.end - token.start, 31))) !== 0;
    if (
      !looked &&
      this.pending === undefined &&
      !this.rescueCalls.reading &&
      this.classKeyword?.depth !== depth &&
      this.functionKeyword?.depth !== depth &&
      this.top()?.annotation === undefined
    )
      return this.plainIdentifier(token, first);
    const word = token.text;
    let previous = this.recentText(1);
    // PHP `extends \RuntimeException`, `\App\Exceptions\Base`: a namespace path reads as its last name.
    if (previous === '\\' && this.pending?.kind === 'class') previous = this.pending.base === undefined ? this.recentText(2) || '\\' : '.';
    if (this.shapes.classKeywords.has(word) && previous !== '.' && previous !== ':') {
      this.classKeyword = { depth, start: this.statementStart(token.start) };
      return;
    }
    if (this.shapes.functionKeywords.has(word)) {
      this.functionKeyword = { depth, start: this.statementStart(token.start) };
      return;
    }
    if (word === this.shapes.implKeyword && depth === 0) {
      this.startDeclaration('impl', token, this.statementStart(token.start));
      return;
    }
    if (this.classKeyword?.depth === depth) {
      // `class extends Error {` (JS/TS class expression, PHP `new class extends X`) names nothing a use could name.
      if (!this.isBaseKeyword(word)) this.startDeclaration('class', token, this.classKeyword.start);
      this.classKeyword = undefined;
      return;
    }
    if (this.functionKeyword?.depth === depth) {
      this.functionKeyword.name = copyToken(token);
      return;
    }
    const pending = this.pending;
    // Python `class Foo(Base):`: the base is inside the header's parentheses.
    if (
      pending?.kind === 'class' &&
      pending.base === undefined &&
      previous === '(' &&
      depth === pending.depth + 1 &&
      this.isBaseKeyword('(')
    ) {
      pending.base = word;
      return;
    }
    if (pending && depth === pending.depth) {
      if (pending.kind === 'impl') {
        // `impl Trait for Type`: the type is the name; `impl Type`: the first name.
        if (previous === 'for' || previous === 'impl') this.rename(pending, token);
        return;
      }
      if (pending.kind === 'class' && pending.base === undefined && this.isBaseKeyword(previous)) {
        pending.base = word;
        pending.inBaseList = true;
        return;
      }
      // A qualified base (`exceptions.APIException`, `ActiveRecord::RecordInvalid`): its last name.
      if (pending.kind === 'class' && pending.base !== undefined && (previous === '.' || previous === ':')) {
        const qualifier = this.recentText(previous === ':' ? 3 : 2);
        if (qualifier === pending.base) pending.base = word;
        return;
      }
      if (pending.kind === 'class' && this.isBaseKeyword(word)) {
        pending.inBaseList = true;
        return;
      }
    }
    // `@ExceptionHandler(Foo.class)`, `@ExceptionHandler(Foo::class)`: the handled types.
    const annotation = this.top()?.annotation;
    if (annotation && this.shapes.handlerAnnotations.has(annotation.name) && (word === 'class' || word === 'Class')) {
      const type = this.recentToken(previous === '.' ? 2 : 3);
      if (type?.kind === TokenKind.Identifier) annotation.types.push({ name: type.text, start: type.start, end: type.end });
      return;
    }
    // Python `@app.exception_handler(CouponTaken)`, `@app.errorhandler(CouponTaken)`: the type itself.
    if (
      annotation &&
      this.indentation &&
      this.shapes.handlerAnnotations.has(annotation.name) &&
      isCapitalised(word) &&
      (previous === '(' || previous === ',')
    ) {
      annotation.types.push({ name: word, start: token.start, end: token.end });
      return;
    }
    if (this.typeSwitches.keyword(token, word, previous)) return;
    if (this.rescueCalls.word(token, word, previous)) return;
    if (this.shapes.errorTests && isCapitalised(word) && this.testsError(token, previous)) return;
    if (this.shapes.errorTests && (previous === ',' || previous === '(') && isCapitalised(word) && this.testsErrorByCall(token)) return;
    if (this.errorTest?.phase === 'condition' && this.qualifiesTestedType(token)) return;
    if (this.value(token)) return;
    this.recordUse(token);
  }

  /** An identifier that is no keyword, outside any header: a type an error handler tests, else maybe a use. */
  private plainIdentifier(token: Token, first: number): void {
    if (first >= 65 && first <= 90 && this.shapes.errorTests) {
      const previous = this.recentText(1);
      if (this.testsError(token, previous)) return;
      if ((previous === ',' || previous === '(') && this.testsErrorByCall(token)) return;
      if (this.errorTest?.phase === 'condition' && this.qualifiesTestedType(token)) return;
    }
    this.recordUse(token);
  }

  private isBaseKeyword(word: string): boolean {
    return this.shapes.baseKeywords.has(word);
  }

  private startDeclaration(kind: Declaration['kind'], name: Token, start: number): void {
    this.endPending(start);
    this.pending = {
      kind,
      name: kind === 'impl' ? '' : name.text,
      nameStart: name.start,
      nameEnd: name.end,
      start,
      end: this.text.length,
      depth: this.frames.length,
      indent: this.indentOf(start),
      codes: new Map(),
    };
    if (kind === 'impl') this.pending.nameStart = -1;
    this.takeAnnotations(this.pending);
  }

  private rename(declaration: Declaration, name: Token): void {
    declaration.name = name.text;
    declaration.nameStart = name.start;
    declaration.nameEnd = name.end;
  }

  /** The annotations read just before a declaration are its own. */
  private takeAnnotations(declaration: Declaration): void {
    for (const annotation of this.annotations) {
      if (this.shapes.annotations.has(annotation.name))
        for (const value of annotation.values) this.addCode(declaration, value, 'annotation');
      if (this.shapes.handlerAnnotations.has(annotation.name)) (declaration.handles ??= []).push(...annotation.types);
    }
    this.annotations = [];
  }

  /** A declaration whose header was read opens (brace languages: at its `{`; indentation languages: at once). */
  private openDeclaration(declaration: Declaration, depth: number): void {
    declaration.depth = depth;
    this.open.push(declaration);
  }

  /** The header read so far had no body (`class Foo : Base(HttpStatus.X)` in Kotlin, an abstract method): it ends here. */
  private endPending(end: number): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    if (this.indentation) {
      this.openDeclaration(pending, pending.indent);
      return;
    }
    pending.end = end;
    this.close(pending, end);
  }

  private close(declaration: Declaration, end: number): void {
    declaration.end = end;
    if (declaration.kind === 'function' && declaration.name !== '' && declaration.codes.size === 1)
      this.rescueCalls.functionClosed(declaration.name, declaration.codes);
    const owner = this.owningClass(declaration);
    if (declaration.handles && declaration.codes.size === 1) {
      // An exception handler: each type it handles carries the status it answers with.
      const [[code, value]] = declaration.codes;
      for (const type of declaration.handles)
        this.carrier(
          { name: type.name, nameStart: type.start, nameEnd: type.end, start: declaration.start, end },
          code,
          value,
          'exception-handler',
          'class',
        );
      return;
    }
    if (
      declaration.kind === 'function' &&
      owner &&
      this.shapes.methods.has(declaration.name) &&
      (owner.base !== undefined || owner.kind === 'impl')
    ) {
      for (const value of declaration.codes.values()) this.addCode(owner, value, 'method');
      return;
    }
    if (declaration.kind === 'function') {
      // A helper is named after the status it writes (`failedDependency(w, err)`, `respondConflict`).
      if (declaration.codes.size === 1) {
        const [[code, value]] = declaration.codes;
        if (namesCode(declaration.name, code)) this.carrier(declaration, code, value, 'helper', 'function');
      }
      return;
    }
    if (declaration.nameStart < 0 || declaration.name === '') return;
    if (declaration.codes.size === 1) {
      const [[code, value]] = declaration.codes;
      this.carrier(declaration, code, value, value.shape, 'class');
    } else if (declaration.codes.size === 0 && declaration.base !== undefined && declaration.kind === 'class') {
      this.result.subclasses.push({
        name: declaration.name,
        base: declaration.base,
        nameStart: declaration.nameStart,
        nameEnd: declaration.nameEnd,
        line: this.lineOf(declaration.nameStart),
        start: declaration.start,
        end,
      });
    }
  }

  private carrier(
    declaration: Pick<Declaration, 'name' | 'nameStart' | 'nameEnd' | 'start' | 'end'>,
    code: number,
    value: Value,
    shape: CarrierShape,
    kind: 'class' | 'function',
  ): void {
    // A handler of a root type (`@ExceptionHandler(Exception.class)`, `rescue_from StandardError`) is the fallback
    // for every error no handler gave a status: no carrier, so a plain `throw new Exception(...)` is no status site.
    if (shape === 'exception-handler' && this.shapes.catchAllTypes.has(declaration.name)) return;
    this.result.carriers.push({
      name: declaration.name,
      code,
      kind,
      shape,
      nameStart: declaration.nameStart,
      nameEnd: declaration.nameEnd,
      line: this.lineOf(declaration.nameStart),
      valueStart: value.start,
      valueEnd: value.end,
      start: declaration.start,
      end: declaration.end,
    });
  }

  /** The class (or Rust impl) a method is declared in: the nearest open one. */
  private owningClass(declaration: Declaration): Declaration | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const candidate = this.open[i];
      if (candidate === declaration) continue;
      if (candidate.kind !== 'function') return candidate;
    }
    return undefined;
  }

  private innermost(kind: 'class' | 'function'): Declaration | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const candidate = this.open[i];
      if (kind === 'function' ? candidate.kind === 'function' : candidate.kind !== 'function') return candidate;
    }
    return undefined;
  }

  private addCode(declaration: Declaration, value: Value, shape: CarrierShape): void {
    if (!declaration.codes.has(value.code)) declaration.codes.set(value.code, { ...value, shape });
  }

  // --- indentation ---------------------------------------------------------------------------------------

  private newline(): void {
    this.rescueCalls.lineEnded();
    // Ruby `def status` without parentheses: the name is all there is.
    const keyword = this.functionKeyword;
    if (keyword?.name && this.frames.length === keyword.depth) this.startFunction(keyword.name, keyword.start);
    const pending = this.pending;
    // Kotlin `class Foo : Base(HttpStatus.X)` and `fun status() = HttpStatus.X` end with their line.
    if (!this.indentation && pending && this.frames.length === pending.depth) {
      const last = this.recentText(1);
      if (last !== ':' && last !== ',' && last !== '=' && last !== '(') this.endPending(this.recentToken(1)?.end ?? 0);
    }
    const expression = this.open[this.open.length - 1];
    if (expression?.expressionBody && this.frames.length === expression.depth) this.close(this.open.pop()!, this.recentToken(1)?.end ?? 0);
    if (!this.indentation) return;
    // Ruby `if e.is_a?(X)`: the condition ends with its line.
    if (this.errorTest?.phase === 'condition' && this.frames.length === this.errorTest.depth) this.errorTest.phase = 'block';
    this.typeSwitches.lineEnded();
  }

  /** A logical line's first token: the declarations indented as deep or deeper end before it. */
  private dedent(start: number): void {
    this.endPending(start);
    const indent = this.indentOf(start);
    if (this.errorTest?.phase === 'block' && indent <= this.errorTest.indent!) this.errorTest = undefined;
    while (this.open.length > 0 && this.open[this.open.length - 1].indent >= indent)
      this.close(this.open.pop()!, this.lineStartBefore(start));
  }

  private indentOf(offset: number): number {
    return indentOf(this.text, offset);
  }

  private lineStartBefore(offset: number): number {
    return lineStartBefore(this.text, offset);
  }

  // --- punctuation ---------------------------------------------------------------------------------------

  private punctuation(token: Token): void {
    const c = token.text;
    if (c === '(' || c === '[' || c === '{') this.openFrame(token);
    else if (c === ')' || c === ']' || c === '}') this.closeFrame(token);
    else if (c === ',' && this.frames.length > 0) {
      this.argumentOf[this.argumentOf.length - 1]++;
      this.rescueCalls.comma(token);
    } else if (c === ';') {
      if (this.errorTest?.phase === 'statement' && this.frames.length <= this.errorTest.depth) this.errorTest = undefined;
      if (this.pending && this.frames.length === this.pending.depth) this.endPending(token.end);
      this.functionKeyword = undefined;
      if (this.frames.length === 0 || this.top()!.body) this.annotations = [];
    } else if (c === '=' && !this.indentation) {
      // Kotlin `fun status() = HttpStatus.X`: an expression body.
      const pending = this.pending;
      const next = this.text[token.end];
      if (pending?.kind === 'function' && this.frames.length === pending.depth && next !== '=' && next !== '>') {
        this.pending = undefined;
        pending.expressionBody = true;
        this.openDeclaration(pending, this.frames.length);
      }
    } else if (c === ':' && this.indentation && this.errorTest?.phase === 'condition' && this.frames.length === this.errorTest.depth) {
      this.errorTest.phase = 'block';
    } else if (c === ':' && this.indentation && this.pending && this.frames.length === this.pending.depth) {
      // Python `class Foo(Base):` / `def f():`: the body follows.
      this.endPending(token.end);
    }
  }

  private openFrame(token: Token): void {
    const frame: Frame = { open: token.text.charCodeAt(0) };
    if (token.text === '{' && this.contexts) frame.initializer = initializerProperties(this.contexts, (n) => this.recentText(n));
    // `when (e) {`, `e switch {`: the body of a type switch.
    if (this.typeSwitches.reading && this.typeSwitches.bracketOpened(frame, token)) {
      this.frames.push(frame);
      this.argumentOf.push(0);
      return;
    }
    if (this.errorTest?.phase === 'await-body' && token.text === '{') ((this.errorTest.phase = 'body'), (this.errorTest.body = frame));
    // A rescue call's `(`; Ktor `exception<X> {`, whose block is the handler.
    this.rescueCalls.bracketOpened(frame, token);
    const before = this.recentToken(1);
    const depth = this.frames.length;
    if (token.text === '(' && before?.kind === TokenKind.Identifier) {
      frame.callee = before.text;
      frame.calleeToken = copyToken(before);
      if (this.isDecorator()) frame.annotation = { name: before.text, values: [], types: [] };
      else if (this.recentText(2) === '[' && this.family === 'csharp') frame.annotation = { name: before.text, values: [], types: [] };
      if (this.functionKeyword?.depth === depth && this.functionKeyword.name?.start === before.start) {
        // `def name(`, `func (r T) name(`, `fun Type.name(`: the parameters of a function named `name`.
        this.startFunction(before, this.functionKeyword.start);
        frame.declaring = true;
      }
    }
    if (
      token.text === '(' &&
      this.pending?.kind === 'class' &&
      this.pending.inBaseList &&
      depth === this.pending.depth &&
      this.shapes.headerCalls
    )
      frame.header = this.pending;
    if (token.text === '{' && this.functionKeyword?.depth === depth) this.functionKeyword = undefined;
    if (token.text === '{' && !this.indentation) {
      const pending = this.pending;
      if (pending && depth === pending.depth) {
        this.pending = undefined;
        frame.body = pending;
        this.frames.push(frame);
        this.argumentOf.push(0);
        this.openDeclaration(pending, this.frames.length);
        return;
      }
      const method = this.keywordlessMethod(depth);
      if (method) {
        frame.body = method;
        this.frames.push(frame);
        this.argumentOf.push(0);
        this.openDeclaration(method, this.frames.length);
        return;
      }
    }
    this.frames.push(frame);
    this.argumentOf.push(0);
  }

  private startFunction(name: Token, start: number): void {
    this.functionKeyword = undefined;
    this.startDeclaration('function', name, start);
  }

  /** `Type name(...) {` / `name(...): T {` in a class body, without a function keyword: a method named `name`. */
  private keywordlessMethod(depth: number): Declaration | undefined {
    const closed = this.lastClosed;
    if (!closed || closed.frame.open !== 40 || closed.frame.declaring || closed.frame.callee === undefined) return undefined;
    if (controlWords.has(closed.frame.callee) || this.frames.length !== depth) return undefined;
    // Only a few tokens (`throws X`, `: Promise<T>`, `-> T`) between the `)` and the `{`, none ending a statement.
    if (this.tokenIndex - closed.at > 8) return undefined;
    for (let n = 1; n <= this.tokenIndex - closed.at && n <= this.recentCount; n++) {
      const text = this.recentText(n);
      if (text === ';' || text === '=' || text === '}' || text === 'new' || text === '.') return undefined;
    }
    const owner = this.innermost('class');
    if (!owner || owner.depth !== depth) return undefined;
    const name = closed.frame.calleeToken!;
    const declaration: Declaration = {
      kind: 'function',
      name: name.text,
      nameStart: name.start,
      nameEnd: name.end,
      start: name.start,
      end: this.text.length,
      depth: -1,
      indent: 0,
      codes: new Map(),
    };
    this.takeAnnotations(declaration);
    return declaration;
  }

  private closeFrame(token: Token): void {
    const frame = this.frames.pop();
    this.argumentOf.pop();
    if (!frame) return;
    const test = this.errorTest;
    if (test) {
      // `if (err instanceof X)`: the condition's parentheses close (an indentation language's `if` has none).
      if (test.phase === 'condition' && this.frames.length === test.depth) {
        if (!this.indentation) test.phase = 'await-body';
      } else if (frame === test.body || this.frames.length < test.depth) this.errorTest = undefined;
    }
    // Kotlin Javalin `app.exception(X::class.java) { e, ctx -> ... }`: the handler is the block after the call.
    this.rescueCalls.bracketClosed(frame);
    this.typeSwitches.bracketClosed(frame);
    if (frame.annotation) {
      this.annotations.push(frame.annotation);
      return;
    }
    if (frame.body) {
      const index = this.open.lastIndexOf(frame.body);
      if (index >= 0) {
        // Declarations left open inside (an expression body without a newline) end with it.
        while (this.open.length > index + 1) this.close(this.open.pop()!, token.start);
        this.close(this.open.pop()!, token.end);
      }
      this.annotations = [];
      return;
    }
    if (frame.open === 40) this.lastClosed = { frame, at: this.tokenIndex };
  }

  // --- error handlers ---------------------------------------------------------------------------------------

  /**
   * `err instanceof X` (`context.Exception is X`, PHP `$e instanceof \X`) in the condition of an `if` (or the
   * family's `conditions`: PHP `elseif`), on a name that holds the caught error: X is read as a tested type
   * (several with `||`). Returns whether it was.
   */
  private testsError(type: Token, previous: string): boolean {
    const tests = this.shapes.errorTests!;
    // PHP's fully qualified `\App\Exceptions\X` starts with a separator (its last name is the type: qualifiesTestedType).
    const rooted = previous === '\\' ? 1 : 0;
    if (!tests.keywords.has(rooted ? this.recentText(2) : previous) || !this.isErrorName(this.recentText(2 + rooted))) return false;
    let depth = -1;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i];
      if (frame.open !== 40) return false;
      if (frame.callee !== undefined && (frame.callee === 'if' || tests.conditions.has(frame.callee))) {
        depth = i;
        break;
      }
    }
    if (depth < 0) return false;
    if (this.errorTest?.phase === 'condition' && this.errorTest.depth === depth) this.errorTest.types.push(copyToken(type));
    else this.errorTest = { types: [copyToken(type)], depth, phase: 'condition' };
    return true;
  }

  /**
   * Python `if isinstance(exc, X):` (and `elif`), Ruby `if e.is_a?(X)` (`elsif`, `kind_of?`): X, the type a test
   * call asks of the caught error, is a tested type; the branch is the indented block. Returns whether it was.
   */
  private testsErrorByCall(type: Token): boolean {
    const frame = this.top();
    const tests = this.shapes.errorTests!;
    if (frame?.open !== 40) return false;
    let subject: string;
    if (this.recentText(1) === ',') {
      // `isinstance(exc, X)`
      if (frame.callee === undefined || !tests.keywords.has(frame.callee) || this.recentText(3) !== '(') return false;
      subject = this.recentText(2);
    } else {
      // `e.is_a?(X)`: the callee may end with `?`, read as a token of its own.
      const predicate = this.recentText(2) === '?' ? 1 : 0;
      const method = this.recentText(2 + predicate) + (predicate ? '?' : '');
      if (!tests.keywords.has(method) || this.recentText(3 + predicate) !== '.') return false;
      subject = this.recentText(4 + predicate);
    }
    if (!this.isErrorName(subject)) return false;
    const depth = this.frames.length - 1;
    // `if e.is_a?(A) || e.is_a?(B)`: one more type of the same condition.
    if (this.errorTest?.phase === 'condition' && this.errorTest.depth === depth) {
      this.errorTest.types.push(copyToken(type));
      return true;
    }
    const lineStart = this.lineStartBefore(type.start);
    const first = /^[A-Za-z_]+/.exec(this.text.slice(lineStart, lineStart + 120).trimStart())?.[0];
    if (first === undefined || !tests.conditions.has(first)) return false;
    this.errorTest = { types: [copyToken(type)], depth, phase: 'condition', indent: this.indentOf(type.start) };
    return true;
  }

  /** `ActiveRecord::RecordNotFound`, `errors.CouponTaken`, `\App\Exceptions\CouponTaken` in a test's condition: the type is the last name. */
  private qualifiesTestedType(token: Token): boolean {
    const types = this.errorTest!.types;
    const last = types[types.length - 1];
    const before = this.recentText(1);
    const separator = before === '.' || before === '\\' ? 1 : before === ':' && this.recentText(2) === ':' ? 2 : 0;
    if (separator === 0 || last === undefined || this.recentToken(separator + 1)?.start !== last.start) return false;
    types[types.length - 1] = copyToken(token);
    return true;
  }

  /** A name that holds the caught error (`err`, `exception`, `context.Exception`, `$exception`, `validationError`). */
  isErrorName(name: string): boolean {
    const subject = withoutSigil(name).toLowerCase();
    return this.shapes.errorTests?.subjects.has(subject) === true || subject.endsWith('error') || subject.endsWith('exception');
  }

  /** Each type tested in a branch that sets this status may carry it. */
  private mapTypes(types: Token[], value: Value): void {
    for (const type of types) {
      const tested =
        this.testedTypes.get(type.text) ?? this.testedTypes.set(type.text, { type, codes: new Map(), end: value.end }).get(type.text)!;
      if (!tested.codes.has(value.code)) tested.codes.set(value.code, value);
    }
  }

  // --- rescue calls' handlers -------------------------------------------------------------------------------

  /** The block that opens next is a rescue call's handler (Ruby `rescue_from X do |e|`, Ktor `exception<X> {`). */
  handlerBlock(handler: RescueHandler): void {
    this.endPending(handler.start);
    this.pending = this.handlerDeclaration(handler, this.frames.length);
  }

  /** The rest of the top call's arguments is a rescue call's handler (Javalin `app.exception(X.class, (e, ctx) -> ...)`). */
  handlerArgument(handler: RescueHandler): void {
    const declaration = this.handlerDeclaration(handler, -1);
    this.top()!.body = declaration;
    this.openDeclaration(declaration, this.frames.length);
  }

  /** The nameless handler of a rescue call, from its start: the types it handles carry what it renders. */
  private handlerDeclaration(handler: RescueHandler, depth: number): Declaration {
    return {
      kind: 'function',
      name: '',
      nameStart: -1,
      nameEnd: -1,
      start: handler.start,
      end: this.text.length,
      depth,
      indent: this.indentOf(handler.start),
      codes: new Map(),
      handles: handler.types.map((type) => ({ name: type.text, start: type.start, end: type.end })),
    };
  }

  // --- values and uses ------------------------------------------------------------------------------------

  private number(token: Token): void {
    if (token.end - token.start !== 3) return;
    const code = Number(this.text.slice(token.start, token.end));
    if (Number.isInteger(code) && code >= 100 && code <= 599) this.place({ code, start: token.start, end: token.end }, true);
  }

  /** A framework constant (`HttpStatus.CONFLICT`, `status.HTTP_409_CONFLICT`, `:conflict`) ending at this token. */
  private value(token: Token): boolean {
    const candidates = this.spellings.byMember.get(token.text);
    if (!candidates) return false;
    for (const spelling of candidates) {
      if (spelling.imports || spelling.package !== undefined) continue;
      const prefix = spelling.qualifier + spelling.separator;
      const start = token.start - prefix.length;
      if (start < 0 || !this.text.startsWith(prefix, start)) continue;
      const before = this.text.charCodeAt(start - 1);
      if (isWordChar(before) || (spelling.qualifier === '' && before === 58)) continue;
      if (spelling.qualifier === '' && spelling.separator === '') continue;
      this.place({ code: spelling.code, start, end: token.end }, false);
      return true;
    }
    return false;
  }

  /** Which declaration a status value gives its code to, by the shape it stands in. */
  private place(value: Value, isNumber: boolean): void {
    const frame = this.top();
    if (frame?.annotation) {
      frame.annotation.values.push(value);
      return;
    }
    // A status set in the branch of a type test of the caught error: the tested types carry it.
    const test = this.errorTest;
    if (test && test.phase !== 'condition' && test.phase !== 'await-body' && value.code >= 400 && this.setsStatus(value)) {
      this.mapTypes(test.types, value);
      return;
    }
    const arm = this.typeSwitches.branch();
    if (arm && value.code >= 400 && (this.setsStatus(value) || this.typeSwitches.isArmValue(value, arm))) {
      this.mapTypes(this.typeSwitches.fixedTypes(arm), value);
      return;
    }
    const cls = this.innermost('class');
    const fn = this.innermost('function');
    // Inside the class header: Kotlin `: ResponseStatusException(HttpStatus.X)`.
    const header = this.frames.find((f) => f.header)?.header;
    if (header) {
      this.addCode(header, value, 'header');
      return;
    }
    const callFrame = this.nearestCall();
    if (callFrame && this.shapes.superCalls.has(callFrame.callee!) && cls) {
      this.addCode(cls, value, 'super');
      return;
    }
    const property = this.assignedProperty(value);
    // The class's own property: bare in its body, on `this`/`self`/`@` anywhere (a bare name in a method is a local).
    const own = property !== undefined && (fn === undefined ? !property.receiver || property.self : property.self);
    if (property !== undefined && own && cls && this.shapes.properties.has(property.name) && (fn === undefined || this.isInside(fn, cls))) {
      if (cls.base !== undefined || cls.kind === 'impl') {
        this.addCode(cls, value, 'property');
        return;
      }
    }
    if (fn) {
      // A status method's values; a helper's status writes (a status call's argument, a status property, a
      // returned value), not the statuses it compares (a test asserting `status_code == HTTP_404_NOT_FOUND`).
      if (
        this.shapes.methods.has(fn.name) ||
        this.inStatusContext(property?.name) ||
        (!isNumber && this.recentText(this.valueTokens(value) + 1) === 'return')
      )
        this.addCode(fn, value, 'method');
    }
  }

  /** The callee just read follows `@`, maybe through a dotted path (`@app.exception_handler`, `@org.x.ResponseStatus`). */
  private isDecorator(): boolean {
    let n = 2;
    while (this.recentText(n) === '.' && this.recentToken(n + 1)?.kind === TokenKind.Identifier) n += 2;
    return this.recentText(n) === '@';
  }

  private isInside(inner: Declaration, outer: Declaration): boolean {
    return this.open.indexOf(inner) > this.open.indexOf(outer);
  }

  /** The nearest `(` frame that is a call (not a parameter list), within the current statement's brackets. */
  private nearestCall(): Frame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i];
      if (frame.body || frame.open === 123) return undefined;
      if (frame.open === 40 && frame.callee !== undefined && !frame.declaring) return frame;
    }
    return undefined;
  }

  /**
   * `name = V`, `name: Type = V`, `this.name = V`, `name => V` (C#), `name: V`: the name, whether it is written on a
   * receiver (`response.status = V`), and whether that receiver is the object itself (`this.`, `self.`, `@`, `$this->`).
   */
  private assignedProperty(value: Value): { name: string; receiver: boolean; self: boolean } | undefined {
    const name = this.assignedName(value);
    if (!name) return undefined;
    const before = this.recentText(name.at + 1);
    if (before === '@') return { name: name.text, receiver: true, self: true };
    const arrow = before === '>' && this.recentText(name.at + 2) === '-';
    if (before !== '.' && !arrow) return { name: name.text, receiver: false, self: false };
    const receiver = this.recentText(name.at + (arrow ? 3 : 2));
    return { name: name.text, receiver: true, self: receiver === 'this' || receiver === 'self' || receiver === '$this' };
  }

  /** The name assigned the value, and how far back its token is. */
  private assignedName(value: Value): { text: string; at: number } | undefined {
    let n = 1;
    // The value's own tokens: `HttpStatus.CONFLICT` is three, `:conflict` two.
    while (n <= this.recentCount && this.recentToken(n)!.end > value.start) n++;
    // C# `StatusCode = (int)HttpStatusCode.Conflict`: the cast is no part of the assignment.
    if (this.recentText(n) === ')' && this.recentToken(n + 1)?.kind === TokenKind.Identifier && this.recentText(n + 2) === '(') n += 3;
    let at = n;
    if (this.recentText(at) === '>' && this.recentText(at + 1) === '=') at += 2;
    else if (this.recentText(at) === '=' || this.recentText(at) === ':') at += 1;
    else return undefined;
    // Kotlin `override val status: HttpStatus get() = V`: the getter's property.
    if (this.recentText(at) === ')' && this.recentText(at + 1) === '(' && this.recentText(at + 2) === 'get') at += 3;
    const name = this.recentToken(at);
    if (name?.kind === TokenKind.Identifier && !declarationWords.has(name.text)) {
      // `status: HttpStatus = V`: skip the type.
      if (this.recentText(at + 1) === ':' && this.recentToken(at + 2)?.kind === TokenKind.Identifier)
        return { text: withoutSigil(this.recentText(at + 2)), at: at + 2 };
      return { text: withoutSigil(name.text), at };
    }
    return undefined;
  }

  /** How many of the recent tokens belong to the value (`HttpStatus.CONFLICT` read up to its `.`: 2). */
  valueTokens(value: Value): number {
    let n = 0;
    while (n < this.recentCount && this.recentToken(n + 1)!.end > value.start) n++;
    return n;
  }

  /** The value is written where a status is set: a status property or call argument, a status command (`status 424`). */
  private setsStatus(value: Value): boolean {
    return (
      this.inStatusContext(this.assignedProperty(value)?.name) || this.statusCommands.has(this.recentText(this.valueTokens(value) + 1))
    );
  }

  private inStatusContext(property: string | undefined): boolean {
    if (property !== undefined && this.statusProperties.has(property)) return true;
    const frame = this.top();
    if (property !== undefined && frame?.initializer?.has(property)) return true;
    if (frame?.open !== 40 || frame.callee === undefined) return false;
    const argument = this.argumentOf[this.argumentOf.length - 1];
    return this.statusCalls.get(frame.callee)?.some((c) => c.argument === argument) === true;
  }

  /** A name called, constructed, thrown or raised: a possible use of a carrier. */
  private recordUse(token: Token): void {
    const next = this.text.charCodeAt(token.end);
    const before = this.recentToken(1);
    // A word before is read only where it can matter (`new`, `throw`, `raise`; a declaration word before a
    // call): most are never sliced from the file.
    const length = before ? before.end - before.start : 0;
    const previous =
      before?.kind !== TokenKind.Identifier ? (before?.text ?? '') : length === 3 || length === 5 || next === 40 ? before.text : '';
    // Rust `Err(FooError)`: a unit struct is used without a call.
    let used = useKeywords.has(previous) || (previous === '(' && this.recentText(2) === 'Err');
    if (!used) used = next === 40 /* ( */ && !declarationWords.has(previous) && previous !== '.';
    // Ruby `Foo.new(...)`: the class before `.new`.
    if (
      previous === '.' &&
      token.end - token.start === 3 &&
      this.text.startsWith('new', token.start) &&
      this.recentToken(2)?.kind === TokenKind.Identifier
    ) {
      if (couldBeCarrier(this.recentText(2))) this.countUse(this.recentText(2));
      return;
    }
    // `raise Errors::CouponTaken`, `throw new errors.CouponTaken()`: a qualified name is used when the word
    // before its first qualifier says so.
    const qualifiers = this.qualifierTokens();
    if (qualifiers > 0) {
      if (useKeywords.has(this.recentText(qualifiers + 1)) && couldBeCarrier(token.text) && !notUses.has(token.text))
        this.countUse(token.text);
      return;
    }
    if (used && couldBeCarrier(token.text) && !notUses.has(token.text) && previous !== '@' && !this.ownName(token.text))
      this.countUse(token.text);
  }

  /** How many tokens before this one qualify it (`Errors` `:` `:`, `errors` `.`): 0 for a plain name. */
  private qualifierTokens(): number {
    let back = 0;
    for (;;) {
      const separator =
        this.recentText(back + 1) === '.' ? 1 : this.recentText(back + 1) === ':' && this.recentText(back + 2) === ':' ? 2 : 0;
      if (separator === 0 || this.recentToken(back + separator + 1)?.kind !== TokenKind.Identifier) return back;
      back += separator + 1;
    }
  }

  private ownName(name: string): boolean {
    if (this.pending?.name === name) return true;
    for (const declaration of this.open) if (declaration.name === name) return true;
    return false;
  }

  private countUse(name: string): void {
    this.result.uses.set(name, (this.result.uses.get(name) ?? 0) + 1);
  }

  // --- helpers --------------------------------------------------------------------------------------------

  /** Where the statement holding a keyword starts: its modifiers and annotations count as its header. */
  private statementStart(offset: number): number {
    return this.lineStartBefore(offset);
  }

  private lineOf(offset: number): number {
    // Line starts are collected once, on the first question.
    if (this.lineStarts.length === 0) {
      this.lineStarts.push(0);
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    return Math.max(0, lastAtOrBefore(this.lineStarts, offset));
  }

  top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  recentToken(n: number): Token | undefined {
    return n >= 1 && n <= this.recentCount ? this.ring[(this.head - n) % RECENT] : undefined;
  }

  recentText(n: number): string {
    return this.recentToken(n)?.text ?? '';
  }
}

const gates = new WeakMap<CarrierShapes, Uint32Array>();

/** The first characters and lengths of every word the pass looks up, for `identifier`'s quick test. */
function gateOf(shapes: CarrierShapes, spellings: FamilySpellings): Uint32Array {
  let gate = gates.get(shapes);
  if (!gate) {
    const words = [
      ...shapes.classKeywords,
      ...shapes.functionKeywords,
      ...shapes.baseKeywords,
      ...shapes.rescueCalls,
      // Only a switch whose subject is not in parentheses needs its keyword read (the others are seen as callees).
      ...[...shapes.typeSwitches]
        .filter(([, list]) => list.some((s) => s.subject !== 'parenthesised' && s.subject !== 'true'))
        .map(([k]) => k),
      ...(shapes.implKeyword ? [shapes.implKeyword] : []),
      ...spellings.byMember.keys(),
    ];
    const built = new Uint32Array(128);
    for (const word of words) {
      const first = word.charCodeAt(0);
      if (first < 128) built[first] |= 1 << Math.min(word.length, 31);
    }
    gates.set(shapes, (gate = built));
  }
  return gate;
}

/** Every reason phrase, as the words a helper's name would have (`failedDependency`, `respond_not_found`). */
let statusNames: knowledge.PhraseSet | undefined;
const couldBeCarrierCache = new Map<string, boolean>();

/**
 * Whether a used name can be a carrier's: a class (capitalised: `FailedDependencyException`, `Locked`), or a
 * helper named after a status (`failedDependency`). Other calls (`require`, `parseInt`) are not kept, which
 * keeps the model small.
 */
function couldBeCarrier(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  let known = couldBeCarrierCache.get(name);
  if (known === undefined) {
    statusNames ??= new knowledge.PhraseSet(knowledge.allCodes().map((entry) => knowledge.toWords(entry.phrase).join(' ')));
    known = statusNames.matches(knowledge.toWords(name));
    if (couldBeCarrierCache.size > 100_000) couldBeCarrierCache.clear();
    couldBeCarrierCache.set(name, known);
  }
  return known;
}

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** A punctuation token's text (one character), without slicing the file. */
function punctuationText(c: number): string {
  return c < 128 ? ASCII[c] : String.fromCharCode(c);
}

/** PHP variables carry a `$`: `$statusCode = 424` sets `statusCode`. */
function withoutSigil(name: string): string {
  return name.charCodeAt(0) === 36 ? name.slice(1) : name;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

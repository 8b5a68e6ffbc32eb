/**
 * Walks a token stream and finds the status sites: numbers in status contexts and framework spellings
 * (data/frameworks.json, data/spellings.json). Tracks brackets so it knows, for each site, the call it is
 * an argument of, the statement it is part of (its message) and, in brace languages, the handler around it.
 */
import * as knowledge from '../../../knowledge';
import type { CompiledContexts, FamilySpellings, PhraseSet, ScopeSyntax } from '../../../knowledge';
import { type CompletionSlot, type Evidence, type Guard, NAMED_SPELLING, NUMBER_SPELLING, type Scope, type StatusSite } from '../../model';
import { findMentions } from '../mentions';
import { NO_SUPPRESSIONS, type Suppressions } from '../suppressions';
import { type Imports, inImportStatement, readImports, resolvePhpName } from './imports';
import { type PropstatFrame, PropstatLiterals, isStatusKey, statusSubscript, valueIsArray } from './propstat';
import type { CarrierLookup } from '../../carriers';
import {
  type CallSpan,
  type HeaderKind,
  caughtException,
  decoratorAt,
  chainStart,
  handledTypes,
  withoutAnnotations,
  errorTypeOf,
  conditionOf,
  handledCall,
  headerKind,
  isCallKeyword,
  isDefinition,
  link,
} from './blocks';
import { TokenKind } from './lexer';
import { TextScope } from './scope';

interface Frame {
  /** The opening character: ( [ { — or '' for the file. */
  open: string;
  /** For `[`: a number first in the array, and where the second element starts — a Rack triple `[424, {...}, body]`? */
  triple?: { code: number; start: number; end: number; second?: number };
  /**
   * A status value being read in this frame (after `res.status(`, `status: `, `ctx.status = `), in which
   * argument, and whether a conditional (`?`, Python/Kotlin `if`) has started in it: each branch is a status.
   */
  statusValue?: { argument: number; conditional: boolean };
  /** For `[` and `array(` in PHP: a subscript or an array literal that may hold propstat status keys. */
  propstat?: PropstatFrame;
  /** For `{`: a statement block (function body, control block, class body) rather than an object literal. */
  block: boolean;
  /** For `{`: an object initializer whose properties of these names hold a status (`new ProblemDetails { Status = ... }`). */
  initializer?: ReadonlySet<string>;
  /** For `(`: the identifier just before it (a callee or a keyword) and where it starts. */
  callee?: string;
  calleeStart?: number;
  argument: number;
  isFunction: boolean;
  /** For blocks: where the current statement started, its first word, what it has said, and its sites. */
  statementStart: number;
  statementFirst?: string;
  statementFirstAt?: number;
  strings: string[];
  pending: StatusSite[];
  /** For blocks: the text before the `{` that introduced it (a signature, a declaration). */
  header?: { start: number; end: number };
  /** An error-handling block: where its header starts, and the sites and slots inside it. */
  failure?: { start: number };
  /** Set on push: the nearest statement block at or above this frame, and the nearest failure, so neither lookup walks the stack (deep nesting would make that quadratic). */
  container?: Frame;
  /** The guards around what this frame holds, innermost first (blocks.ts); set on push, changed by sections. */
  guard?: Guard;
  /** For blocks: the guards from outside it, and those with the current `case` section or match arm. */
  baseGuard?: Guard;
  /** An enum's body (Java, Kotlin): its constants, separated by commas, each say their own message. */
  enumBody?: boolean;
  sectionGuard?: Guard;
  kind?: HeaderKind;
  /** For blocks: the header names a status (`switch (res.status)`, `match resp.status()`): its cases read one. */
  statusSubject?: boolean;
  /** Inside the condition of an `if`/`while`/`switch`/`for` (another branch's words when seen from a sibling statement). */
  inCondition?: boolean;
  /** For `(` `[` `{`: a membership test (`in (423, 424)`, `.includes(`), and whether its subject is a status. */
  membership?: { status: boolean };
  /** For blocks: what the statements of the current section say, and the sites of that section. */
  said?: Evidence[];
  sectionSites?: StatusSite[];
  /** For blocks: where the current match arm started. */
  sectionStart?: number;
  /** For blocks: the first calls made in it (nested blocks too), those of the current statement and of the one before. */
  calls?: CallSpan[];
  statementCalls?: CallSpan[];
  previousCalls?: CallSpan[];
  /** For blocks: the calls of the header statement (`match client.get(url).send() {`), and of the last `try` body closed in it. */
  headerCalls?: CallSpan[];
  tryCalls?: CallSpan[];
}

/** How many calls a block or statement keeps for evidence: the handled call is among the first. */
const MAX_CALLS = 12;
/** How many of a statement's string literals make its message. */
const MAX_MESSAGE_STRINGS = 16;
/** How many string literals of a block section are kept as its neighbours' evidence. */
const MAX_SAID = 12;
/** Families whose match expressions have arms (`pattern => value`, Kotlin `pattern -> value`). */
const armFamilies = new Set(['rust', 'kotlin', 'php', 'csharp']);
const conditionCallees = new Set(['if', 'elseif', 'while', 'switch', 'for', 'foreach', 'when', 'match']);
const membershipCalls = new Set([
  'includes',
  'include',
  'contains',
  'Contains',
  'containsKey',
  'in_array',
  'has',
  'indexOf',
  'oneOf',
  'any',
  'member',
]);

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
/** Words before a name that declare it (`class CouponTaken(...)`), where a call-like `(` is no call. */
const declaringKeywords = new Set(['class', 'record', 'struct', 'object', 'interface', 'enum', 'def', 'fun', 'func', 'fn', 'function']);
const blockKeywords = new Set(['else', 'try', 'do', 'finally', 'elif', 'unless', 'loop', 'select', 'defer', 'go']);
/** Words that start another statement: a status value read before them has ended. */
const statementKeywords = new Set(['return', 'const', 'let', 'var', 'throw', 'val']);
const expressionKeywords = new Set(['return', 'throw', 'yield', 'await', 'typeof', 'case', 'new', 'in', 'of', 'default', 'export']);

export class CodeScanner {
  readonly sites: StatusSite[] = [];
  readonly slots: CodeSlot[] = [];
  readonly schemesSeen = new Set<string>();
  /** The schemes the file's sites are spelled in (qualified spellings only). */
  readonly schemesUsed = new Set<string>();
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
  /** Go: the package the file belongs to (`package webdav`), whose own constants it may write bare. */
  private packageName: string | undefined;
  private readonly propstatLiterals = new PropstatLiterals();
  /** What the file imports, read on the first name that may need it. */
  private imports: Imports | undefined;
  /** Indentation-scoped languages: every call and string literal, for indentation.ts to find a site's evidence. */
  readonly calls: CallSpan[] = [];
  readonly strings: Evidence[] = [];
  /**
   * The declared response whose description is being read, and the depth of its responses map; an annotation's
   * (`@ApiResponse(responseCode = "424", description = "...")`) reads its other attributes, to its end.
   */
  private declaring: { site: StatusSite; depth: number; said: string[]; annotation?: boolean } | undefined;
  /** Ruby: the last `case` line is on a status (`case response.code`): its `when`s read one. */
  private caseOfStatus = false;
  /** Where a line ends a statement (Kotlin): the mark of an annotation line, which belongs to the declaration below it. */
  private readonly decorator: string | undefined;
  /** Annotations that make a function an exception handler (`@ExceptionHandler`): its types are caught there. */
  private readonly handlerAnnotations: ReadonlySet<string>;
  /** The mark between a macro's name and its arguments (Rust's `!`). */
  private readonly macroMark: string | undefined;
  /** The last `[...]` closed: `[423, 424].includes(status)` reads the codes in it. */
  private lastClosedBracket: { start: number; end: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly contexts: CompiledContexts,
    private readonly spellings: FamilySpellings,
    scopes: ScopeSyntax,
    private readonly suppressions: Suppressions,
    private readonly family: string,
    private readonly uri: string,
    /** The workspace's carriers (issue 16), when the service has a workspace. */
    private readonly carriers?: CarrierLookup,
  ) {
    this.fileScope = new TextScope(text, 0, text.length, 0);
    this.frames = [newFrame('', true, false, 0)];
    this.braces = scopes.style === 'braces';
    this.failurePhrases = new knowledge.PhraseSet(scopes.failureBlocks.map((p) => knowledge.toWords(p).join(' ')));
    this.functionKeywords = new Set(scopes.functionKeywords);
    this.failureCalls = new Set(scopes.failureCalls ?? []);
    this.decorator = this.braces ? scopes.decorator : undefined;
    this.handlerAnnotations = knowledge.carrierShapesOf(family)?.handlerAnnotations ?? new Set();
    this.macroMark = scopes.macroMark;
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
      // `if (x)` at the end of a line (Kotlin): the statement it guards is on the next one; so is the
      // declaration under an annotation line (`@PostMapping("/batch")`), whose header the annotation is part of.
      if (
        top.block &&
        !(this.recentText(1) === ')' && this.lastClosedParen !== undefined && isControl(this.lastClosedParen)) &&
        !(
          this.decorator &&
          top.statementFirst === this.decorator &&
          start - top.statementFirstAt! < MAX_ANNOTATIONS_LENGTH &&
          onlyAnnotations(this.text, top.statementFirstAt!, start, this.decorator)
        )
      )
        this.endStatement(top, start);
      return;
    }
    if (this.atLineStart) {
      this.atLineStart = false;
      if (!this.braces && this.frames.length === 1) this.recordLine(kind, start, end);
    }
    const container = this.container();
    if (container.statementFirst === undefined)
      ((container.statementFirst = this.text.slice(start, end)), (container.statementFirstAt = start));
    switch (kind) {
      case TokenKind.String:
      case TokenKind.Template:
        // A template's text part stops before the `${` of a hole, which still belongs to the template.
        this.suppressions.addToken(start, kind === TokenKind.Template ? end + 1 : end);
        // What a condition says is its guard's, not the message of the status it guards.
        if (!this.top().inCondition) container.strings.push(this.text.slice(start, end));
        this.say(container, start, end);
        if (this.declaring && (this.frames.length > this.declaring.depth || this.declaring.annotation))
          this.declaring.said.push(unquote(this.text.slice(start, end)));
        else if (kind === TokenKind.String) this.declaredResponseCode(start, end);
        this.mentions(start, end);
        this.reasonPhraseEntry(start, end);
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
      const top = this.top();
      if (this.opensStatusValue(0)) top.statusValue = { argument: top.argument, conditional: false };
      else if (c === 61 && !this.inStatusBranch(0) && isAssignment(this.text, end - 1)) top.statusValue = undefined;
      if (this.inStatusContext(0)) this.addSlot({ kind: 'value', start: end, scope: this.currentScope() });
    } else if (c === 63 /* ? */) {
      this.startConditional();
    }
    let qualifier: Token | undefined;
    let separator = '';
    if (c === 46 /* . */) ((qualifier = this.recentToken(2)), (separator = '.'));
    else if (c === 58 /* : */ && this.recentText(2) === ':') ((qualifier = this.recentToken(3)), (separator = '::'));
    if (qualifier?.kind !== TokenKind.Identifier) return;
    let name = this.text.slice(qualifier.start, qualifier.end);
    // A two-part qualifier (`HttpStatus.Code.`) before a one-part one.
    const outer = this.recentToken(separator.length + 3);
    if (separator === '.' && this.recentText(3) === '.' && outer?.kind === TokenKind.Identifier) {
      const dotted = `${this.text.slice(outer.start, outer.end)}.${name}`;
      if (this.spellings.byQualifier.has(dotted + separator)) name = dotted;
    }
    const schemes = this.spellings.byQualifier.get(name + separator);
    if (schemes) this.addSlot({ kind: 'member', start: end, scope: this.currentScope(), schemes, qualifier: name, separator });
  }

  private addSlot(slot: CodeSlot): void {
    const guard = this.top().guard;
    if (guard) slot.guard = guard;
    this.slots.push(slot);
  }

  private currentScope(): TextScope {
    return this.handler?.scope ?? this.fileScope;
  }

  finish(): void {
    while (this.frames.length > 1) this.close(this.text.length);
    this.endStatement(this.frames[0], this.text.length);
    this.flushSection(this.frames[0]);
    for (const site of this.propstatLiterals.confirmed()) this.commit(site);
  }

  private identifier(start: number, end: number): void {
    const word = this.text.slice(start, end);
    // A message key said with a status (`Message.LLM_PROVIDER_ERROR`, `messages.REPORT_NOT_CREATED`): part of its message.
    if (isMessageKey(word) && this.recentText(1) === '.' && /message|error|reason|text|i18n/i.test(this.recentText(2)))
      this.container().strings.push(word);
    if (this.braces && this.functionKeywords.has(word)) this.pendingFunction = this.frames.length;
    if (this.packageName === undefined && this.frames.length === 1 && this.recentText(1) === 'package') this.packageName = word;
    if ((word === 'case' || word === 'default') && this.top().kind === 'switch' && this.top().statementFirst === word)
      this.startSection(start);
    if (!this.braces && word === 'case' && this.frames.length === 1 && this.container().statementFirst === word)
      this.caseOfStatus = statusSubject(this.text.slice(end, this.text.indexOf('\n', end) >>> 0));
    if (word === 'if' && this.container().statementFirst !== word) this.startConditional();
    else if (statementKeywords.has(word)) this.top().statusValue = undefined;
    // Workspace hook (issue 16): a project carrier used here is a site of its status.
    if (this.carriers !== undefined && this.carrierUse(word, start, end)) return;
    const used = this.spellings.qualifiers.get(word);
    if (used) for (const scheme of used) this.schemesSeen.add(scheme);
    const candidates = this.spellings.byMember.get(word);
    if (!candidates) {
      this.namedStatus(word, start, end);
      return;
    }
    for (const spelling of candidates) {
      if (spelling.imports) {
        if (this.importedSpelling(spelling, start, end)) return;
        continue;
      }
      if (spelling.package !== undefined && !this.isOwnConstant(spelling.package, end)) continue;
      const prefix = spelling.qualifier + spelling.separator;
      const qualifierStart = start - prefix.length;
      if (qualifierStart < 0 || !this.text.startsWith(prefix, qualifierStart)) continue;
      // The qualifier must be a whole word (`myhttp.StatusOK` is not `http.StatusOK`), a symbol's colon must stand alone.
      const before = this.text.charCodeAt(qualifierStart - 1);
      if (isWordChar(before) || (spelling.qualifier === '' && before === 58) /* : */) continue;
      // The tokens already read of this spelling: the qualifier and each separator character.
      if (spelling.context && !this.inStatusContext(spelling.tokens) && !this.givenToStatusProperty(spelling.tokens)) continue;
      if (spelling.qualifier !== '') this.schemesUsed.add(spelling.scheme);
      this.addSite(spelling.code, qualifierStart, end, {
        kind: 'constant',
        scheme: spelling.scheme,
        qualifier: spelling.qualifier,
        separator: spelling.separator,
      });
      return;
    }
    this.namedStatus(word, start, end);
  }

  /**
   * The application's own error type or helper named after a status (`FailedDependencyException`,
   * `FailedDependencyError`, a `FailedDependency(...)` helper): thrown, raised, constructed, called or
   * subclassed it carries that status and is a site; caught or tested (`except FailedDependencyError:`,
   * `instanceof`) it is read. Its definition (`class FailedDependencyException`) is neither.
   */
  private namedStatus(word: string, start: number, end: number): void {
    const code = knowledge.codeNamedBy(word);
    if (code === undefined || (this.imports !== undefined && inImportStatement(this.imports, start))) return;
    // (`FAILED_DEPENDENCY(424, "Failed Dependency")` declares an enum's constant: only types and functions count.)
    if (word === word.toUpperCase()) return;
    // A framework's own status call (echo's `c.NoContent(502)`): the status is its argument, not its name.
    if (this.contexts.calls.has(word)) return;
    // `ChangeItem FailedDependency(...)`, `IActionResult FailedDependency(...)`: a method being defined, after its type.
    const previous = this.recentToken(1);
    if (previous?.kind === TokenKind.Identifier && !callKeywordsBefore.has(this.text.slice(previous.start, previous.end))) return;
    const before = this.wordBefore(start);
    if (
      before === 'class' ||
      before === 'def' ||
      before === 'function' ||
      before === 'interface' ||
      before === 'struct' ||
      before === 'fun'
    )
      return;
    let next = end;
    while (this.text[next] === ' ' || this.text[next] === '\t') next++;
    const called = this.text[next] === '(';
    const container = this.container();
    const caught =
      before === 'except' ||
      before === 'rescue' ||
      before === 'instanceof' ||
      before === 'is' ||
      (this.top().open === '(' &&
        (this.top().callee === 'catch' || this.top().callee === 'isinstance' || this.top().callee === 'except')) ||
      container.statementFirst === 'except' ||
      container.statementFirst === 'rescue';
    if (caught) {
      // (A mention, as a caught framework class is: hover only.)
      this.sites.push({
        code,
        text: word,
        start,
        end,
        role: 'mention',
        spelling: NAMED_SPELLING,
        message: '',
        scope: this.fileScope,
        suppressed: NO_SUPPRESSIONS,
      });
      return;
    }
    if (!called && before !== 'throw' && before !== 'raise' && before !== 'new') return;
    // chi's `r.NotFound(func(w, r) {...})` registers the handler for a status; it sends none here.
    let argument = next + 1;
    while (this.text[argument] === ' ') argument++;
    if (called && this.text.startsWith('func', argument)) return;
    this.addSite(code, start, end, NAMED_SPELLING);
    // `class LlmEmptyResponseException :\n FailedDependencyException(...)`: the subclass's own name says what it is.
    const declared = this.declaredClassBefore(start);
    if (declared) container.strings.push(declared);
  }

  /**
   * A member of a scheme with `imports`: bare where the file imports that very name from one of the modules
   * (`from werkzeug.exceptions import NotFound` ... `raise NotFound()`), qualified where the qualifier is bound
   * to one of them (`exc.HTTPNotFound`, `werkzeug.exceptions.NotFound`). A class is used where it is raised,
   * thrown, constructed or called; elsewhere (`except NotFound:`, `instanceof`) it is a mention; and neither
   * in its import, nor as the base of a class definition (`class Gone(NotFound):`, `extends NotFoundException`).
   */
  private importedSpelling(spelling: knowledge.Spelling, start: number, end: number): boolean {
    const imports = (this.imports ??= readImports(this.text, this.family, this.spellings.modules, this.uri));
    if (imports.bindings.size === 0 && imports.namespace === undefined) return false;
    const word = this.text.slice(start, end);
    const modules = spelling.imports!;
    let siteStart = start;
    let qualifier = '';
    let separator = '';
    let insert: Extract<StatusSite['spelling'], { kind: 'constant' }>['import'];
    const qualified = this.family === 'php' ? this.phpQualifiedName(start) : undefined;
    if (qualified !== undefined) {
      // `DAV\Exception\Forbidden`: the name resolved against `use` and `namespace` must be the member of a module.
      const full = resolvePhpName(imports, this.text.slice(qualified, end));
      if (!modules.has(full.slice(0, full.lastIndexOf('\\')))) return false;
      ((siteStart = qualified), (qualifier = this.text.slice(qualified, start - 1)), (separator = '\\'));
    } else if (this.recentText(1) === '.') {
      const q = this.recentToken(2);
      if (q?.kind !== TokenKind.Identifier) return false;
      const name = this.text.slice(q.start, q.end);
      const outer = this.recentText(3) === '.' ? this.recentToken(4) : undefined;
      const outerName = outer?.kind === TokenKind.Identifier ? this.text.slice(outer.start, outer.end) : undefined;
      const outerPath = outerName !== undefined ? pathOf(imports.bindings.get(outerName)) : undefined;
      if (outerName !== undefined && outerPath !== undefined && modules.has(`${outerPath}.${name}`)) {
        ((siteStart = outer!.start), (qualifier = `${outerName}.${name}`));
      } else if (this.recentText(3) !== '.' && modules.has(pathOf(imports.bindings.get(name)) ?? '')) {
        ((siteStart = q.start), (qualifier = name));
      } else return false;
      separator = '.';
    } else {
      const binding = imports.bindings.get(word);
      // PHP: a class of the file's own namespace needs no `use` (`throw new Forbidden()` in namespace Sabre\DAV\Exception).
      const ownNamespace = binding === undefined && imports.namespace !== undefined && modules.has(imports.namespace);
      if (!ownNamespace && (binding?.name !== word || !modules.has(binding.module) || inImportStatement(imports, start))) return false;
      if (binding?.insert) {
        const present = [...imports.bindings.values()].filter((b) => b.module === binding.module && b.name).map((b) => b.name!);
        insert = { ...binding.insert, present };
      }
    }
    const before = this.wordBefore(siteStart);
    if (before === 'class' || before === 'extends' || before === 'implements' || this.container().statementFirst === 'class') return false;
    let next = end;
    while (this.text[next] === ' ' || this.text[next] === '\t') next++;
    const used = !spelling.constructs || before === 'raise' || before === 'throw' || before === 'new' || this.text[next] === '(';
    const site: StatusSite['spelling'] = { kind: 'constant', scheme: spelling.scheme, qualifier, separator };
    if (insert) site.import = insert;
    if (used) this.addSite(spelling.code, siteStart, end, site);
    else
      this.sites.push({
        code: spelling.code,
        text: this.text.slice(siteStart, end),
        start: siteStart,
        end,
        role: 'mention',
        spelling: site,
        message: '',
        scope: this.fileScope,
        suppressed: new Set(),
      });
    return true;
  }

  /**
   * A name the workspace knows as a carrier, thrown, raised, constructed or called here (`throw new
   * FailedDependencyException("...")`, `raise Locked`, `failedDependency(w, err)`, Rust `Err(Locked)`): the site of
   * its code, judged with what is said around it. Caught, tested, imported or extended, it is no use.
   */
  private carrierUse(word: string, start: number, end: number): boolean {
    const carrier = this.carriers!.carrier(word, this.uri, this.family);
    if (!carrier) return false;
    if (carrier.uri === this.uri && start >= carrier.declarationStart && start < carrier.declarationEnd) return false;
    // `raise Errors::CouponTaken`, `throw new errors.CouponTaken()`: the word before the qualified name.
    const before = this.wordBefore(this.qualifiedNameStart(start));
    let next = end;
    while (this.text[next] === ' ' || this.text[next] === '\t') next++;
    // `class Sub(...) : Carrier(...)` (Kotlin, C#): the base's constructor in a class header is no use, and, the
    // workspace knowing the base, no site by its name either (the subclass is a carrier of its own).
    if (this.recentText(1) === ':' && this.text[next] === '(') return true;
    // `class CouponTaken(message: String)` (Kotlin, C# primary constructors), Python `class CouponTaken(Base):`: the
    // type being declared, which a handler elsewhere maps to a status, is no use of it.
    if (declaringKeywords.has(before)) return false;
    const used =
      before === 'throw' ||
      before === 'raise' ||
      before === 'new' ||
      (this.text[next] === '(' && this.recentText(1) !== '@') ||
      this.text.startsWith('.new', next) ||
      (this.recentText(1) === '(' && this.recentText(2) === 'Err');
    if (!used) return false;
    const site = this.addSite(carrier.code, start, end, { kind: 'carrier', name: word });
    const lookup = this.carriers!;
    site.via = {
      carrier,
      declaredAt: `${lookup.display(carrier.uri)}:${carrier.line + 1}`,
      carriersFor: (code) => lookup.carriersFor(code, this.uri, this.family),
      where: (other) => `${lookup.display(other.uri)}:${other.line + 1}`,
    };
    return true;
  }

  /** PHP: where a name written with namespace separators (`DAV\Exception\Forbidden`) starts; undefined for a plain name. */
  private phpQualifiedName(start: number): number | undefined {
    if (this.text.charCodeAt(start - 1) !== 92 /* \ */) return undefined;
    let at = start;
    while (at > 0 && (isWordChar(this.text.charCodeAt(at - 1)) || this.text.charCodeAt(at - 1) === 92)) at--;
    // `$x\Foo` is no name; a `$` is a word character here, so a variable stops the name.
    return this.text[at] === '$' ? undefined : at;
  }

  /** The word just before an offset, across blanks (`raise`, `new`, `extends`), or ''. */
  /** Where a name qualified by modules or namespaces (`Errors::CouponTaken`, `errors.CouponTaken`) starts. */
  private qualifiedNameStart(start: number): number {
    let at = start;
    for (;;) {
      const separator = this.text.startsWith('::', at - 2) ? 2 : this.text[at - 1] === '.' ? 1 : 0;
      if (separator === 0) return at;
      let word = at - separator;
      while (word > 0 && isWordChar(this.text.charCodeAt(word - 1))) word--;
      if (word === at - separator) return at;
      at = word;
    }
  }

  private wordBefore(offset: number): string {
    let end = offset;
    while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
    let start = end;
    while (start > 0 && isWordChar(this.text.charCodeAt(start - 1))) start--;
    return this.text.slice(start, end);
  }

  /**
   * A bare name is the constant of package `name` in that package's own files, unless it follows a `.`
   * (another package's member) or is being declared (`StatusLocked = 423` in the const block).
   */
  private isOwnConstant(name: string, end: number): boolean {
    if (this.packageName !== name || this.recentText(1) === '.') return false;
    let next = end;
    while (this.text[next] === ' ' || this.text[next] === '\t') next++;
    return !(this.text[next] === '=' && this.text[next + 1] !== '=');
  }

  private number(start: number, end: number): void {
    if (end - start !== 3) return;
    const code = Number(this.text.slice(start, end));
    if (!Number.isInteger(code) || code < 100) return;
    if (this.inStatusContext(0)) this.addSite(code, start, end, NUMBER_SPELLING);
    else if (this.contexts.rackTriples && this.recentText(1) === '[' && this.top().open === '[') this.top().triple = { code, start, end };
    else if (!knowledge.isRegistered(code)) return;
    else if (this.isResponsesKey(end)) this.declaredResponse(code, start, end);
    else if (this.isStatusComparison() || this.readsStatusSubject(end)) {
      // `res.status === 503`, `case 424:` in `switch (res.status)`, `status in (423, 424)`: a status read, not set.
      this.sites.push({
        code,
        text: this.text.slice(start, end),
        start,
        end,
        role: 'read',
        spelling: NUMBER_SPELLING,
        message: '',
        scope: this.fileScope,
        suppressed: NO_SUPPRESSIONS,
      });
    } else if (code >= 400 && this.carriesStatus(end)) this.addSite(code, start, end, NUMBER_SPELLING);
  }

  /**
   * A key of a responses map declared in code (FastAPI's `responses={424: {"description": "..."}}`, the same map
   * in a NestJS or Flask-smorest decorator): the number before `:` directly inside a `{` given to `responses`.
   */
  private isResponsesKey(end: number): boolean {
    const top = this.top();
    if (top.open !== '{' || top.block || (this.recentText(1) !== '{' && this.recentText(1) !== ',')) return false;
    let after = end;
    while (this.text[after] === ' ' || this.text[after] === '\t') after++;
    if (this.text[after] !== ':') return false;
    let at = top.statementStart - 1;
    while (at > 0 && /[\s=:{]/.test(this.text[at - 1]) && top.statementStart - at < 6) at--;
    return this.text.slice(Math.max(0, at - 9), at).endsWith('responses');
  }

  /** A declared response: a site whose message is its own description (the strings up to the next key). */
  private declaredResponse(code: number, start: number, end: number): void {
    const site = this.addSite(code, start, end, NUMBER_SPELLING);
    site.declares = true;
    // Its message is its description alone, not the whole decorator's strings.
    const pending = this.container().pending;
    if (pending[pending.length - 1] === site) pending.pop();
    this.declaring = { site, depth: this.frames.length, said: [] };
  }

  /** `responseCode = "424"` in an annotation (data/frameworks.json `declaredResponses`): a declared response. */
  private declaredResponseCode(start: number, end: number): void {
    if (end - start !== 5 || this.recentText(1) !== '=' || !this.contexts.declaredResponses.has(this.recentText(2))) return;
    const digits = this.text.slice(start + 1, end - 1);
    if (!/^[1-5]\d\d$/.test(digits)) return;
    this.declaredResponse(Number(digits), start + 1, end - 1);
    this.declaring!.annotation = true;
  }

  private endDeclared(): void {
    const { site, said } = this.declaring!;
    // `{"description": "Email sending errors"}`: the key names are no part of what is said.
    site.message = said.filter((text) => text !== 'description' && text !== 'model' && text !== 'content').join(' ');
    this.declaring = undefined;
  }

  /** A number in a `case` of a switch on a status, a match arm on one, or a membership test of one. */
  private readsStatusSubject(end: number): boolean {
    const container = this.container();
    if (
      container.statusSubject &&
      (container.statementFirst === 'case' || container.statementFirst === 'when' || this.followedByArrow(end))
    )
      return true;
    // Ruby's `case response.code` ... `when 424`, read line by line.
    if (!this.braces && this.caseOfStatus && container.statementFirst === 'when') return true;
    return this.top().membership?.status === true;
  }

  /**
   * A status carried through the application's own code (data/frameworks.json `carriers`): a 4xx/5xx literal
   * given to a property or keyword named for a status (`code: 424`, `httpStatus=424`), passed to a call named
   * for an error or a response (`new AppError(msg, 424)`, `errorResponse(w, 424, msg)`), or returned first
   * beside an error (Go's `return 424, err`).
   */
  private carriesStatus(end: number): boolean {
    const previous = this.recentText(1);
    if ((previous === ':' || previous === '=' || previous === '>') && !this.isComparisonOperator()) {
      const at = previous === '>' ? (this.recentText(2) === '=' ? 3 : 0) : 2;
      const name = at > 0 ? this.recentToken(at) : undefined;
      if (name?.kind === TokenKind.Identifier && knowledge.carriers.properties.has(propertyName(this.text.slice(name.start, name.end))))
        return true;
      if (name?.kind === TokenKind.String && knowledge.carriers.properties.has(unquote(this.text.slice(name.start, name.end)))) return true;
    }
    const top = this.top();
    if ((previous === '(' || previous === ',') && top.open === '(' && top.callee !== undefined && carrierCall(this.calleeName(top)))
      return true;
    if (this.family === 'go' && previous === 'return' && this.text[end] === ',') return true;
    return false;
  }

  /** The value being read is a field or argument of a propstat or multistatus structure (by its type or callee name). */
  private inMultistatusItem(): boolean {
    // Go elides the type of a slice's elements (`[]Propstat{{...}, {Status: ...}}`): up through unnamed literals.
    for (let i = this.frames.length - 1; i > 0 && this.frames.length - i <= 3; i--) {
      const frame = this.frames[i];
      if (frame.block) return false;
      if (frame.open === '(') return frame.callee !== undefined && multistatusName(this.calleeName(frame));
      if (frame.open !== '{') return false;
      // The type before a composite literal's `{` (`Propstat{`, `&webdav.Propstat{`).
      let end = frame.statementStart - 1;
      while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
      let start = end;
      while (start > 0 && isWordChar(this.text.charCodeAt(start - 1))) start--;
      if (start < end) return multistatusName(this.text.slice(start, end));
    }
    return false;
  }

  /** The named site at a callee whose `(...)` turned out to be a definition's parameters: no site after all. */
  private undoNamedSite(paren: Frame): void {
    const site = this.sites[this.sites.length - 1];
    if (!site || site.spelling.kind !== 'named' || site.start !== paren.calleeStart) return;
    this.sites.pop();
    for (const frame of this.frames) {
      if (frame.pending[frame.pending.length - 1] === site) frame.pending.pop();
      if (frame.sectionSites?.[frame.sectionSites.length - 1] === site) frame.sectionSites.pop();
    }
  }

  /** The name of the class whose header ends at `at` (`class LlmEmptyResponseException :\n  `), if any. */
  private declaredClassBefore(at: number): string | undefined {
    const from = this.text.lastIndexOf('class ', at);
    if (from < 0 || at - from > 200 || (from > 0 && isWordChar(this.text.charCodeAt(from - 1)))) return undefined;
    let nameStart = from + 6;
    while (this.text[nameStart] === ' ') nameStart++;
    let nameEnd = nameStart;
    while (nameEnd < at && isWordChar(this.text.charCodeAt(nameEnd))) nameEnd++;
    for (let i = nameEnd; i < at; i++) if ('{};()'.includes(this.text[i])) return undefined;
    return nameEnd > nameStart ? this.text.slice(nameStart, nameEnd) : undefined;
  }

  /** A call's name; for a constructor (`ApiError::new(`, `Error.new(`, `Problem.of(`) the type's name with it. */
  private calleeName(frame: Frame): string {
    if (!constructorNames.has(frame.callee!) || frame.calleeStart === undefined) return frame.callee!;
    return this.text.slice(chainStart(this.text, frame.calleeStart), frame.calleeStart);
  }

  /** The `=`/`:` just read is part of `==`, `!=`, `<=`, `>=`, `:=`... or a ternary's `:`: no assignment. */
  private isComparisonOperator(): boolean {
    const previous = this.recentToken(1);
    const before = this.recentToken(2);
    if (!previous || !before || before.end !== previous.start) return false;
    return '=!<>'.includes(this.text[before.start]);
  }

  /**
   * The site's token is followed by `=>` or `->`: a match arm's pattern (`StatusCode::LOCKED =>`, `424 ->`), also
   * inside the pattern's parentheses (`Some(StatusCode::LOCKED) =>`).
   */
  private followedByArrow(end: number): boolean {
    let i = end;
    while (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === ')') i++;
    return (this.text[i] === '=' || this.text[i] === '-') && this.text[i + 1] === '>';
  }

  /**
   * At a `(` after `name!` (Rust's `assert_eq!(`, `matches!(`): the macro's name, when it reads its arguments as a
   * test assertion does. Other macros stay no callee (`format!`, `json!` and `error!` are no calls to judge).
   */
  private readingMacro(): string | undefined {
    const mark = this.recentToken(1);
    const name = this.recentToken(2);
    if (!this.macroMark || mark?.kind !== TokenKind.Punctuation || this.text[mark.start] !== this.macroMark) return undefined;
    if (name?.kind !== TokenKind.Identifier || name.end !== mark.start) return undefined;
    const macro = this.text.slice(name.start, name.end);
    return knowledge.readsArguments(macro) ? macro : undefined;
  }

  /**
   * A use site that only reads a status: compared (`== 424`, `!= http.StatusLocked`, `.equals(`, `is`), a
   * `case` label, a match arm's pattern, or in a membership test (`in (...)`, `.includes(...)`).
   */
  private readsStatus(start: number, end: number): boolean {
    const container = this.container();
    if (container.kind === 'switch' && (container.statementFirst === 'case' || this.followedByArrow(end))) return true;
    if (this.top().membership) return true;
    // An argument of a test assertion or comparison (`assert.Equal(t, http.StatusFailedDependency, w.Code)`).
    for (let i = this.frames.length - 1; i > 0 && this.frames.length - i <= 2; i--) {
      const frame = this.frames[i];
      if (frame.block) break;
      if (frame.open === '(' && frame.callee !== undefined && knowledge.readsArguments(frame.callee)) return true;
    }
    let before = start;
    while (before > 0 && (this.text[before - 1] === ' ' || this.text[before - 1] === '\t')) before--;
    const b1 = this.text[before - 1];
    if (b1 === '=' && (this.text[before - 2] === '=' || this.text[before - 2] === '!')) return true;
    if (this.text.startsWith('is', before - 2) && !isWordChar(this.text.charCodeAt(before - 3))) return true;
    if (this.text.startsWith('not', before - 3) && this.text.startsWith('is', before - 7)) return true;
    const top = this.top();
    if (top.open === '(' && (top.callee === 'equals' || top.callee === 'Equals' || top.callee === 'eq')) return true;
    let after = end;
    while (this.text[after] === ' ' || this.text[after] === '\t') after++;
    const a = this.text.slice(after, after + 3);
    if (a.startsWith('==') || a.startsWith('!=') || a.startsWith('.eq') || a.startsWith('.Eq')) return true;
    return false;
  }

  /**
   * `StatusCode::HTTP_FAILED_DEPENDENCY => 'Failed Dependency'`, `case StatusLocked: return "Locked"`: a
   * site mapped to its own reason phrase is an entry of a table that defines the codes, not a use of one.
   */
  private reasonPhraseEntry(start: number, end: number): void {
    const site = this.sites[this.sites.length - 1];
    if (!site || site.code === undefined) return;
    const n = this.recentText(1) === 'return' ? 2 : 1;
    const arrow = this.recentText(n) === '>' && this.recentText(n + 1) === '=' ? n + 2 : this.recentText(n) === ':' ? n + 1 : 0;
    if (arrow === 0 || this.recentToken(arrow)?.end !== site.end) return;
    const phrase = knowledge.get(site.code)?.phrase;
    if (phrase && knowledge.toWords(unquote(this.text.slice(start, end))).join(' ') === knowledge.toWords(phrase).join(' '))
      site.definesCode = true;
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

  private addSite(code: number, start: number, end: number, spelling: StatusSite['spelling']): StatusSite {
    const site = this.newSite(code, start, end, spelling);
    if (this.readsStatus(start, end)) site.role = 'read';
    // `Propstat{Status: StatusFailedDependency}`, `new MultiStatusResponse(..., 424)`: one item's status in a 207 body.
    else if (this.inMultistatusItem()) site.inMultistatus = true;
    this.commit(site);
    return site;
  }

  /** A site of the current statement and handler, not reported until it is committed. */
  private newSite(code: number, start: number, end: number, spelling: StatusSite['spelling']): StatusSite {
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
    const headers = this.enclosingHeaders();
    if (namesCode(headerNames(headers), code)) site.definesCode = true;
    if (headers.length > 0) site.handler = headers;
    if (this.top().guard) site.guard = this.top().guard;
    const container = this.container();
    container.pending.push(site);
    if (this.braces) (container.sectionSites ??= []).push(site);
    return site;
  }

  private commit(site: StatusSite): void {
    if (this.braces && site.role === 'use') site.scope.codes.add(site.code!);
    this.sites.push(site);
  }

  /**
   * Whether the value about to be read is in a status context; `skip` is how many of the most recent
   * tokens already belong to the value (a qualified constant `HttpStatus.X` has 2, a symbol `:x` has 1).
   */
  private inStatusContext(skip: number): boolean {
    return this.opensStatusValue(skip) || this.inStatusBranch(skip);
  }

  /**
   * The value being read (`skip` of its tokens read already) is given to a property or keyword named for a status
   * in the application's own code (data/frameworks.json `carriers`): `super(http_status: :failed_dependency)`.
   */
  private givenToStatusProperty(skip: number): boolean {
    const previous = this.recentText(skip + 1);
    if (previous !== ':' && previous !== '=') return false;
    const name = this.recentToken(skip + 2);
    return name?.kind === TokenKind.Identifier && knowledge.carriers.properties.has(propertyName(this.text.slice(name.start, name.end)));
  }

  /** A conditional starts inside the status value being read: `ok ? 200 : 409`, `404 if x else 409`. */
  private startConditional(): void {
    const top = this.top();
    if (top.statusValue?.argument === top.argument) top.statusValue.conditional = true;
  }

  /**
   * The value about to be read is a branch of the status value: after `?`, the `:` of a conditional,
   * `else`, the condition of a Kotlin `if (...)`, or a fallback (`err.status || 500`, `code or 500`).
   */
  private inStatusBranch(skip: number): boolean {
    const top = this.top();
    const value = top.statusValue;
    if (value?.argument !== top.argument) return false;
    const previous = this.recentText(1 + skip);
    if (previous === 'or' || (previous === '|' && this.recentText(2 + skip) === '|')) return true;
    if (!value.conditional) return false;
    if (previous === '?' || previous === ':' || previous === 'else') return true;
    return previous === ')' && this.lastClosedParen?.callee === 'if';
  }

  /** The value about to be read starts a status value: `status(|`, `status: |`, `ctx.status = |`, `halt |`. */
  private opensStatusValue(skip: number): boolean {
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
      if (name?.kind === TokenKind.Identifier && top.initializer?.has(this.text.slice(name.start, name.end))) return true;
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
      const frame = newFrame('(', false, false, end, callee ?? this.readingMacro(), before?.start);
      if (callee === 'array' && this.contexts.propstatArrays) frame.propstat = this.propstatLiteral(2);
      // `.catch(err => ...)`, `.map_err(|e| ...)`: an error handler passed as an argument (itself no call that fails).
      if (callee !== undefined && !this.failureCalls.has(callee)) this.recordCall(before!.start, before!.end, callee);
      else if (callee !== undefined) {
        frame.failure = { start: before!.start };
        frame.guard = { failure: true, ...handledCall(this.text, this.container().statementCalls ?? []) };
      }
      if (callee !== undefined && (membershipCalls.has(callee) || this.wordBefore(before!.start) === 'in' || callee === 'in')) {
        frame.membership = { status: this.membershipOfStatus(callee, before!.start) };
        // `[423, 424].includes(status)`: the codes in the array just closed are read.
        if (this.recentText(3) === ']' && this.lastClosedBracket) this.readBack(this.lastClosedBracket.start);
      }
      this.push(frame);
    } else if (c === 91 /* [ */) {
      const frame = newFrame('[', false, false, end);
      if (this.contexts.propstatArrays) frame.propstat = this.propstatBracket(start);
      if (this.recentText(1) === 'in') frame.membership = { status: this.membershipOfStatus('in', start) };
      this.push(frame);
    } else if (c === 123 /* { */) {
      this.openBrace(start, end);
    } else if (c === 41 || c === 93 || c === 125) {
      if (this.frames.length > 1) this.close(end);
    } else if (c === 58 /* : */ && this.recentText(1) === ')' && this.lastClosedParen) {
      // `handle(req): Promise<Response> {` — a return type before a function body.
      // (a `fn name(Path(id): Path<String>)` pattern parameter must not replace the pending `fn`)
      if (!isControl(this.lastClosedParen) && this.pendingFunction === undefined) this.pendingFunction = this.frames.length;
    } else if (c === 62 /* > */ && top.propstat?.kind === 'literal' && this.recentText(1) === '=' && this.recentToken(1)!.end === start) {
      this.propstatKey(top.propstat, end);
    } else if (
      top.kind === 'switch' &&
      ((c === 58 /* : */ &&
        (top.statementFirst === 'case' || top.statementFirst === 'default') &&
        this.text[start + 1] !== ':' &&
        this.text[start - 1] !== ':') ||
        // Java's `case X ->`
        (c === 62 /* > */ && top.statementFirst === 'case' && this.recentText(1) === '-' && this.recentToken(1)!.end === start))
    ) {
      // The end of a `case x:` label: what follows is the section's first statement (an arm's body: a use).
      ((top.statementFirst = undefined), (top.statementStart = end), (top.strings = []));
    } else if (
      c === 62 /* > */ &&
      top.kind === 'switch' &&
      armFamilies.has(this.family) &&
      top.statementFirst !== 'case' &&
      (this.recentText(1) === '=' || this.recentText(1) === '-') &&
      this.recentToken(1)!.end === start
    ) {
      this.startArm(top, this.recentToken(1)!.start);
    } else if (c === 44 /* , */) {
      if (this.declaring && this.frames.length === this.declaring.depth && !this.declaring.annotation) this.endDeclared();
      top.argument++;
      if (top.triple && top.argument === 1) top.triple.second = end;
      if (top.kind === 'switch' && top.sectionStart !== undefined) this.endArm(top, end);
      // `A("Transaction already processed", HttpStatus.UNAUTHORIZED), B("Call to X failed", 424),`: one constant each.
      else if (top.block && top.enumBody) this.endItem(top);
    } else if (c === 59 /* ; */ && top.block && !(this.family === 'go' && goHeaderKeywords.has(top.statementFirst ?? ''))) {
      // (Go's `if x, err := f(); err != nil {`: the `;` is inside the header, not the end of a statement.)
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
    else if (beforeText === ')') {
      isFunction = this.lastClosedParen !== undefined && !isControl(this.lastClosedParen);
      // `badRequest(body) {`: a method named after a status being defined, not called.
      if (isFunction) this.undoNamedSite(this.lastClosedParen!);
    } else if (beforeText === '>' && this.recentText(2) === '=' && this.recentToken(2)!.end === before.start) isFunction = true;
    // `case X -> {` (Java), `is X -> {` (Kotlin): an arm's block; elsewhere `x -> {` is a Java lambda's body.
    else if (beforeText === '>' && this.recentText(2) === '-' && this.recentToken(2)!.end === before.start) {
      if (this.top().kind === 'switch') block = true;
      else isFunction = true;
    }
    // Rust's postfix `.await` ends an expression: `match client.get(url).send().await {` opens a block.
    else if (before.kind === TokenKind.Identifier)
      block =
        (beforeText === 'await' && this.recentText(2) === '.') ||
        blockExpressions.has(beforeText) ||
        (!expressionKeywords.has(beforeText) && !this.isCompositeLiteral());
    // Inside a composite literal, `{` after `{` or `,` is an element whose type Go elides (`[]T{{...}, {...}}`).
    else if (!this.top().block && this.top().open === '{' && (beforeText === '{' || beforeText === ',')) block = false;
    // A Rust closure's body: `|(s, p)| {`.
    else if (beforeText === '|' && this.family === 'rust') isFunction = true;
    // Go's and Rust's conditions need no parentheses: `if err != nil || resp.StatusCode == 404 {`.
    else if (before.kind === TokenKind.Number || before.kind === TokenKind.String)
      block = controlKeywords.has(this.container().statementFirst ?? '') || this.container().statementFirst === 'else';
    else block = beforeText === ';' || beforeText === '{' || beforeText === '}';
    this.pendingFunction = undefined;
    if (!this.braces) {
      const frame = newFrame('{', false, false, end);
      if (beforeText === 'in') frame.membership = { status: this.membershipOfStatus('in', start) };
      this.push(frame);
      return;
    }
    const container = this.container();
    // From the statement's first token: a comment before it is no part of its header.
    const statementStart = Math.max(container.statementFirstAt ?? container.statementStart, this.lastBlockEnd);
    const headerStart = skipComments(this.text, statementStart, start);
    if (isFunction && !this.handler) {
      this.handler = {
        scope: new TextScope(this.text, headerStart, this.text.length, start),
        depth: this.frames.length,
      };
      if (this.contexts.docResponses)
        this.declareDocResponses(this.docCommentStart(statementStart), headerStart, start, this.handler.scope);
    }
    const frame = newFrame('{', block || isFunction, isFunction, end);
    frame.initializer = initializerProperties(this.contexts, (n) => this.recentText(n));
    // Function signatures and declarations (class, struct, impl) name what they define; control blocks do not.
    const firstWord = /^\s*([A-Za-z_]+)/.exec(this.text.slice(headerStart, Math.min(start, headerStart + 40)))?.[1] ?? '';
    if (frame.block && !controlKeywords.has(firstWord) && !blockKeywords.has(firstWord)) {
      frame.header = { start: headerStart, end: start };
      this.headers.push(frame.header);
      this.annotatedErrorType(headerStart, start);
      if (/\benum\s/.test(this.text.slice(headerStart, Math.min(start, headerStart + 200)))) frame.enumBody = true;
    }
    if (frame.block && this.failurePhrases.matches(knowledge.toWords(this.text.slice(headerStart, start)))) {
      frame.failure = { start: headerStart };
    }
    if (frame.block) this.guardBlock(frame, container, headerStart, start);
    if (isFunction) this.handlesExceptions(headerStart, start, frame);
    this.push(frame);
    if (frame.block) frame.sectionStart = frame.kind === 'switch' ? end : undefined;
  }

  /**
   * The responses a handler's doc comment declares (Swashbuckle's `/// <response code="424">AI provider
   * unavailable</response>`): what each code means in the handler, for its body and for the attributes of its
   * header (`[ProducesResponseType(..., StatusCodes.Status424FailedDependency)]`), which belong to it.
   */
  private declareDocResponses(commentStart: number, headerStart: number, braceStart: number, scope: Scope): void {
    const tag = this.contexts.docResponses!;
    const comment = this.text.slice(commentStart, headerStart);
    for (let at = comment.indexOf(`<${tag}`); at >= 0; at = comment.indexOf(`<${tag}`, at + 1)) {
      const open = comment.indexOf('>', at);
      const close = open < 0 ? -1 : comment.indexOf(`</${tag}>`, open);
      if (close < 0) break;
      const code = /\bcode\s*=\s*"(\d{3})"/.exec(comment.slice(at, open))?.[1];
      // The description's lines, less the `///` each starts with.
      const text = comment
        .slice(open + 1, close)
        .split('\n')
        .map((line) =>
          line
            .trim()
            .replace(/^\/\/\/ ?/, '')
            .trim(),
        )
        .join(' ')
        .trim();
      if (code === undefined || !text) continue;
      const start = commentStart + open + 1;
      (scope.declared ??= new Map()).set(Number(code), { kind: 'handler', text, start, end: commentStart + close });
    }
    if (!scope.declared) return;
    for (const site of this.sitesIn(headerStart, braceStart)) if (site.role !== 'mention') site.scope = scope;
  }

  /**
   * `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY) public class X extends RuntimeException`: a status in the
   * annotations of an error type is what the type stands for. Named after the code (`FailedDependencyException`),
   * the type defines it and its throws are the uses; named for what failed (`UpstreamException`), the type is
   * the site's declaration, as a constructor's `super(status)` has it.
   */
  private annotatedErrorType(headerStart: number, headerEnd: number): void {
    const sites = this.sitesIn(headerStart, headerEnd);
    if (sites.length === 0) return;
    const header = this.text.slice(headerStart, Math.min(headerEnd, headerStart + 500));
    const type = errorTypeOf(withoutAnnotations(header));
    if (!type) return;
    for (const site of sites) {
      if (site.code !== undefined && namesCode(type, site.code)) site.definesCode = true;
      else site.handler ??= header;
    }
  }

  /** The sites found so far in `[from, to)` of a header just read (its annotations, its attributes). */
  private sitesIn(from: number, to: number): StatusSite[] {
    const found: StatusSite[] = [];
    for (let i = this.sites.length - 1; i >= 0 && this.sites[i].start >= from; i--) if (this.sites[i].start < to) found.push(this.sites[i]);
    return found;
  }

  /** Where the doc comment on the lines just above a statement starts (`///` lines), or the statement's own line. */
  private docCommentStart(statementStart: number): number {
    let line = this.text.lastIndexOf('\n', statementStart - 1) + 1;
    while (line > 0) {
      const previous = this.text.lastIndexOf('\n', line - 2) + 1;
      if (!this.text.slice(previous, line).trimStart().startsWith('///')) break;
      line = previous;
    }
    return line;
  }

  /**
   * An exception handler (`@ExceptionHandler(X.class) @ResponseStatus(424) fun handle(...)`): its body and the
   * statuses in its own annotations answer the types it handles, as a `catch` of them would.
   */
  private handlesExceptions(headerStart: number, headerEnd: number, body?: Frame): void {
    const handled = handledTypes(this.text, headerStart, headerEnd, this.handlerAnnotations);
    if (!handled) return;
    const caught: Guard = { failure: true, exception: handled };
    if (body) body.guard ??= caught;
    for (const site of this.sitesIn(headerStart, headerEnd))
      if (!catches(site.guard, handled)) site.guard = site.guard ? link(caught, site.guard) : caught;
  }

  /**
   * What a block's header says of what it holds (blocks.ts): the condition of an `if`, the failure an error
   * handler handles (the call of the `try` body or of the statement before `if err != nil`, the exception
   * caught, the scrutinee of a `match` for an `Err` arm), or that its sections are `case`s.
   */
  private guardBlock(frame: Frame, container: Frame, headerStart: number, braceStart: number): void {
    let { kind, after } = headerKind(this.text, headerStart, braceStart);
    // What the header says (Go's `if mode == "batch" {`) is the block's condition, not its container's statement.
    if (container.said && container.said.length > 0 && container.said[container.said.length - 1].start >= headerStart)
      container.said = container.said.filter((e) => e.start < headerStart);
    // `if (x) {`: the condition read at `)` is the block's own, not its container's.
    if (kind === 'if') container.guard = container.sectionGuard ?? container.baseGuard;
    if (kind === 'other') {
      // `let x = match y {`, `$x = match($s) {`: a match in the middle of a statement.
      const inner = /(?:^|[\s=(])(match|switch|when)\b/.exec(this.text.slice(headerStart, braceStart));
      if (inner) ((kind = 'switch'), (after = headerStart + inner.index + inner[0].length));
    }
    frame.kind = kind;
    frame.headerCalls = container.statementCalls;
    let guard: Guard | undefined;
    if (kind === 'if') {
      const keyword = this.text.slice(headerStart, after).trim().split(/\s+/).pop();
      const condition = conditionOf(this.text, after, braceStart, keyword);
      if (condition) guard = { condition };
      // `if errors.Is(err, ErrX) {`: a branch for one way the call before it failed.
      if (condition && !frame.failure && isErrorTest(condition.text)) frame.failure = { start: headerStart };
    } else if (kind === 'else') guard = { otherwise: true };
    else if (kind === 'switch') {
      frame.statusSubject = statusSubject(this.text.slice(after, braceStart));
      // `switch resp.StatusCode {`: every arm answers a status another service gave; the subject says so.
      if (frame.statusSubject) {
        const subject = conditionOf(this.text, after, braceStart);
        if (subject) guard = { condition: subject };
      }
      // The calls before a `switch { case errors.Is(err, ...): }`, whose error its cases test.
      frame.headerCalls = [...(container.statementCalls ?? []), ...(container.previousCalls ?? [])];
    }
    // `if err == nil {` is the success branch, though its words are those of `if err != nil`.
    if (frame.failure && kind === 'if' && guard?.condition && isSuccessCheck(guard.condition.text)) frame.failure = undefined;
    if (frame.failure) {
      const calls =
        kind === 'catch' ? (container.tryCalls ?? []) : [...(container.statementCalls ?? []), ...(container.previousCalls ?? [])];
      // An `Err(e) =>` arm handles the failure of what its `match` is on.
      const handled = handledCall(this.text, container.kind === 'switch' && kind === 'other' ? (container.headerCalls ?? []) : calls);
      guard = {
        ...guard,
        failure: true,
        errorTest: kind === 'if' && guard?.condition !== undefined && isErrorTest(guard.condition.text),
        ...handled,
        exception: kind === 'catch' ? caughtException(this.text, after, braceStart) : undefined,
      };
    }
    frame.guard = guard;
  }

  /** A call seen at its `(`: kept, from its receiver chain, for the error handler that may handle its failure. */
  private recordCall(calleeStart: number, calleeEnd: number, callee: string): void {
    if (isCallKeyword(callee)) return;
    const start = chainStart(this.text, calleeStart);
    if (isDefinition(this.text, start)) return;
    const call = { start, end: calleeEnd };
    // A handler that writes a 207 Multi-Status (`$this->multiStatus(...)`, `MultiStatus(...)`) marks a chain for all of it.
    if (isMultistatusCall(callee)) this.currentScope().codes.add(207);
    // `new Favorite(dto)` makes an object: no call whose failure another service's could be.
    if (this.wordBefore(start) === 'new') return;
    if (!this.braces) {
      this.calls.push(call);
      return;
    }
    const container = this.container();
    if ((container.statementCalls ??= []).length < MAX_CALLS) container.statementCalls.push(call);
    if ((container.calls ??= []).length < MAX_CALLS) container.calls.push(call);
  }

  /** A string literal: what the statements of its block say, for the sites of that block. */
  private say(container: Frame, start: number, end: number): void {
    const evidence: Evidence = { kind: 'block', text: unquote(this.text.slice(start, end)), start, end };
    if (!this.braces) this.strings.push(evidence);
    // An enum's other constants are entries of a table, not statements beside this one.
    else if (container.enumBody) return;
    // What a condition or a statement under an inline `if` says is that branch's, not the block's.
    else if (this.top().inCondition || container.guard !== (container.sectionGuard ?? container.baseGuard)) return;
    else if ((container.said ??= []).length < MAX_SAID) container.said.push(evidence);
  }

  /** The sites of a block section learn what the section said; a new section starts. */
  private flushSection(frame: Frame): void {
    if (frame.sectionSites && frame.said) for (const site of frame.sectionSites) site.neighbours = frame.said;
    frame.sectionSites = undefined;
    frame.said = undefined;
  }

  /** `case x:` / `default:` (Java's `case x ->`) in a switch: a section whose guard is its label. */
  private startSection(start: number): void {
    const frame = this.top();
    this.flushSection(frame);
    let end = start;
    while (
      end < this.text.length &&
      this.text[end] !== '\n' &&
      !(this.text[end] === ':' && this.text[end + 1] !== ':' && this.text[end - 1] !== ':') &&
      !(this.text[end] === '-' && this.text[end + 1] === '>')
    )
      end++;
    const label = this.text.slice(start, end);
    const condition = label.startsWith('case') ? conditionOf(this.text, start + 4, end) : undefined;
    // `case errors.Is(err, core.ErrVINDecoding):` handles one way the call before the switch failed.
    const failure =
      condition && isErrorTest(condition.text)
        ? { failure: true, errorTest: true, ...handledCall(this.text, frame.headerCalls ?? []) }
        : {};
    frame.sectionGuard = condition ? link({ condition, label: true, ...failure }, frame.baseGuard) : frame.baseGuard;
    frame.guard = frame.sectionGuard;
  }

  /** `pattern =>` in a match (`pattern ->` in a Kotlin when): an arm guarded by its pattern; `Err(..)` handles a failure. */
  private startArm(frame: Frame, arrowStart: number): void {
    this.flushSection(frame);
    const from = frame.sectionStart ?? frame.statementStart;
    const pattern = conditionOf(this.text, from, arrowStart);
    if (!pattern) return;
    let guard: Omit<Guard, 'outer'> = { condition: pattern, label: true };
    if (/^Err\b/.test(pattern.text)) guard = { failure: true, ...handledCall(this.text, frame.headerCalls ?? []) };
    else if (pattern.text === '_' || pattern.text === 'else') return;
    frame.sectionGuard = link(guard, frame.baseGuard);
    frame.guard = frame.sectionGuard;
  }

  /**
   * The end of what a status is said with: a statement, a switch expression's arm, an enum constant. Its sites
   * get its message, its first strings (a statement that never ends, thousands of calls long, must not hand every
   * site all of them to judge); the next item says its own.
   */
  private endItem(frame: Frame): void {
    if (frame.pending.length > 0) {
      const message = frame.strings.slice(0, MAX_MESSAGE_STRINGS).map(unquote).join(' ');
      for (const site of frame.pending) site.message = message;
      frame.pending = [];
    }
    frame.strings = [];
  }

  private endArm(frame: Frame, end: number): void {
    this.endItem(frame);
    this.flushSection(frame);
    frame.sectionGuard = undefined;
    frame.guard = frame.baseGuard;
    frame.sectionStart = end;
  }

  /** Whether the subject of a membership test names a status: `status in (...)`, `[...].includes(res.status)` is decided later. */
  private membershipOfStatus(callee: string, calleeStart: number): boolean {
    if (callee === 'in' || this.wordBefore(calleeStart) === 'in') {
      const lineStart = this.text.lastIndexOf('\n', calleeStart) + 1;
      return /status/i.test(this.text.slice(Math.max(lineStart, calleeStart - 60), calleeStart));
    }
    return /status/i.test(this.text.slice(calleeStart, Math.min(this.text.length, calleeStart + 60)).split(')')[0]);
  }

  /** The sites from `start` on are reads (`[423, 424].includes(...)` seen at `.includes(`). */
  private readBack(start: number): void {
    for (let i = this.sites.length - 1; i >= 0 && this.sites[i].start >= start; i--) {
      const site = this.sites[i];
      if (site.role === 'use') site.role = 'read';
    }
  }

  private close(end: number): void {
    if (this.declaring && this.frames.length === this.declaring.depth) this.endDeclared();
    const frame = this.frames.pop()!;
    if (frame.header) this.headers.pop();
    if (frame.triple && frame.argument === 2 && isRackHeaders(this.text, frame.triple.second)) {
      this.addSite(frame.triple.code, frame.triple.start, frame.triple.end, NUMBER_SPELLING);
    }
    if (frame.propstat) this.closePropstat(frame.propstat, frame.statementStart, end);
    if (frame.open === '[') this.lastClosedBracket = { start: frame.statementStart, end };
    if (frame.block) {
      this.lastBlockEnd = end;
      this.endStatement(frame, end);
      this.flushSection(frame);
      const outer = this.container();
      if (frame.kind === 'try') outer.tryCalls = frame.calls;
      if (frame.calls) for (const call of frame.calls) if ((outer.calls ??= []).length < MAX_CALLS) outer.calls.push(call);
      if (outer.kind === 'switch' && outer.sectionStart !== undefined) this.endArm(outer, end);
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
      // `if (isLocked(id)) res.sendStatus(424);`: the condition guards the rest of the statement.
      if (this.braces && (frame.callee === 'if' || frame.callee === 'elseif' || frame.callee === 'while')) {
        const container = this.container();
        const condition = conditionOf(this.text, frame.statementStart, end - 1);
        if (condition) container.guard = link({ condition }, container.sectionGuard ?? container.baseGuard);
      }
    }
  }

  /** `$result[` is a subscript (right after a name or a bracket); `[` elsewhere starts an array literal. */
  private propstatBracket(start: number): PropstatFrame {
    const before = this.recentToken(1);
    const beforeText = this.recentText(1);
    if (before && before.end === start && (before.kind === TokenKind.Identifier || beforeText === ']' || beforeText === ')'))
      return { kind: 'subscript', variable: before.kind === TokenKind.Identifier ? beforeText : undefined };
    return this.propstatLiteral(1);
  }

  /** An array literal; `equalsAt` is how far back the `=` of `$result = array(` / `$result = [` stands. */
  private propstatLiteral(equalsAt: number): PropstatFrame {
    const name = this.recentToken(equalsAt + 1);
    const assigned = this.recentText(equalsAt) === '=' && name?.kind === TokenKind.Identifier;
    return { kind: 'literal', variable: assigned ? this.text.slice(name.start, name.end) : undefined, keys: [], other: false };
  }

  /** At the `>` of `=>` in an array literal: a status key with an array value, or something else. */
  private propstatKey(literal: Extract<PropstatFrame, { kind: 'literal' }>, end: number): void {
    const key = this.recentToken(2);
    const opener = this.recentText(3);
    if (
      key?.kind === TokenKind.Number &&
      isStatusKey(this.text, key.start, key.end) &&
      (opener === '(' || opener === '[' || opener === ',') &&
      valueIsArray(this.text, end)
    )
      literal.keys.push({ code: Number(this.text.slice(key.start, key.end)), start: key.start, end: key.end });
    else literal.other = true;
  }

  private closePropstat(propstat: PropstatFrame, innerStart: number, end: number): void {
    if (propstat.kind === 'subscript') {
      const index = statusSubscript(this.text, innerStart, end);
      if (!index) return;
      this.addSite(index.code, index.start, index.end, { kind: 'number' }).inMultistatus = true;
      if (propstat.variable) this.propstatLiterals.indexedByStatus(propstat.variable);
    } else if (!propstat.other && propstat.keys.length > 0 && propstat.variable) {
      this.propstatLiterals.wait(
        propstat.variable,
        propstat.keys.map((key) => {
          const site = this.newSite(key.code, key.start, key.end, { kind: 'number' });
          site.inMultistatus = true;
          return site;
        }),
      );
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
      before === '(' ||
      before === ',' ||
      before === '[' ||
      before === '&' ||
      before === 'return' ||
      // `key: Foo{...}` in Go and Rust; not Kotlin's or C#'s `class X : Base {`.
      (before === ':' && beforeThat !== ')' && beforeThat !== ':' && (this.family === 'go' || this.family === 'rust')) ||
      // Go's slice and map literals: `[]Propstat{`, `map[string]int{`.
      (before === ']' && this.family === 'go')
    );
  }

  private endStatement(frame: Frame, end: number): void {
    this.endItem(frame);
    // Kotlin's `@ExceptionHandler(X::class) @ResponseStatus(...) fun f(e: X) = ...`: a handler without a body block.
    // (A statement that holds a block, as an annotated class does, holds other handlers: each has its own header.)
    if (
      this.decorator &&
      frame.statementFirst === this.decorator &&
      frame.statementFirstAt !== undefined &&
      this.lastBlockEnd <= frame.statementFirstAt
    )
      this.handlesExceptions(frame.statementFirstAt, end);
    // Kotlin's `class X(m: String) : ResponseStatusException(HttpStatus.FAILED_DEPENDENCY, m)`: a declaration without a body.
    if (frame.statementFirstAt !== undefined && this.lastBlockEnd <= frame.statementFirstAt)
      this.annotatedErrorType(frame.statementFirstAt, end);
    frame.statusValue = undefined;
    frame.statementStart = end;
    frame.statementFirst = undefined;
    frame.statementFirstAt = undefined;
    if (frame.block) {
      // Kotlin's `when` arms end with their line: the next arm's pattern starts after it.
      if (frame.kind === 'switch') frame.sectionStart = end;
      frame.previousCalls = frame.statementCalls;
      frame.statementCalls = undefined;
      // An inline `if (x) stmt;` guarded this statement only.
      frame.guard = frame.sectionGuard ?? frame.baseGuard;
    }
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
    const top = this.top();
    frame.inCondition = !frame.block && (top.inCondition || (frame.callee !== undefined && conditionCallees.has(frame.callee)));
    // `in_array($s, [423, 424])`: the list inside a membership test is part of it.
    if (!frame.block && frame.membership === undefined && top.membership !== undefined) frame.membership = top.membership;
    frame.container = frame.block ? frame : this.container();
    const outer = this.top().guard;
    frame.guard = frame.guard ? link(frame.guard, outer) : outer;
    if (frame.block) frame.baseGuard = frame.guard;
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

/** The dotted path a local name stands for: `exceptions` of `from rest_framework import exceptions` is `rest_framework.exceptions`. */
function pathOf(binding: { module: string; name?: string } | undefined): string | undefined {
  return binding && (binding.name === undefined ? binding.module : `${binding.module}.${binding.name}`);
}

/** The second element of a Rack triple is its headers: a hash literal or a name that says so. */
function isRackHeaders(text: string, at: number | undefined): boolean {
  if (at === undefined) return false;
  const rest = text.slice(at, at + 40).trimStart();
  return rest.startsWith('{') || /^[A-Za-z_]*headers?\b/i.test(rest);
}

/** The `=` at `at` assigns: it is not part of `==`, `!=`, `<=`, `>=`, `=>`, `+=`... */
function isAssignment(text: string, at: number): boolean {
  return !'=!<>:+-*/%&|^.?'.includes(text[at - 1]) && text[at + 1] !== '=' && text[at + 1] !== '>';
}

/** PHP variables carry a `$`: `$status = 424` sets `status`. */
function propertyName(identifier: string): string {
  return identifier.charCodeAt(0) === 36 ? identifier.slice(1) : identifier;
}

/**
 * The `{` about to open is the object initializer of `new T {`, `new T() {`, `new Ns.T {` or a target-typed
 * `T name = new() {` (C#): the properties that hold a status there, when T is one of the family's initializer
 * types. `recentText(1)` is the token before.
 */
export function initializerProperties(contexts: CompiledContexts, recentText: (n: number) => string): ReadonlySet<string> | undefined {
  if (contexts.initializers.size === 0) return undefined;
  const n = recentText(1) === ')' && recentText(2) === '(' ? 3 : 1;
  // C# target-typed `ProblemDetails details = new() {`: the declared type's (`ProblemDetails? details` where 7 tokens are kept).
  if (n === 3 && recentText(3) === 'new' && recentText(4) === '=')
    return contexts.initializers.get(recentText(6) === '?' ? recentText(7) : recentText(6));
  const properties = contexts.initializers.get(recentText(n));
  if (!properties) return undefined;
  let back = n + 1;
  while (recentText(back) === '.') back += 2;
  return recentText(back) === 'new' ? properties : undefined;
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

/**
 * What headers name: less their annotations (`@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)`, `@ApiResponse(...)`,
 * Kotlin's `@Throws(A::class)`: what the body answers, declares or throws, not what the function is named after)
 * and what they say a body may throw (Java `throws A, B`): a method that throws `FailedDependencyException`, or
 * answers with 424 by its annotation, uses the code; it is not named after it.
 */
function headerNames(headers: string): string {
  return withoutThrowsClauses(headers.includes('@') ? withoutAnnotations(headers) : headers);
}

function withoutThrowsClauses(headers: string): string {
  if (!headers.includes('throws')) return headers;
  return headers.replace(/\bthrows\s+[\w.$]+(?:\s*,\s*[\w.$]+)*/g, ' ');
}

/** Every field present from the start: frames of one shape keep the scanner's property reads fast. */
function newFrame(open: string, block: boolean, isFunction: boolean, statementStart: number, callee?: string, calleeStart?: number): Frame {
  return {
    open,
    triple: undefined,
    statusValue: undefined,
    propstat: undefined,
    block,
    callee,
    calleeStart,
    argument: 0,
    isFunction,
    statementStart,
    statementFirst: undefined,
    statementFirstAt: undefined,
    strings: [],
    pending: [],
    header: undefined,
    failure: undefined,
    container: undefined,
    guard: undefined,
    baseGuard: undefined,
    enumBody: undefined,
    sectionGuard: undefined,
    kind: undefined,
    statusSubject: undefined,
    inCondition: undefined,
    membership: undefined,
    said: undefined,
    sectionSites: undefined,
    sectionStart: undefined,
    calls: undefined,
    statementCalls: undefined,
    previousCalls: undefined,
    headerCalls: undefined,
    tryCalls: undefined,
  };
}

/** Past blanks and `//`, `#` and block comments: a comment before a block's header is no part of it. */
function skipComments(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if ((c === '/' && text[i + 1] === '/') || (c === '#' && text[i + 1] !== '[')) {
      const end = text.indexOf('\n', i);
      i = end < 0 || end > to ? to : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 || end > to ? to : end + 2;
    } else break;
  }
  return i;
}

/** Go's `if`, `switch` and `for` may start with a statement before a `;`. */
const goHeaderKeywords = new Set(['if', 'switch', 'for']);
/** Words after which a name is called or constructed rather than declared (`return FailedDependency(...)`). */
const callKeywordsBefore = new Set([
  'return',
  'throw',
  'raise',
  'new',
  'await',
  'yield',
  'else',
  'in',
  'of',
  'case',
  'and',
  'or',
  'not',
  'then',
  'do',
  'is',
  'as',
  'when',
  'go',
  'defer',
  'echo',
  'print',
]);
/** Calls that construct their receiver's type: its name says what they carry. */
const constructorNames = new Set(['new', 'of', 'from', 'create', 'with', 'build']);
/** `val s = when {`, `x switch {`, Kotlin's `val x = try {`: a block in an expression, not a composite literal. */
const blockExpressions = new Set(['when', 'switch', 'match', 'try']);

/** Whether a guard chain already handles the exception named at `handled` (a handler's header is read twice in Kotlin). */
function catches(guard: Guard | undefined, handled: Evidence): boolean {
  for (let g = guard; g; g = g.outer) if (g.exception?.start === handled.start) return true;
  return false;
}

/** A condition that tests which error a call returned (`errors.Is(err, ErrX)`, `err == ErrNotFound`). */
function isErrorTest(condition: string): boolean {
  return (
    (/\berrors\.(Is|As)\s*\(|\berr\w*\s*[!=]==?\s*[A-Za-z_][\w.]*/.test(condition) &&
      !/\berr\w*\s*[!=]==?\s*(nil|null|None|undefined)\b/.test(condition)) ||
    isErrorTypeTest(condition)
  );
}

/**
 * A test of an error's type, as good as catching it: `ex instanceof FeignException`, `isinstance(e, requests.Timeout)`,
 * Kotlin's and C#'s `e is IOException`.
 */
function isErrorTypeTest(condition: string): boolean {
  return /\binstanceof\s+[\w.\\]*(Exception|Error)\b|\bisinstance\s*\(\s*(e|ex|exc|err|error|exception)\s*,|\b(e|ex|exc|err|error|exception)\s+is\s+[A-Z]/.test(
    condition,
  );
}

/** A condition that checks for no error (`err == nil`, `error === null`): the success branch. */
function isSuccessCheck(condition: string): boolean {
  return /\berr\w*\s*===?\s*(nil|null|None)\b/.test(condition) && !/!=/.test(condition);
}

/** A switch or case subject that names a status (`res.status`, `resp.StatusCode`, `response.code`). */
export function statusSubject(subject: string): boolean {
  return /status|code/i.test(subject.slice(0, 200));
}

/** SCREAMING_SNAKE_CASE of two words or more: a message or error key (`LLM_PROVIDER_ERROR`). */
function isMessageKey(word: string): boolean {
  return word.length > 4 && word.includes('_') && word === word.toUpperCase() && /[A-Z]/.test(word) && !/^HTTP_/.test(word);
}

/** A type or constructor that holds one item's status of a 207 or a batch (`Propstat`, `TransactionalBatchOperationResult`). */
function multistatusName(name: string): boolean {
  return /propstat|multi_?status/i.test(name) || knowledge.phrases.dependencyContext.matches(knowledge.toWords(name));
}

export function isMultistatusCall(callee: string): boolean {
  return /multi_?status/i.test(callee);
}

/** A call whose name says it carries a status or an error (`new AppError(`, `errorResponse(`, `fail(`), not a test or a size. */
function carrierCall(callee: string): boolean {
  const words = knowledge.toWords(callee);
  if (words.length === 0 || knowledge.carriers.notCallWords.has(words[0])) return false;
  return words.some((word) => knowledge.carriers.callWords.has(word));
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

/** How long a run of annotation lines is read as one (each line re-reads the run: hostile text must not make that slow). */
const MAX_ANNOTATIONS_LENGTH = 2000;

/** Whether `text[from, to)` is annotations only (`@Transactional`, `@PostMapping("/x") @ResponseBody`). */
function onlyAnnotations(text: string, from: number, to: number, mark: string): boolean {
  let i = from;
  let seen = false;
  for (;;) {
    while (i < to && /\s/.test(text[i])) i++;
    if (i >= to) return seen;
    if (text[i] !== mark) return false;
    const annotation = decoratorAt(text, i, to);
    if (!annotation) return false;
    i = annotation.end;
    seen = true;
  }
}

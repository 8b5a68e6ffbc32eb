/**
 * Scopes and evidence for languages whose blocks are indented (Python, Ruby): a site's handler is the outermost
 * function header above it (`def`, `async def`, Sinatra's `post '/x' do`) with the decorators over it, down to the
 * first line indented no deeper than that header. On the way up, the headers it stands under are its guards
 * (blocks.ts): an `if`/`elif`/`when` condition, an `except`/`rescue` with the calls of the `try`/`begin` body it
 * handles; a branch's siblings (the `if` of an `else`, the other `when`s) are passed over, never read as its own.
 */
import type { ScopeSyntax } from '../../../knowledge';
import type { Evidence, Guard, Scope, StatusSite } from '../../model';
import { type CallSpan, caughtException, conditionOf, handledCall, handledTypes, link } from './blocks';
import { type LineStart, isMultistatusCall, namesCode, statusSubject } from './scanner';
import { TextScope } from './scope';
import { firstAtOrAfter } from '../../sorted';

/** What gets a scope here: status sites and completion slots. */
interface Placed {
  start: number;
  end?: number;
  scope: Scope;
  guard?: Guard;
  neighbours?: readonly Evidence[];
  handler?: string;
  role?: StatusSite['role'];
  code?: number;
  declares?: boolean;
  message?: string;
  definesCode?: boolean;
}

/** Headers that continue the block above them at the same indentation. */
const continuations = new Set(['except', 'rescue', 'else', 'elif', 'elsif', 'ensure', 'finally', 'when', 'in']);
/** The header a chain of continuations starts with. */
const chainHeads = new Set(['if', 'unless', 'try', 'begin', 'case', 'for', 'while', 'with', 'match']);
const conditions = new Set(['if', 'elif', 'elsif', 'unless', 'while', 'when', 'case']);
const containers = new Set(['class', 'module']);
const MAX_NEIGHBOURS = 12;

export interface IndentedEvidence {
  calls: readonly CallSpan[];
  strings: readonly Evidence[];
}

export function assignIndentedScopes(
  text: string,
  sites: Placed[],
  lines: readonly LineStart[],
  syntax: ScopeSyntax,
  evidence: IndentedEvidence = { calls: [], strings: [] },
  /** Decorators that make a function an exception handler (`@app.exception_handler(X)`): X is caught there. */
  handlerDecorators: ReadonlySet<string> = new Set(),
): void {
  const functions = new Set(syntax.functionKeywords);
  const failures = new Set(syntax.failureBlocks);
  const scopes = new Map<number, TextScope>();
  for (const site of sites) {
    if (site.role === 'mention') continue;
    const siteLine = firstAtOrAfter(lines, site.start + 1) - 1;
    if (siteLine < 0) continue;
    let index = siteLine;
    let minIndent = lines[index].indent;
    let header: number | undefined;
    /** The definitions around the site (def and class lines), to tell a code defined from a code used. */
    let definitions = '';
    /** Guards found on the way up, innermost first; an except/rescue waits for its try to know its calls. */
    const guards: Omit<Guard, 'outer'>[] = [];
    let pendingFailure: { guard: Omit<Guard, 'outer'>; line: number } | undefined;
    /** After a continuation (else, except, when): its siblings at this indent are passed over. */
    let siblingIndent = -1;
    const own = ownLineGuard(text, lines, siteLine, site.start, site.end ?? site.start);
    if (own) guards.push(own);
    for (index--; index >= 0 && minIndent > 0; index--) {
      const line = lines[index];
      if (line.indent === siblingIndent && !functions.has(line.word)) {
        if (continuations.has(line.word)) continue;
        if (line.word === 'try' || line.word === 'begin')
          pendingFailure = resolveFailure(text, evidence.calls, pendingFailure, lines, index);
        if (chainHeads.has(line.word)) ((siblingIndent = -1), (minIndent = line.indent));
        continue;
      }
      if (line.indent >= minIndent) continue;
      if (containers.has(line.word) || functions.has(line.word)) definitions += lineText(text, line.start) + ' ';
      if (containers.has(line.word)) break;
      if (functions.has(line.word)) {
        header = index;
        pendingFailure = resolveFailure(text, evidence.calls, pendingFailure, lines, index);
        const handled = handledTypes(text, lines[decoratedFrom(lines, index, syntax)].start, line.start, handlerDecorators);
        if (handled) guards.push({ failure: true, exception: handled });
      } else if (failures.has(line.word)) {
        const exception = caughtException(text, line.start + line.word.length, logicalEnd(text, lines, index));
        const guard: Omit<Guard, 'outer'> = { failure: true, exception };
        guards.push(guard);
        pendingFailure = { guard, line: index };
      } else if (line.word === 'else') {
        guards.push({ otherwise: true });
      } else if (conditions.has(line.word) && line.word !== 'case') {
        const condition = conditionOf(text, line.start + line.word.length, headerEnd(text, lines, index), line.word);
        if (condition) guards.push({ condition });
      } else if (line.word === 'match') {
        // `match resp.status_code:`: every case answers a status another service gave; the subject says so.
        const subject = conditionOf(text, line.start + line.word.length, headerEnd(text, lines, index));
        if (subject && statusSubject(subject.text)) guards.push({ condition: subject });
      }
      if (continuations.has(line.word)) ((siblingIndent = line.indent), (minIndent = line.indent + 1));
      else minIndent = line.indent;
    }
    // A site in a decorator (`@router.post(..., responses={424: {...}})`) belongs to the function it decorates.
    if (lines[siteLine].word === syntax.decorator) {
      let next = siteLine + 1;
      while (next < lines.length && lines[next].word === syntax.decorator) next++;
      if (next < lines.length && functions.has(lines[next].word) && lines[next].indent === lines[siteLine].indent) header ??= next;
    }
    if (site.code !== undefined && namesCode(definitions, site.code)) site.definesCode = true;
    let chain: Guard | undefined;
    for (let i = guards.length - 1; i >= 0; i--) chain = link(guards[i], chain);
    if (chain) site.guard = chain;
    const neighbours = neighboursOf(lines, siteLine, evidence.strings, text.length);
    if (neighbours.length > 0) site.neighbours = neighbours;
    if (header === undefined) {
      if (definitions) site.handler = definitions;
      continue;
    }
    const first = decoratedFrom(lines, header, syntax);
    site.handler = text.slice(lines[first].start, logicalEnd(text, lines, header)) + ' ' + definitions;
    let scope = scopes.get(header);
    if (!scope) {
      scope = new TextScope(text, lines[first].start, blockEnd(text, lines, header), logicalEnd(text, lines, header));
      scopes.set(header, scope);
      for (let c = firstAtOrAfter(evidence.calls, scope.start); c < evidence.calls.length && evidence.calls[c].start < scope.end; c++)
        if (isMultistatusCall(text.slice(evidence.calls[c].start, evidence.calls[c].end))) scope.codes.add(207);
    }
    site.scope = scope;
  }
  for (const site of sites) if (site.role === 'use' && site.code !== undefined) site.scope.codes.add(site.code);
  declareResponses(sites);
}

/** The first line of a function's decorators (the header's own line without any). */
function decoratedFrom(lines: readonly LineStart[], header: number, syntax: ScopeSyntax): number {
  let first = header;
  while (first > 0 && lines[first - 1].word === syntax.decorator && lines[first - 1].indent === lines[header].indent) first--;
  return first;
}

/** What each handler declares its codes to mean (its responses map), for all its sites of those codes. */
export function declareResponses(sites: readonly Placed[]): void {
  for (const site of sites) {
    if (!site.declares || site.code === undefined || !site.message) continue;
    (site.scope.declared ??= new Map()).set(site.code, {
      kind: 'handler',
      text: site.message,
      start: site.start,
      end: site.end ?? site.start,
    });
  }
}

/** The calls of a try/begin body (or of a def before its rescue) are what the except/rescue below it handles. */
function resolveFailure(
  text: string,
  calls: readonly CallSpan[],
  pending: { guard: Omit<Guard, 'outer'>; line: number } | undefined,
  lines: readonly LineStart[],
  head: number,
): undefined {
  if (!pending) return undefined;
  const from = logicalEnd(text, lines, head);
  const to = lines[pending.line].start;
  const inBody = calls.filter((call) => call.start >= from && call.start < to);
  Object.assign(pending.guard, handledCall(text, inBody));
  return undefined;
}

/**
 * A guard on the site's own line: Python's one-line `if locked: return 424`, Ruby's modifiers
 * `head 424 if locked?` and `halt 424 unless ready?`.
 */
/** How far after a site a trailing `if`/`unless` modifier, and its condition, are read (characters). */
const MODIFIER_REACH = 240;

function ownLineGuard(
  text: string,
  lines: readonly LineStart[],
  index: number,
  siteStart: number,
  siteEnd: number,
): Omit<Guard, 'outer'> | undefined {
  const line = lines[index];
  const end = logicalEnd(text, lines, index);
  if (conditions.has(line.word) && line.word !== 'case' && line.word !== 'when') {
    const colon = headerEnd(text, lines, index);
    if (colon < siteStart) return withCondition(conditionOf(text, line.start + line.word.length, colon, line.word));
  }
  // A trailing modifier (`head 424 if lease.holder != user`) stands just after the site: looking only that far
  // keeps a site in a statement thousands of branches long from reading, and quoting, all of it.
  const near = Math.min(end, siteEnd + MODIFIER_REACH);
  const rest = text.slice(siteEnd, near);
  const modifier = /\s(if|unless)\s/.exec(rest);
  if (modifier && !/["'#]/.test(rest.slice(0, modifier.index))) {
    const from = siteEnd + modifier.index + modifier[0].length;
    return withCondition(conditionOf(text, from, Math.min(end, from + MODIFIER_REACH), modifier[1]));
  }
  return undefined;
}

function withCondition(condition: Evidence | undefined): Omit<Guard, 'outer'> | undefined {
  return condition && { condition };
}

/** The string literals of the lines at the site's indentation in its block: what its neighbours say. */
function neighboursOf(lines: readonly LineStart[], siteLine: number, strings: readonly Evidence[], textEnd: number): Evidence[] {
  const indent = lines[siteLine].indent;
  let first = siteLine;
  while (first > 0 && lines[first - 1].indent >= indent) first--;
  const found: Evidence[] = [];
  for (let i = first; i < lines.length && found.length < MAX_NEIGHBOURS; i++) {
    if (lines[i].indent < indent) break;
    if (lines[i].indent !== indent) continue;
    const from = lines[i].start;
    const to = i + 1 < lines.length ? lines[i + 1].start : textEnd;
    for (let s = firstAtOrAfter(strings, from); s < strings.length && strings[s].start < to && found.length < MAX_NEIGHBOURS; s++)
      found.push(strings[s]);
  }
  return found;
}

function lineText(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Where a logical line ends: the next logical line's start, or the text's end, less the line break. */
function logicalEnd(text: string, lines: readonly LineStart[], index: number): number {
  const next = index + 1 < lines.length ? lines[index + 1].start : text.length;
  const lineBreak = text.lastIndexOf('\n', next - 1);
  return lineBreak > lines[index].start ? lineBreak : next;
}

/** A header's end: its `:` outside brackets and strings (Python), else ` then` or the line's end (Ruby). */
function headerEnd(text: string, lines: readonly LineStart[], index: number): number {
  const end = logicalEnd(text, lines, index);
  let depth = 0;
  let quote = '';
  for (let i = lines[index].start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '#' && depth === 0) return i;
    // (Ruby's symbols `:locked` and `Faraday::Error` are no header end.)
    else if (c === ':' && depth === 0 && text[i + 1] !== ':' && text[i - 1] !== ':' && !/[A-Za-z_]/.test(text[i + 1] ?? '')) return i;
  }
  const then = text.lastIndexOf(' then', end);
  return then > lines[index].start ? then : end;
}

/** Where the block under a header ends: the next line indented no deeper that does not continue it. */
function blockEnd(text: string, lines: readonly LineStart[], header: number): number {
  const indent = lines[header].indent;
  for (let i = header + 1; i < lines.length; i++) {
    if (lines[i].indent <= indent && !continuations.has(lines[i].word)) return lines[i].start;
  }
  return text.length;
}

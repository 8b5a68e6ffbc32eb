/**
 * Block structure around a site, for the evidence its verdict rests on (DESIGN.md "Evidence"): which branch
 * or error handler it stands in, the condition of that branch, the call whose failure the handler handles,
 * the exception type caught. The scanner feeds brace blocks as it meets them (scanner.ts); Python and Ruby
 * blocks come from indentation (indentation.ts). What is read here is a short header or statement, never a
 * whole function: each helper is linear in the text it is given.
 */
import * as knowledge from '../../../knowledge';
import type { Evidence, Guard } from '../../model';

/** A call as written: from the start of its receiver chain (`s.billing.invoiceFor`) to the end of the callee. */
export interface CallSpan {
  start: number;
  end: number;
}

/** The keyword a block header starts with, as far as evidence goes. */
export type HeaderKind = 'if' | 'else' | 'switch' | 'case' | 'try' | 'catch' | 'other';

const conditionKeywords = new Set(['if', 'elif', 'elseif', 'elsif', 'unless', 'while', 'when']);
const switchKeywords = new Set(['switch', 'match', 'when', 'select', 'case']);
/** Callees that are no call to anything: keywords a `(` follows, and definitions. */
const notCalls = new Set([
  'if',
  'elif',
  'elseif',
  'while',
  'for',
  'foreach',
  'switch',
  'catch',
  'return',
  'function',
  'func',
  'fn',
  'def',
  'fun',
  'match',
  'when',
  'using',
  'lock',
  'sizeof',
  'typeof',
  'await',
  'yield',
  'throw',
  'raise',
  'new',
  'in',
  'not',
  'and',
  'or',
  'print',
  'super',
  'this',
  'self',
  'assert',
  'rescue',
  'except',
  'with',
  'synchronized',
]);
const definitionWords = new Set([
  'function',
  'func',
  'fn',
  'def',
  'fun',
  'class',
  'interface',
  'struct',
  'void',
  'public',
  'private',
  'protected',
  'static',
  'async',
]);

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;

/** The first word of a header and where it ends, past any closing braces (`} else if`). */
function firstWord(text: string, from: number, to: number): { word: string; end: number } {
  let i = from;
  while (i < to && !isWord(text.charCodeAt(i))) i++;
  let end = i;
  while (end < to && isWord(text.charCodeAt(end))) end++;
  return { word: text.slice(i, end), end };
}

/** What kind of block a header opens: `if (x)`, `} else if x`, `else`, `switch`, `try`, `catch (E e)`. */
export function headerKind(text: string, start: number, end: number): { kind: HeaderKind; after: number } {
  let { word, end: after } = firstWord(text, start, end);
  if (word === 'else') {
    const next = firstWord(text, after, end);
    if (next.word !== 'if') return { kind: 'else', after };
    ((word = 'if'), (after = next.end));
  }
  if (word === 'elif' || word === 'elseif' || word === 'elsif' || word === 'if' || word === 'unless' || word === 'while')
    return { kind: 'if', after };
  if (switchKeywords.has(word)) return { kind: word === 'case' ? 'case' : 'switch', after };
  if (word === 'try' || word === 'begin') return { kind: 'try', after };
  if (word === 'catch' || word === 'except' || word === 'rescue') return { kind: 'catch', after };
  return { kind: 'other', after };
}

/** The condition of an `if`/`while` header, as written, without the keyword and outer parentheses. */
export function conditionOf(text: string, from: number, to: number, keyword = ''): Evidence | undefined {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s:{]/.test(text[end - 1])) end--;
  if (text[start] === '(' && text[end - 1] === ')' && balanced(text, start + 1, end - 1)) (start++, end--);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return undefined;
  const written = text.slice(start, Math.min(end, start + 200));
  return { kind: 'condition', text: keyword === 'unless' ? `unless ${written}` : written, start, end };
}

function balanced(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether a condition is negated as a whole (`!repo.exists()`, `not found`, `unless x`). */
export function isNegated(condition: string): boolean {
  return condition.startsWith('!') || condition.startsWith('not ') || condition.startsWith('unless ');
}

/**
 * Where the receiver chain of a callee starts: `billing.invoiceFor` of `await billing.invoiceFor(`,
 * `$this->client->get`, `Net::HTTP.get`, `self.session.get`. Walks back over words and member separators.
 */
export function chainStart(text: string, calleeStart: number): number {
  let i = calleeStart;
  for (;;) {
    const c = text.charCodeAt(i - 1);
    if (c === 46 /* . */ && isWord(text.charCodeAt(i - 2))) i--;
    else if (c === 46 && text.charCodeAt(i - 2) === 63 /* ?. */) i -= 2;
    else if (c === 58 && text.charCodeAt(i - 2) === 58 /* :: */) i -= 2;
    else if (c === 62 && text.charCodeAt(i - 2) === 45 /* -> */) i -= 2;
    else if (c === 41 /* ) */ && i - calleeStart < 120) {
      // `client.newCall(req).execute`: a call in the chain, read back over its arguments.
      const open = matchingOpen(text, i - 1);
      if (open < 0) return i;
      i = open;
      continue;
    } else return i;
    while (i > 0 && isWord(text.charCodeAt(i - 1))) i--;
  }
}

function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i < 200; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return isWord(text.charCodeAt(i - 1)) ? i : -1;
  }
  return -1;
}

/** Whether the word before a callee makes it a definition (`function handle(`, `def get(`), not a call. */
export function isDefinition(text: string, chainStartAt: number): boolean {
  let end = chainStartAt;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && isWord(text.charCodeAt(start - 1))) start--;
  return definitionWords.has(text.slice(start, end));
}

export function isCallKeyword(callee: string): boolean {
  return notCalls.has(callee);
}

/** A call as quoted in a message: `billing.invoiceFor(...)`, arguments elided. */
export function quoteCall(text: string, call: CallSpan): string {
  const written = text.slice(call.start, call.end).replace(/\([^()]*\)/g, '(...)');
  return `${written.length > 80 ? `${written.slice(0, 77)}...` : written}(...)`;
}

const callWords = new WeakMap<CallSpan, string[]>();
function wordsOfCall(text: string, call: CallSpan): string[] {
  let words = callWords.get(call);
  if (!words) callWords.set(call, (words = knowledge.toWords(text.slice(call.start, call.end))));
  return words;
}

/**
 * The call whose failure a handler handles, among the calls of what it guards (a try body, the statement
 * before `if err != nil`): the first that names a client of another service (data/outbound.json); else, by
 * its role, the first that is not local work (logging, formatting, parsing, writing the response). A call on
 * the application's own layer (`productService.addProduct(...)`) is neither; when every call is, the guard says
 * so (`ownWork`).
 */
export function handledCall(text: string, calls: readonly CallSpan[]): Pick<Guard, 'call' | 'ownWork' | 'ownStore'> {
  let byRole: CallSpan | undefined;
  let store = false;
  for (const call of calls) {
    const own = ownPart(text, call);
    if (own) {
      store ||= own === 'store';
      continue;
    }
    const words = wordsOfCall(text, call);
    if (namesClient(words)) return { call: evidenceOf(text, call) };
    if (byRole === undefined && (!isLocal(text, call) || readsResponseBody(text, call))) byRole = call;
  }
  if (byRole) return { call: evidenceOf(text, byRole) };
  // Calls in sight, each the application's own work: the failure is its own, whatever error it is tested for.
  if (calls.length === 0) return {};
  return store ? { ownWork: true, ownStore: true } : { ownWork: true };
}

/** The words of a call name a client of another service (data/outbound.json `clients`). */
export function namesClient(words: readonly string[]): boolean {
  const { clients, clientNames } = knowledge.outboundVocabulary;
  return clients.matches(words) || clientNames.has(words.join(' '));
}

/**
 * Local work on another service's answer: reading or decoding the body of a response the handler received
 * (Go's `io.ReadAll(resp.Body)`, `json.NewDecoder(resp.Body).Decode(&v)`), or decoding what was read from it a few
 * lines before (`body, _ := io.ReadAll(resp.Body)` ... `json.Unmarshal(body, &v)`; `dec := json.NewDecoder(resp.Body)`
 * ... `dec.Decode(&v)`). Its failure is that answer's.
 */
function readsResponseBody(text: string, call: CallSpan): boolean {
  if (text[call.end] !== '(') return false;
  const close = text.indexOf(')', call.end);
  const args = text.slice(call.end + 1, close < 0 || close - call.end > 120 ? call.end + 120 : close);
  if (RESPONSE_BODY.test(args)) return true;
  const before = text.slice(Math.max(0, call.start - HELD_BODY_REACH), call.start);
  // Most code reads no response body at all: nothing there to look for (asked of every local call of a guard).
  if (!before.includes('.Body')) return false;
  const argument = /^\s*([A-Za-z_]\w*)\s*[,)]?/.exec(args)?.[1];
  const receiver = /^([A-Za-z_]\w*)\./.exec(text.slice(call.start, call.end))?.[1];
  return [argument, receiver].some((name) => name !== undefined && heldBody(before, name));
}

const RESPONSE_BODY = /\b(?:resp|res|response|httpResp|httpResponse)\d*\.Body\b/;
/** How far back a variable's assignment from a response's body is looked for: a handler's few lines. */
const HELD_BODY_REACH = 1500;

/** Whether `name` was last assigned (`:=`, `=`) from an expression that reads a response's body. */
function heldBody(before: string, name: string): boolean {
  for (let at = before.lastIndexOf(name); at >= 0; at = at > 0 ? before.lastIndexOf(name, at - 1) : -1) {
    if (at > 0 && isWord(before.charCodeAt(at - 1))) continue;
    const lineEnd = before.indexOf('\n', at);
    const assigned = ASSIGNED.exec(before.slice(at + name.length, lineEnd < 0 ? before.length : lineEnd));
    // The last assignment decides.
    if (assigned) return RESPONSE_BODY.test(assigned[1]);
  }
  return false;
}

/** After a name: the other names of its assignment, then `=` or `:=` and the expression (`, _ := io.ReadAll(resp.Body)`). */
const ASSIGNED = /^\s*(?:,\s*\w+\s*)*:?=(?!=)(.*)$/;

/**
 * Local work: the receiver (`log.`, `json.`, `c.`), the callee (`Errorf`, `render`) or the whole name
 * (`http.Error`) is in data/outbound.json `local`; `this.`/`self.` in front say nothing either way.
 */
function isLocal(text: string, call: CallSpan): boolean {
  if (isAccessor(text, call)) return true;
  const local = knowledge.outboundVocabulary.local;
  const segments = callSegments(text, call)
    .map((segment) => knowledge.toWords(segment).join(''))
    .filter((segment) => segment.length > 0);
  if (segments.length === 0) return true;
  return local.has(segments[0]) || local.has(segments[segments.length - 1]) || local.has(segments.join(''));
}

/**
 * Whether the receiver is the application's own layer or data store: its last word (`clientService` -> service) is
 * in data/outbound.json `ownLayers` or `ownStores`. In a compound name the last word says what it is; the others
 * say what it is about.
 */
function ownPart(text: string, call: CallSpan): 'layer' | 'store' | undefined {
  const segments = callSegments(text, call);
  if (segments.length < 2) return undefined;
  const receiver = segmentWords(segments[segments.length - 2]);
  if (isOwnStore(receiver)) return 'store';
  // A factory makes objects in-process, but a connection it opens reaches another process (`factory.newConnection()`).
  if (isOwnLayer(receiver))
    return knowledge.outboundVocabulary.opensConnection.matches(segmentWords(segments[segments.length - 1])) ? undefined : 'layer';
  // The root of a chain: a store's parts are the store's (`db.session.commit()`, `this.db.menu.update(...)`,
  // `repo.find(id).switchIfEmpty`); a layer may hold a client, which is then the receiver (`Service.axiosInstance.post`).
  const root = segmentWords(segments[0]);
  if (isOwnStore(root)) return 'store';
  return isOwnLayer(root) && !namesClient(receiver) ? 'layer' : undefined;
}

/** A segment's words, less its arguments (`find(id)` -> `find`). */
function segmentWords(segment: string): string[] {
  return knowledge.toWords(segment.replace(/\(.*$/s, ''));
}

/** The receiver's last word (`productService`) or last two (`commandBus`) name the application's own layer. */
function isOwnLayer(words: readonly string[]): boolean {
  const { ownLayers } = knowledge.outboundVocabulary;
  const n = words.length;
  return n > 0 && (ownLayers.has(words[n - 1]) || (n > 1 && ownLayers.has(`${words[n - 2]} ${words[n - 1]}`)));
}

/** The receiver's last word names the application's own data store (`orderRepository`, `staticDB`, `prisma`). */
function isOwnStore(words: readonly string[]): boolean {
  return words.length > 0 && knowledge.outboundVocabulary.ownStores.has(words[words.length - 1]);
}

/** A getter with no arguments (`order.getShopPhone()`, `fileData.getBytes()`, `optional.get()`) or a setter: an object's own state. */
function isAccessor(text: string, call: CallSpan): boolean {
  const dot = Math.max(text.lastIndexOf('.', call.end), text.lastIndexOf('>', call.end));
  const callee = text.slice(Math.max(dot + 1, call.start), call.end);
  if (/^set[A-Z_]/.test(callee)) return true;
  return /^(?:(?:get|is|has)[A-Z_]|get$)/.test(callee) && text[call.end] === '(' && text[call.end + 1] === ')';
}

/** A call's name in its parts (`a.b`, `a?.b`, `A::b`, `$a->b`), less a leading `this`/`self`, which says nothing either way. */
function callSegments(text: string, call: CallSpan): string[] {
  const segments = text
    .slice(call.start, call.end)
    .split(/\?\.|\.|::|->/)
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0);
  while (segments.length > 1 && (segments[0] === 'this' || segments[0] === 'self' || segments[0] === '$this')) segments.shift();
  return segments;
}

/**
 * The annotation or decorator whose mark stands at `at` (`@Transactional`, `@PostMapping("/x")`,
 * `@field:JsonProperty("id")`): its name, and where it ends, after its arguments in balanced parentheses.
 * Undefined when no name follows the mark, or its arguments are still open at `to`.
 */
export function decoratorAt(text: string, at: number, to = text.length): { name: string; end: number } | undefined {
  let i = at + 1;
  while (i < to && /[\w.:]/.test(text[i])) i++;
  if (i === at + 1) return undefined;
  const name = text.slice(at + 1, i);
  let j = i;
  while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] !== '(') return { name, end: i };
  let depth = 0;
  let quote = '';
  for (; j < to; j++) {
    const c = text[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { name, end: j + 1 };
  }
  return undefined;
}

/** An annotation's own name, less its package or module (`org.springframework...Transactional`, `app.exception_handler`). */
function annotationName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The text less its annotations or decorators, each replaced by a space: every one, or those whose own name
 * `drop` accepts (`@Transactional` out of a handler's naming, `@ResponseStatus(...)` out of what it is named).
 */
export function withoutAnnotations(text: string, drop: (name: string) => boolean = () => true): string {
  let kept = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const annotation = decoratorAt(text, at);
    if (!annotation || !drop(annotationName(annotation.name))) continue;
    kept += `${text.slice(from, at)} `;
    from = annotation.end;
    at = annotation.end - 1;
  }
  return kept + text.slice(from);
}

function evidenceOf(text: string, call: CallSpan): Evidence {
  return { kind: 'call', text: quoteCall(text, call), start: call.start, end: call.end };
}

/** How much of a function's header is searched for an exception handler's annotation. */
const MAX_HANDLER_HEADER = 2000;

/**
 * The exception types a function handles by its annotation or decorator (data/carriers.json
 * `handlerAnnotations`): `@ExceptionHandler(UnreachableHostException.class)`, Kotlin's `(X::class)`,
 * Python's `@app.exception_handler(UpstreamError)`. As written, from the first type to the last.
 */
export function handledTypes(text: string, from: number, to: number, annotations: ReadonlySet<string>): Evidence | undefined {
  if (annotations.size === 0) return undefined;
  const end = Math.min(to, from + MAX_HANDLER_HEADER);
  for (let at = from; at < end; at++) {
    // A bounded look for the mark: indexOf would run on to the end of the file from each header without one.
    if (text.charCodeAt(at) !== 64 /* @ */) continue;
    const annotation = decoratorAt(text, at, end);
    if (!annotation || !annotations.has(annotationName(annotation.name))) continue;
    const open = text.indexOf('(', at);
    if (open < 0 || open >= annotation.end) continue;
    // Capitalised names, qualified or not (`value = X.class`, `{A.class, B.class}`, `(A, B)`): the types.
    const types = [...text.slice(open + 1, annotation.end - 1).matchAll(/\b[A-Z][\w]*(?:\.[A-Z][\w]*)*/g)];
    if (types.length === 0) continue;
    const first = open + 1 + types[0].index!;
    const last = types[types.length - 1];
    const stop = open + 1 + last.index! + last[0].length;
    return { kind: 'exception', text: text.slice(first, stop), start: first, end: stop };
  }
  return undefined;
}

/** The exception type a catch/except/rescue header names, as written (`HttpRequestException`, `requests.exceptions.Timeout`). */
export function caughtException(text: string, from: number, to: number): Evidence | undefined {
  let header = text.slice(from, to);
  let offset = from;
  const open = header.indexOf('(');
  if (open >= 0)
    ((offset += open + 1), (header = header.slice(open + 1, header.lastIndexOf(')') > open ? header.lastIndexOf(')') : undefined)));
  // Kotlin `e: IOException`; Java/C# `IOException e`, `HttpRequestException ex when (...)`; PHP `GuzzleException $e`;
  // Python `requests.Timeout as e`, `(A, B) as e`; Ruby `Faraday::Error => e`.
  // Only inside parentheses is a colon a type annotation; Python's `except X:` ends with one.
  const typeText = open >= 0 && header.includes(':') && !header.includes('::') ? header.slice(header.indexOf(':') + 1) : header;
  const skip = header.length - typeText.length;
  const match = /^[\s(]*([A-Za-z_\\][\w.:\\]*(?:\s*[|,]\s*[A-Za-z_\\][\w.:\\]*)*)/.exec(typeText);
  if (!match) return undefined;
  let written = match[1].trim();
  // `IOException e` -> `IOException`; a lone lower-case name is the variable of an untyped catch (`catch (e)`).
  if (/^[a-z_$][\w$]*$/.test(written) && open >= 0) return undefined;
  written = trimEnd(written, [' as', ' when', ':']);
  const start = offset + skip + match[0].indexOf(match[1]);
  return { kind: 'exception', text: written, start, end: start + written.length };
}

/** The text without the given endings (and the blanks before them), however often they repeat. */
function trimEnd(text: string, endings: string[]): string {
  let result = text.trimEnd();
  for (let changed = true; changed;) {
    changed = false;
    for (const ending of endings) if (result.endsWith(ending)) ((result = result.slice(0, -ending.length).trimEnd()), (changed = true));
  }
  return result;
}

/** The code an exception type or error value points at when it means another service failed (504, 503, 502), or undefined. */
export function networkFailure(text: string, hasCall: boolean): number | undefined {
  const words = knowledge.toWords(text);
  for (const group of knowledge.outboundVocabulary.errors) if ((hasCall ? group.onCall : group.phrases).matches(words)) return group.code;
  return undefined;
}

/** Links a guard in front of a chain. */
export function link(guard: Omit<Guard, 'outer'>, outer: Guard | undefined): Guard {
  return outer ? { ...guard, outer } : { ...guard };
}

/** A declaration's type name (`public class UpstreamException extends ...`), the first of the headers given, nearest first. */
const DECLARED_TYPE = /\b(?:class|record|object|struct)\s+([A-Za-z_$][\w$]*)/;
/** How error types are named, in every family: what their instances say went wrong. */
const ERROR_TYPE_NAME = /[a-z0-9](?:Exception|Error|Exc|Fault|Failure)$/;

/**
 * The error type a site is declared in or for (`OracleApiProviderException`, `class UpstreamError(APIException)`):
 * the nearest type declaration of its headers, when its name is an error type's.
 */
export function errorTypeOf(headers: string | undefined): string | undefined {
  const declared = headers ? DECLARED_TYPE.exec(headers) : null;
  if (!declared) return undefined;
  const name = declared[1];
  // Or a type that derives from one (`class CommandTimeout(CommandException)`, `class Timeout extends BaseError`).
  const base = BASE_TYPE.exec(headers!.slice(declared.index + declared[0].length, declared.index + declared[0].length + 120))?.[1];
  return ERROR_TYPE_NAME.test(name) || (base !== undefined && ERROR_TYPE_NAME.test(base)) ? name : undefined;
}

/** The base a type declaration names right after the type's name: Python's `(Base)`, `extends Base`, `: Base`, Ruby's `< Base`. */
const BASE_TYPE = /^\s*(?:\(|extends\s|:|<)\s*(?:[\w$]+(?:\.|::|\\))*([A-Za-z_$][\w$]*)/;

/** A handler's request method, from its route or annotations (`app.get(`, `@GetMapping`, `[HttpGet]`, `r.GET(`, `get '/x' do`). */
export function methodOf(handler: string | undefined): string | undefined {
  if (!handler) return undefined;
  const match = /(?:\.|@|\[Http|\b)(get|head|post|put|patch|delete)(?:mapping)?\s*[('"[\]]/i.exec(handler);
  return match?.[1].toUpperCase();
}

export { conditionKeywords };

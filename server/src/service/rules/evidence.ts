/**
 * The verdict at a status site, from the evidence around it weighed by where it stands (DESIGN.md
 * "Evidence"): what is said with it (its message) first; then the guards around it, innermost first (the
 * condition of its branch, the call whose failure its error handler handles, the exception caught); then
 * what the other statements of its block say; then the handler or operation, only for what holds for all of
 * it (a 207, a WebDAV method, an array of operations, its own batch/workflow naming). At each place a mark
 * of a dependency chain and a confusion are looked for; the first place that says something decides.
 *
 * The rules, hover and completion all read the verdict from here, so they agree.
 */
import * as knowledge from '../../knowledge';
import type { CompiledConfusion, PhraseSet } from '../../knowledge';
import type { Evidence, Guard, StatusSite } from '../model';
import { errorTypeOf, methodOf, namesClient } from '../scanners/code/blocks';
import { namingWords } from '../scanners/code/scope';
import type { Replacement, RuleContext } from './rule';

export interface Verdict {
  /**
   * `fits`: something marks a dependency chain (424 is right, or a 409/412/423 is right);
   * `confusion`: a 424 used for what another code names; `prerequisite`: a 409/412/423 whose words say an
   * earlier action failed; `none`: a 424 where nothing says either way.
   */
  kind: 'fits' | 'confusion' | 'prerequisite' | 'none';
  /** For a confusion: its rule id and data. */
  confusion?: CompiledConfusion;
  /** What the verdict rests on (absent for `none`), and the words of it quoted as written. */
  evidence?: Evidence;
  quoted?: string;
  /** For `fits`: what marks the chain when it is no text (a 207, a WebDAV method, a multistatus body). */
  mark?: string;
  /** For `confusion`: the codes, preferred first; for `none`: what the handler's own naming points at, if anything. */
  replacements?: Replacement[];
  /** The call evidence came from the guard's shape alone (no client the data names): weaker than a handler's marks. */
  byRole?: boolean;
  /** More places it rests on: the call whose failure raised the exception caught. */
  also?: Evidence;
  /** For a confusion read from words: the vocabulary phrase that matched. */
  phrase?: string;
}

/** The places a verdict rests on, its quoted evidence first. */
export function evidenceOf(verdict: Verdict): Evidence[] | undefined {
  if (!verdict.evidence) return undefined;
  return verdict.also ? [verdict.evidence, verdict.also] : [verdict.evidence];
}

const verdicts = new WeakMap<RuleContext, WeakMap<StatusSite, Verdict>>();
/**
 * A one-pass context's site being checked and its verdict. Kept per site, a verdict outlives its site until V8's
 * next full collection, the weak map's entry holding it in the meantime (60 MB of a 34 MB one-line spec).
 */
const current = new WeakMap<RuleContext, { site: StatusSite; verdict: Verdict }>();

/** The verdict at a site, worked out once per site and rule context. */
export function assess(site: StatusSite, context: RuleContext): Verdict {
  if (context.onePass) {
    let checking = current.get(context);
    if (checking?.site !== site) current.set(context, (checking = { site, verdict: judge(site, context) }));
    return checking.verdict;
  }
  let bySite = verdicts.get(context);
  if (!bySite) verdicts.set(context, (bySite = new WeakMap()));
  let verdict = bySite.get(site);
  if (!verdict) bySite.set(site, (verdict = judge(site, context)));
  return verdict;
}

function judge(site: StatusSite, context: RuleContext): Verdict {
  return site.code === 424 ? assess424(site, context) : assessOther(site);
}

const NONE: Verdict = { kind: 'none' };

function assess424(site: StatusSite, context: RuleContext): Verdict {
  if (site.inMultistatus) return { kind: 'fits', mark: 'a 207 Multi-Status body' };
  const spec = site.spelling.kind === 'key';
  // 1. What is said with it.
  if (site.message) {
    const said = judgeText(site.message, messageEvidence(site), context, false);
    if (said && !outweighed(said, site.guard)) return said;
  }
  // An error type's declaration (`super(FAILED_DEPENDENCY)` in `OracleApiProviderException`): its name says what
  // the status stands for, as a message would.
  const errorType = spec ? undefined : errorTypeOf(site.handler);
  if (errorType) {
    const said = judgeText(errorType, { kind: 'type', text: errorType, start: -1, end: -1 }, context, false);
    if (said) return said;
  }
  // 2. The guards around it, innermost first; a call known only by its shape waits for the handler's marks.
  let byRole: Verdict | undefined;
  // A condition nearer the site that tests for a local failure (`err.(*NotFoundError)`, `apierrors.IsNotFound(err)`).
  let localTest = false;
  let innermost = true;
  for (let guard: Guard | undefined = site.guard; guard; guard = guard.outer) {
    const found = judgeGuard(guard, context, 424, innermost);
    if (guard.condition || guard.otherwise) innermost = false;
    if (!found) {
      if (!byRole && guard.condition && !guard.label && isLocalError(guard.condition.text)) localTest = true;
      continue;
    }
    if (found.byRole) {
      byRole ??= found;
      continue;
    }
    return found;
  }
  // 3. The other statements of its block.
  for (const neighbour of site.neighbours ?? []) {
    const said = judgeText(neighbour.text, neighbour, context, false);
    if (said && !outweighed(said, site.guard)) return said;
  }
  // 4. The handler or operation as a whole.
  const scope = site.scope;
  if (scope.codes.has(207)) return { kind: 'fits', mark: 'a 207 Multi-Status response beside it' };
  if (scope.webdavMethod !== undefined) return { kind: 'fits', mark: `the WebDAV method ${scope.webdavMethod}` };
  if (scope.arrayOfOperations) return { kind: 'fits', mark: 'a request body that is an array of operations' };
  const method = (spec ? scope.method : methodOf(site.handler))?.toUpperCase();
  // A GET or HEAD only reads: no earlier action of the same request could have failed (unless its message said so).
  const readsOnly = method === 'GET' || method === 'HEAD';
  const handlerText = spec ? undefined : site.handler;
  const handlerWords = spec ? scope.words() : handlerText ? namingWords(handlerText) : [];
  // What the handler declares this code to mean (`responses={424: {"description": "Email sending errors"}}`).
  const declared = spec || site.declares ? undefined : scope.declared?.get(424);
  if (declared) {
    const said = judgeText(declared.text, declared, context, false);
    if (said) return said;
  }
  // A handler's code whose own message gives another reason ("Workflow is not active") is not made a chain by
  // the handler's naming: the message says what failed.
  const ownReason = !spec && knowledge.toWords(site.message).length >= 3;
  if (!readsOnly && !ownReason) {
    const phrase = context.dependencyPhrases.find(handlerWords);
    if (phrase !== undefined) {
      const where = spec ? operationEvidence(site) : { kind: 'handler' as const, text: handlerText!, start: -1, end: -1 };
      return { kind: 'fits', evidence: where, quoted: quote(where.text, phrase) };
    }
  }
  // A call known only by its role does not outweigh a message that names a local failure ("cache not found"), nor a
  // condition nearer the site that tests for one.
  if (byRole && !localTest && !isLocalError(site.message)) return byRole;
  // 5. Nothing marks a chain: the handler's own naming may still point at one code (a `lockDocument` handler).
  const pointed = classify(handlerWords);
  return pointed ? { kind: 'none', replacements: rankSuggestions(pointed.confusion, handlerWords) } : NONE;
}

/** 409/412/423: their message (or a neighbour's) says an earlier required action failed. */
function assessOther(site: StatusSite): Verdict {
  if (site.code !== 409 && site.code !== 412 && site.code !== 423) return NONE;
  const texts: Evidence[] = [messageEvidence(site), ...(site.neighbours ?? [])];
  for (const evidence of texts) {
    if (!evidence.text) continue;
    const phrase = failedPrerequisite(knowledge.toWords(evidence.text));
    if (phrase !== undefined) return { kind: 'prerequisite', evidence, quoted: quote(evidence.text, phrase) };
  }
  return NONE;
}

/** The words of an earlier required action that failed, next to each other or stated apart. */
export function failedPrerequisite(words: readonly string[]): string | undefined {
  return knowledge.phrases.failedPrerequisite.find(words) ?? failedApart(words);
}

/** An earlier action and its failure stated apart ("the parent task abc has failed"). */
function failedApart(words: readonly string[]): string | undefined {
  const { subjects, failures, maxGap } = knowledge.failedApart;
  return knowledge.findApart(words, subjects, failures, maxGap, knowledge.dependencyNames);
}

/** A text (a message, a neighbour's string): a named failed dependency or chain, else a confusion. */
function judgeText(text: string, evidence: Evidence, context: RuleContext, guard: boolean, innermost = true): Verdict | undefined {
  const words = withoutOwnName(knowledge.toWords(text));
  const chain =
    knowledge.phrases.failedDependency.find(words) ??
    failedApart(words) ??
    // Bare dependency words (batch, workflow) in a message or condition more often name a thing
    // ("Workflow is not active") than a chain: only what the user configured counts here; the built-in words
    // count in the handler's or operation's own naming.
    context.userPhrases?.find(words);
  if (chain !== undefined) return { kind: 'fits', evidence, quoted: quote(text, chain) };
  const found = classify(words, guard ? (isNegatedText(text) ? 'negated guard' : 'guard') : 'message', innermost);
  if (!found) return undefined;
  return {
    kind: 'confusion',
    confusion: found.confusion,
    evidence,
    quoted: quote(text, found.phrase),
    replacements: rankSuggestions(found.confusion, words),
    phrase: found.phrase,
  };
}

/**
 * A confusion read from a phrase that only says a read failed ("could not retrieve attempt"), where the error
 * branch around shows the application's own store or a local error caught: that says more of what failed.
 */
function outweighed(verdict: Verdict, guard: Guard | undefined): boolean {
  if (verdict.kind !== 'confusion' || verdict.phrase === undefined) return false;
  if (!verdict.confusion!.outweighed.matches(verdict.phrase.split(' '))) return false;
  for (let g = guard; g; g = g.outer) if (g.ownStore || (g.exception && isLocalError(g.exception.text))) return true;
  return false;
}

const ownName = knowledge.toWords(knowledge.get(424)?.phrase ?? 'Failed Dependency');

/**
 * The words less 424's own name: `{ error: 'Failed Dependency', message: ... }` echoes the code it is sent
 * with, which says nothing of why.
 */
function withoutOwnName(words: string[]): string[] {
  if (!words.includes(ownName[0])) return words;
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (ownName.every((word, k) => words[i + k] === word)) i += ownName.length - 1;
    else kept.push(words[i]);
  }
  return kept;
}

function isNegatedText(text: string): boolean {
  return text.startsWith('!') || text.startsWith('not ') || text.startsWith('unless ');
}

const upstream = () => knowledge.confusions.find((c) => c.rule === '424-for-upstream-failure')!;

/** A guard: its condition, or the failure it handles (the exception caught, then the call). */
function judgeGuard(guard: Guard, context: RuleContext, code: number, innermost = true): Verdict | undefined {
  // `if (e instanceof FailedDependencyError)`, `catch (FailedDependencyException e)`: an error the application
  // raised elsewhere, named for this very code, translated to it here; the raise is the site to judge.
  for (const named of [guard.condition, guard.exception]) {
    if (named && namesOwnCode(named.text, code)) return { kind: 'fits', evidence: named, mark: `an error named for ${code}, mapped to it` };
  }
  if (guard.condition) {
    const said = judgeText(guard.condition.text, guard.condition, context, true, innermost);
    if (said) return said;
    // `if (failed)`, `if previous_failed`: a flag that an earlier action of the same request failed.
    const words = knowledge.toWords(guard.condition.text);
    const flag =
      !guard.failure && !guard.label && !isNegatedText(guard.condition.text) ? knowledge.phrases.failedFlag.find(words) : undefined;
    if (flag !== undefined) return { kind: 'fits', evidence: guard.condition, quoted: quote(guard.condition.text, flag) };
  }
  if (!guard.failure) return undefined;
  // `if (ex instanceof FeignException)`, `errors.Is(err, context.DeadlineExceeded)`: the error tested names a network failure.
  if (guard.errorTest && guard.condition) {
    const network = networkCode(guard.condition.text, guard.call !== undefined);
    if (network !== undefined) return { ...upstreamVerdict(guard.condition, network, false), also: guard.call };
  }
  // `case errors.Is(err, ErrVINDecoding):` where the call that returned `err` is out of sight: known by its role.
  // (Not an error named for a local failure: `errors.Is(err, ErrDeviceDefinitionNotFound)` is a lookup that found nothing.)
  // Not when the calls in sight are the application's own work, here or in the error branch around
  // (`if err != nil { switch { case errors.Is(err, ErrGetUser): ... } }` after `h.svc.GetUserByID(...)`).
  if (!guard.call && !guard.exception && guard.errorTest && guard.condition && !ownWorkAround(guard)) {
    return isLocalError(guard.condition.text) ? undefined : upstreamVerdict(guard.condition, 502, true);
  }
  const callWords = guard.call && knowledge.toWords(guard.call.text);
  const outbound = callWords !== undefined && namesClient(callWords);
  // A call that is not a client may itself be the earlier step of a chain (`pipeline.run(...)`, `runPreviousStep()`).
  if (guard.call && callWords && !outbound) {
    const phrase = knowledge.phrases.failedDependency.find(callWords) ?? context.dependencyPhrases.find(callWords);
    if (phrase !== undefined) return { kind: 'fits', evidence: guard.call, quoted: quote(guard.call.text, phrase) };
  }
  if (guard.exception) {
    const network = networkCode(guard.exception.text, guard.call !== undefined);
    if (network !== undefined) return { ...upstreamVerdict(guard.exception, network, false), also: guard.call };
    // The error caught names what went wrong, as a message would: `except IntegrityError:`, `catch (OptimisticLockException e)`.
    const said = judgeText(guard.exception.text, guard.exception, context, false);
    if (said) return said;
    // A local failure (FileNotFoundError, ValueError, DoesNotExist) is no other service's, whatever the try body
    // calls; unless the same handler catches more (`except (ImproperlyConfigured, Exception)`).
    if (guard.exception.text.split(/[,|]/).every(isLocalError)) return undefined;
  }
  if (!guard.call) return undefined;
  return upstreamVerdict(guard.call, networkCode(guard.call.text, true) ?? 502, !outbound);
}

/** Whether the guard or an error branch around it handles only the application's own work. */
function ownWorkAround(guard: Guard): boolean {
  for (let g: Guard | undefined = guard; g; g = g.outer) if (g.ownWork) return true;
  return false;
}

/** Whether a text names a local failure (a missing file or row, invalid input): data/outbound.json `localErrors`. */
function isLocalError(text: string): boolean {
  return knowledge.outboundVocabulary.localErrors.matches(knowledge.toWords(text));
}

/** Whether a text names the code's own reason phrase (`FailedDependencyError` for 424): a mapping of it. */
function namesOwnCode(text: string, code: number): boolean {
  const phrase = knowledge.get(code)?.phrase;
  if (!phrase) return false;
  const wanted = knowledge.toWords(phrase);
  if (wanted.length < 2) return false;
  return knowledge.toWords(text).join(' ').includes(wanted.join(' '));
}

function networkCode(text: string, onCall: boolean): number | undefined {
  const words = knowledge.toWords(text);
  for (const group of knowledge.outboundVocabulary.errors) if ((onCall ? group.onCall : group.phrases).matches(words)) return group.code;
  return undefined;
}

function upstreamVerdict(evidence: Evidence, code: number, byRole: boolean): Verdict {
  const confusion = upstream();
  // A call known only by its role may be the server's own work: 500 is offered after the upstream codes.
  const ordered = [code, ...confusion.suggest.filter((c) => c !== code), ...(byRole ? [500] : [])];
  return {
    kind: 'confusion',
    confusion,
    evidence,
    quoted: evidence.text,
    replacements: ordered.map((c, i) => ({ code: c, preferred: i === 0 })),
    byRole,
  };
}

/**
 * The confusion the words speak of: the one with the most specific (longest) matching phrase, so
 * "optimistic locking conflict" is a conflict, not a lock; on a tie, the data's order decides. In a guarding
 * condition the confusions' guard phrases count too (`if repo.exists(...)`, `if lease.holder != user`).
 */
export function classify(
  words: readonly string[],
  where: 'message' | 'guard' | 'negated guard' = 'message',
  /** The guard is the innermost condition around the site (no `else` or other condition between). */
  innermost = true,
): { confusion: CompiledConfusion; phrase: string } | undefined {
  let best: { confusion: CompiledConfusion; phrase: string; length: number } | undefined;
  for (const confusion of knowledge.confusions) {
    const inGuard =
      (where === 'guard' || (where === 'negated guard' && !confusion.guardNotNegated)) && (innermost || !confusion.guardInnermost);
    const phrases: PhraseSet = inGuard ? confusion.guardPhrases : confusion.phrases;
    const phrase = phrases.longest(words);
    if (phrase === undefined || confusion.unlessWith.matches(words)) continue;
    const length = phrase.split(' ').length;
    if (!best || length > best.length) best = { confusion, phrase, length };
  }
  return best;
}

/** The confusion's codes, the one its words point at first (a timeout -> 504). */
export function rankSuggestions(confusion: CompiledConfusion, words: readonly string[]): Replacement[] {
  const first = confusion.bySuggestion.find((s) => s.phrases.matches(words))?.code ?? confusion.suggest[0];
  let byFirst = rankings.get(confusion);
  if (!byFirst) rankings.set(confusion, (byFirst = new Map()));
  let ranked = byFirst.get(first);
  if (!ranked) {
    const ordered = [first, ...confusion.suggest.filter((code) => code !== first)];
    byFirst.set(first, (ranked = Object.freeze(ordered.map((code, index) => Object.freeze({ code, preferred: index === 0 })))));
  }
  return ranked as Replacement[];
}

/**
 * The few rankings of each confusion, one copy each (frozen): every verdict kept its own, ~120 bytes a site
 * for as long as its scan (100,000 sites of one spec: 12 MB).
 */
const rankings = new WeakMap<CompiledConfusion, Map<number, readonly Replacement[]>>();

function messageEvidence(site: StatusSite): Evidence {
  return { kind: 'message', text: site.message, start: -1, end: -1 };
}

function operationEvidence(site: StatusSite): Evidence {
  return { kind: 'handler', text: site.scope.words().join(' '), start: -1, end: -1 };
}

/** The words as the text writes them, shortened for a message. */
function quote(text: string, phrase: string): string {
  const written = knowledge.asWritten(text, phrase);
  return written.length > 80 ? `${written.slice(0, 77)}...` : written;
}

/** Where a verdict's evidence stands, in words for a message: `the condition \`etag != ifMatch\``. */
export function describeEvidence(verdict: Verdict): string {
  const evidence = verdict.evidence;
  const quoted = verdict.quoted ?? evidence?.text ?? '';
  switch (evidence?.kind) {
    case 'message':
      return `"${quoted}"`;
    case 'condition':
      return `the condition \`${short(evidence.text)}\` guarding it`;
    case 'call':
      return `in the error branch of \`${evidence.text}\``;
    case 'exception':
      return `the caught \`${evidence.text}\`${verdict.also ? ` of \`${verdict.also.text}\`` : ''}`;
    case 'block':
      return `"${quoted}" said beside it`;
    case 'handler':
      return `the handler's "${quoted}"`;
    case 'type':
      return `the error type \`${evidence.text}\` it is declared for`;
    default:
      return verdict.mark ?? '';
  }
}

function short(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

/** Whether a completion slot or a site stands in the error branch of a call to another service. */
export function inFailedCall(guard: Guard | undefined): boolean {
  for (let g = guard; g; g = g.outer) {
    if (!g.failure) continue;
    if (g.call || (g.exception && networkCode(g.exception.text, false) !== undefined)) return true;
  }
  return false;
}

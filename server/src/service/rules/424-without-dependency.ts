/**
 * A 424 where nothing marks a dependency chain: no batch/bulk/transaction/workflow words around it, no 207
 * beside it, no WebDAV method, no array of operations, and its message names no earlier failed action.
 */
import type { CompiledConfusion } from '../../knowledge';
import type { StatusSite } from '../model';
import { classify, rankSuggestions } from './confusion';
import {
  type Replacement,
  type Rule,
  type RuleContext,
  describe,
  messageWords,
  namesFailedDependency,
  once,
  scopeMarksDependency,
  scopeWords,
} from './rule';

/** The choices offered when nothing around the site points at one code. */
const choices: Replacement[] = [
  { code: 409, preferred: false, why: 'the request conflicts with the current state' },
  { code: 412, preferred: false, why: 'a conditional header evaluated false' },
  { code: 423, preferred: false, why: 'the resource is locked' },
  { code: 502, preferred: false, why: 'an upstream service failed' },
];

export function hasDependencyContext(site: StatusSite, context: RuleContext): boolean {
  if (site.inMultistatus) return true;
  const phrases = context.dependencyPhrases;
  const said = messageWords(site);
  return scopeMarksDependency(site.scope, phrases) || once(said, phrases, () => phrases.matches(said));
}

/** The code the words around a site point at, worked out once per scope. */
function scopePoints(words: readonly string[]): { pointed: CompiledConfusion | undefined; replacements: Replacement[] } {
  return once(words, scopePoints, () => {
    const pointed = classify(words)?.confusion;
    return { pointed, replacements: pointed ? rankSuggestions(pointed, words) : choices };
  });
}

const rule: Rule = {
  id: '424-without-dependency',
  check(site, context) {
    if (site.code !== 424 || namesFailedDependency(site) || hasDependencyContext(site, context)) return undefined;
    // The surrounding text may still point at one code (a handler that talks about locks).
    const { pointed, replacements } = scopePoints(scopeWords(site));
    const hint = pointed
      ? ` The surrounding text points at ${describe(replacements[0].code as number)}.`
      : ' Depending on what went wrong: 409 (conflict), 412 (precondition), 423 (locked) or 502 (upstream failure).';
    return {
      message: `424 Failed Dependency means an earlier action this request depended on failed, but nothing here marks such a chain (batch, multi-step workflow, WebDAV, 207 Multi-Status).${hint}`,
      replacements,
    };
  },
};

export default rule;

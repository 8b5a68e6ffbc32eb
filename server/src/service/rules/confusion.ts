/**
 * The `424-for-*` rules: a 424 whose message speaks of something another code names (a lock, a conflict, a
 * failed precondition, a broken upstream service). The vocabulary and the suggested codes are data.
 */
import * as knowledge from '../../knowledge';
import type { CompiledConfusion, PhraseSet } from '../../knowledge';
import type { StatusSite } from '../model';
import {
  type Replacement,
  type Rule,
  type RuleHit,
  type RuleId,
  describe,
  failureWords,
  messageWords,
  namesFailedDependency,
  once,
} from './rule';

export interface ConfusionOptions {
  explain(phrase: string, replacements: Replacement[]): string;
  /**
   * When the message names no confusion at all, whether the site still is this confusion, and what to
   * quote for it (the upstream rule: a 424 in the catch block of a handler that calls another service).
   */
  fallback?(site: StatusSite): string | undefined;
}

export function confusionRule(id: RuleId, options: ConfusionOptions): Rule {
  const confusion = knowledge.confusions.find((c) => c.rule === id);
  if (!confusion) throw new Error(`data/vocabulary.json has no confusion for rule ${id}`);
  return {
    id,
    check(site: StatusSite): RuleHit | undefined {
      if (site.code !== 424 || namesFailedDependency(site)) return undefined;
      const words = messageWords(site);
      const found = classify(words);
      const phrase = found ? (found.confusion === confusion ? found.phrase : undefined) : options.fallback?.(site);
      if (phrase === undefined) return undefined;
      // What failed decides between the alternatives: the message, and the error-handling block around the site.
      const replacements = rankSuggestions(confusion, words, failureWords(site));
      return { message: options.explain(phrase, replacements), replacements };
    },
  };
}

/**
 * The confusion the words speak of: the one with the most specific (longest) matching phrase, so
 * "optimistic locking conflict" is a conflict, not a lock; on a tie, the data's order decides.
 */
export function classify(words: readonly string[]): { confusion: CompiledConfusion; phrase: string } | undefined {
  return once(words, classify, () => classifyNow(words));
}

function classifyNow(words: readonly string[]): { confusion: CompiledConfusion; phrase: string } | undefined {
  let best: { confusion: CompiledConfusion; phrase: string; length: number } | undefined;
  for (const confusion of knowledge.confusions) {
    const phrase = confusion.phrases.longest(words);
    if (phrase === undefined) continue;
    const length = phrase.split(' ').length;
    if (!best || length > best.length) best = { confusion, phrase, length };
  }
  return best;
}

/** The confusion's codes, the one its words point at first (a timeout -> 504). */
export function rankSuggestions(confusion: CompiledConfusion, words: readonly string[], moreWords: readonly string[] = []): Replacement[] {
  const says = (s: { phrases: PhraseSet }, list: readonly string[]) => once(list, s.phrases, () => s.phrases.matches(list));
  const first = confusion.bySuggestion.find((s) => says(s, words) || says(s, moreWords))?.code ?? confusion.suggest[0];
  const ordered = [first, ...confusion.suggest.filter((code) => code !== first)];
  return ordered.map((code, index) => ({ code, preferred: index === 0 }));
}

export function preferredName(replacements: Replacement[]): string {
  const preferred = replacements.find((r) => r.preferred)?.code ?? replacements[0].code;
  return typeof preferred === 'number' ? describe(preferred) : preferred;
}

/** What a rule is, and the site facts the 424 rules share. */
import * as knowledge from '../../knowledge';
import type { PhraseSet } from '../../knowledge';
import type { StatusSite } from '../model';

export type RuleId =
  | '424-without-dependency'
  | '424-for-lock'
  | '424-for-conflict'
  | '424-for-precondition'
  | '424-for-upstream-failure'
  | 'failed-prerequisite-not-424'
  | 'unregistered-status-code';

/** A code (or, for OpenAPI range keys, a key text) a fix can put at the site. */
export interface Replacement {
  code: number | string;
  preferred: boolean;
  /** Why this choice, for the fix's title when several are offered. */
  why?: string;
}

export interface RuleHit {
  message: string;
  replacements: Replacement[];
}

export interface RuleContext {
  /** The dependency-context vocabulary, with the user's extra words. */
  dependencyPhrases: PhraseSet;
}

export interface Rule {
  id: RuleId;
  /** Whether the rule applies at the site; severity and suppression are decided elsewhere. */
  check(site: StatusSite, context: RuleContext): RuleHit | undefined;
}

/** The words of what is said with the status (its message or description). */
export function messageWords(site: StatusSite): string[] {
  return knowledge.toWords(site.message);
}

/** The words of the operation or handler around the site. */
export function scopeWords(site: StatusSite): readonly string[] {
  return site.scope.words();
}

/** The 424's own message names an earlier action that failed: the code is used as meant. */
export function namesFailedDependency(site: StatusSite): boolean {
  return knowledge.phrases.failedDependency.matches(messageWords(site));
}

export function describe(code: number): string {
  const entry = knowledge.get(code);
  return entry ? `${code} ${entry.phrase}` : String(code);
}

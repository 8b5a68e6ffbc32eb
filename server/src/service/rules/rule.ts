/** What a rule is, and the site facts the 424 rules share. */
import * as knowledge from '../../knowledge';
import type { PhraseSet } from '../../knowledge';
import type { Evidence, Scope, StatusSite } from '../model';

/** The rules that judge one site of a document. */
export type SiteRuleId =
  | '424-without-dependency'
  | '424-for-lock'
  | '424-for-conflict'
  | '424-for-precondition'
  | '424-for-upstream-failure'
  | 'failed-prerequisite-not-424'
  | 'unregistered-status-code';

/** Project rules (rules/projectRule.ts): a handler and the OpenAPI operation of its route. */
export type ProjectRuleId = 'status-not-in-spec' | 'spec-status-never-returned';

export type RuleId = SiteRuleId | ProjectRuleId;

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
  /** What the finding rests on, the one its message quotes first (a condition, call, exception or statement). */
  evidence?: Evidence[];
}

export interface RuleContext {
  /** The dependency-context vocabulary, with the user's extra words. */
  dependencyPhrases: PhraseSet;
  /** The user's extra dependency words alone (they count wherever a dependency word may stand). */
  userPhrases?: PhraseSet;
  /**
   * Each site is checked once, in turn, and let go (the CLI's validation): a verdict is kept while its site is
   * checked, not for as long as the site (see evidence.ts assess).
   */
  onePass?: boolean;
}

export interface Rule {
  id: SiteRuleId;
  /** Whether the rule applies at the site; severity and suppression are decided elsewhere. */
  check(site: StatusSite, context: RuleContext): RuleHit | undefined;
}

/**
 * What is worked out from a words array, once per array rather than once per site: the sites of one
 * statement, handler or file share their words, and thousands of sites re-reading them made validation
 * quadratic. Keyed on the array's identity (word lists are cached, never changed) and on `key`.
 */
const memos = new WeakMap<readonly string[], Map<unknown, unknown>>();

export function once<T>(words: readonly string[], key: unknown, compute: () => T): T {
  let byKey = memos.get(words);
  if (!byKey) memos.set(words, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/**
 * What around an operation or handler marks a dependency chain: a 207 beside the code, a WebDAV method, an
 * array of operations, or dependency words in its texts. Shared by the rules and completion's ranking.
 */
export function scopeMarksDependency(scope: Scope, phrases: PhraseSet): boolean {
  if (scope.codes.has(207) || scope.webdavMethod !== undefined || scope.arrayOfOperations) return true;
  const words = scope.words();
  return once(words, phrases, () => phrases.matches(words));
}

export function describe(code: number): string {
  const entry = knowledge.get(code);
  return entry ? `${code} ${entry.phrase}` : String(code);
}

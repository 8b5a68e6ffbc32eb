/**
 * The rules, in precedence order: at each site the first rule that applies is the one reported, so a
 * confusion rule replaces 424-without-dependency rather than adding to it.
 */
import forConflict from './424-for-conflict';
import forLock from './424-for-lock';
import forPrecondition from './424-for-precondition';
import forUpstreamFailure from './424-for-upstream-failure';
import withoutDependency from './424-without-dependency';
import failedPrerequisite from './failed-prerequisite-not-424';
import type { Rule, RuleId } from './rule';
import unregistered from './unregistered-status-code';
import type { ProjectRule } from './projectRule';
import statusNotInSpec from './status-not-in-spec';
import specStatusNeverReturned from './spec-status-never-returned';

export type { ProjectRuleId, Replacement, Rule, RuleContext, RuleHit, RuleId, SiteRuleId } from './rule';

export const rules: readonly Rule[] = [
  unregistered,
  failedPrerequisite,
  forLock,
  forPrecondition,
  forConflict,
  forUpstreamFailure,
  withoutDependency,
];

/** Rules over a handler and the OpenAPI operation of its route: they need the project (service/project.ts). */
export const projectRules: readonly ProjectRule[] = [statusNotInSpec, specStatusNeverReturned];

export const ruleIds: readonly RuleId[] = [...rules, ...projectRules].map((rule) => rule.id);

export const DOCS_BASE = 'https://github.com/http-status-lens/http-status-lens/blob/main/docs/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

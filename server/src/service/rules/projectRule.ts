/**
 * Rules over two files: a handler's status sites and the OpenAPI operation its route joins. They read the
 * project through ProjectFacts (service/project.ts) and report at the site, pointing at the other file.
 */
import type { OperationFact, ProjectFacts, Span } from '../project';
import type { StatusSite } from '../model';
import type { RuleOptions } from '../settings';
import type { ProjectRuleId, Replacement } from './rule';

export interface RelatedPlace extends Span {
  uri: string;
  message: string;
}

export interface ProjectHit {
  /** The site reported (its range is the finding's); its suppressions apply. */
  site: StatusSite;
  message: string;
  related: RelatedPlace[];
  /** Other codes for the site, in its own spelling. */
  replacements: Replacement[];
  /** The response a preferred fix adds to the spec. */
  addResponse?: { operation: OperationFact; code: number };
}

export interface ProjectRule {
  id: ProjectRuleId;
  /** The findings of one file of the project. */
  check(uri: string, facts: ProjectFacts, options: RuleOptions): ProjectHit[];
}

/**
 * Whether an operation's response keys declare a code: the code itself, its range key (`4XX`), or `default`
 * as configured (every code, the 4xx and 5xx ones, or none).
 */
export function declares(operation: OperationFact, code: number, options: RuleOptions['status-not-in-spec']): boolean {
  const range = `${Math.floor(code / 100)}XX`;
  const byDefault = options.defaultCovers === 'all' || (options.defaultCovers === 'errors' && code >= 400);
  return operation.responses.some((r) => r.key === String(code) || r.key.toUpperCase() === range || (byDefault && r.key === 'default'));
}

/** `GET /orders/{id} in openapi.yaml`. */
export function operationName(operation: OperationFact): string {
  const file = decodeURIComponent(operation.uri.slice(operation.uri.lastIndexOf('/') + 1));
  return `${operation.method} ${operation.path} in ${file}`;
}

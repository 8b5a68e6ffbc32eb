/** Default severity of each rule. Rules never decide their own severity. */
import type { RuleId } from './rule';

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export const severities: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

export const defaultSeverities: Readonly<Record<RuleId, Severity>> = {
  '424-without-dependency': 'warning',
  '424-for-lock': 'warning',
  '424-for-conflict': 'warning',
  '424-for-precondition': 'warning',
  '424-for-upstream-failure': 'warning',
  'failed-prerequisite-not-424': 'info',
  'unregistered-status-code': 'warning',
  'status-not-in-spec': 'warning',
  'spec-status-never-returned': 'off',
};

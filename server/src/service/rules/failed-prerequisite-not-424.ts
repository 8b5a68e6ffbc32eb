/**
 * The opposite confusion: a 409, 412 or 423 whose message (or a statement beside it) says an earlier required
 * action failed, next to each other ("prerequisite failed") or stated apart ("the parent task abc has failed").
 */
import { assess, describeEvidence, evidenceOf } from './evidence';
import type { Rule } from './rule';
import { describe } from './rule';

const rule: Rule = {
  id: 'failed-prerequisite-not-424',
  check(site, context) {
    if (site.code !== 409 && site.code !== 412 && site.code !== 423) return undefined;
    const verdict = assess(site, context);
    if (verdict.kind !== 'prerequisite') return undefined;
    return {
      message: `${describe(site.code)} is used where an earlier required action failed (${describeEvidence(verdict)}). That is what 424 Failed Dependency reports.`,
      replacements: [{ code: 424, preferred: true }],
      evidence: evidenceOf(verdict),
    };
  },
};

export default rule;

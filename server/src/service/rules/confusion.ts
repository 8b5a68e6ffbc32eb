/**
 * The `424-for-*` rules: a 424 whose evidence (rules/evidence.ts) speaks of something another code names
 * (a lock, a conflict, a failed precondition, a broken upstream service). The vocabulary and the suggested
 * codes are data; each finding quotes what it rests on and points at it.
 */
import * as knowledge from '../../knowledge';
import type { StatusSite } from '../model';
import { assess, describeEvidence, evidenceOf } from './evidence';
import { type Replacement, type Rule, type RuleContext, type RuleHit, type SiteRuleId, describe } from './rule';

export interface ConfusionOptions {
  /**
   * The message, given where the evidence stands (`"locked"`, `the condition \`etag != ifMatch\` guarding it`);
   * `byRole`: it is a call known only by its place in an error handler (rules/evidence.ts).
   */
  explain(where: string, replacements: Replacement[], byRole: boolean): string;
}

export function confusionRule(id: SiteRuleId, options: ConfusionOptions): Rule {
  const confusion = knowledge.confusions.find((c) => c.rule === id);
  if (!confusion) throw new Error(`data/vocabulary.json has no confusion for rule ${id}`);
  return {
    id,
    check(site: StatusSite, context: RuleContext): RuleHit | undefined {
      if (site.code !== 424) return undefined;
      const verdict = assess(site, context);
      if (verdict.kind !== 'confusion' || verdict.confusion !== confusion) return undefined;
      const replacements = verdict.replacements!;
      return {
        message: options.explain(describeEvidence(verdict), replacements, verdict.byRole === true),
        replacements,
        evidence: evidenceOf(verdict),
      };
    },
  };
}

export function preferredName(replacements: Replacement[]): string {
  const preferred = replacements.find((r) => r.preferred)?.code ?? replacements[0].code;
  return typeof preferred === 'number' ? describe(preferred) : preferred;
}

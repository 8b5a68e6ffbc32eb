/**
 * A 424 where nothing marks a dependency chain: no message naming an earlier failed action, no guard or
 * neighbouring statement that points at another code, no 207 beside it, no WebDAV method, no array of
 * operations, no batch/bulk/transaction/workflow naming of the handler or operation (rules/evidence.ts).
 */
import { assess } from './evidence';
import { type Replacement, type Rule, describe } from './rule';

/** The choices offered when nothing around the site points at one code. */
const choices: Replacement[] = [
  { code: 409, preferred: false, why: 'the request conflicts with the current state' },
  { code: 412, preferred: false, why: 'a conditional header evaluated false' },
  { code: 423, preferred: false, why: 'the resource is locked' },
  { code: 502, preferred: false, why: 'an upstream service failed' },
];

const rule: Rule = {
  id: '424-without-dependency',
  check(site, context) {
    if (site.code !== 424) return undefined;
    const verdict = assess(site, context);
    if (verdict.kind !== 'none') return undefined;
    // The handler's or operation's own naming may still point at one code (a `lockDocument` handler).
    const pointed = verdict.replacements;
    const hint = pointed
      ? ` The surrounding text points at ${describe(pointed[0].code as number)}.`
      : ' Depending on what went wrong: 409 (conflict), 412 (precondition), 423 (locked) or 502 (upstream failure).';
    return {
      message: `424 Failed Dependency means an earlier action this request depended on failed, but nothing here marks such a chain (batch, multi-step workflow, WebDAV, 207 Multi-Status).${hint}`,
      replacements: pointed ?? choices,
    };
  },
};

export default rule;

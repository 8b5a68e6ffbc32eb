/** The opposite confusion: a 409, 412 or 423 whose message says an earlier required action failed. */
import * as knowledge from '../../knowledge';
import type { Rule } from './rule';
import { describe, messageWords } from './rule';

const candidates = new Set([409, 412, 423]);

const rule: Rule = {
  id: 'failed-prerequisite-not-424',
  check(site) {
    if (site.code === undefined || !candidates.has(site.code)) return undefined;
    const phrase = knowledge.phrases.failedPrerequisite.find(messageWords(site));
    if (phrase === undefined) return undefined;
    return {
      message: `${describe(site.code)} is used where an earlier required action failed ("${phrase}"). That is what 424 Failed Dependency reports.`,
      replacements: [{ code: 424, preferred: true }],
    };
  },
};

export default rule;

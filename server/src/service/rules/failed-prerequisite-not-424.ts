/** The opposite confusion: a 409, 412 or 423 whose message says an earlier required action failed. */
import * as knowledge from '../../knowledge';
import type { Rule } from './rule';
import { describe, messageWords, once } from './rule';

const candidates = new Set([409, 412, 423]);
/** The memo key of the phrase found (a PhraseSet itself keys whether it matches). */
const FOUND = Symbol('failed prerequisite found');

const rule: Rule = {
  id: 'failed-prerequisite-not-424',
  check(site) {
    if (site.code === undefined || !candidates.has(site.code)) return undefined;
    const words = messageWords(site);
    const phrase = once(words, FOUND, () => knowledge.phrases.failedPrerequisite.find(words));
    if (phrase === undefined) return undefined;
    return {
      message: `${describe(site.code)} is used where an earlier required action failed ("${phrase}"). That is what 424 Failed Dependency reports.`,
      replacements: [{ code: 424, preferred: true }],
    };
  },
};

export default rule;

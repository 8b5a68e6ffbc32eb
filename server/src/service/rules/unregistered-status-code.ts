/** A code outside the IANA registry, or a response key OpenAPI does not allow. */
import * as knowledge from '../../knowledge';
import type { Rule } from './rule';

const validRange = /^[1-5]XX$/;

const rule: Rule = {
  id: 'unregistered-status-code',
  check(site) {
    if (site.code !== undefined) {
      if (knowledge.isRegistered(site.code)) return undefined;
      const cls = knowledge.classOf(site.code);
      const where = cls ? ` It is in the ${cls.name} class, but no standard defines it` : ' Status codes run from 100 to 599';
      return {
        message: `${site.code} is not a registered HTTP status code.${where}; clients may treat it as ${cls ? `${Math.floor(site.code / 100)}00` : 'an error'}.`,
        replacements: [],
      };
    }
    if (site.spelling.kind !== 'key' || site.text === 'default' || validRange.test(site.text)) return undefined;
    const upper = site.text.toUpperCase();
    const replacements = validRange.test(upper) ? [{ code: upper, preferred: true }] : [];
    return {
      message: `"${site.text}" is not a valid response key: use a status code (e.g. 404), a range (1XX to 5XX) or default.`,
      replacements,
    };
  },
};

export default rule;

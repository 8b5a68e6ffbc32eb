/**
 * A status a handler sets, returns or raises that the OpenAPI operation of its route does not declare: the
 * spec (and the clients and docs made from it) does not know the handler can answer so.
 */
import * as knowledge from '../../knowledge';
import { type ProjectHit, type ProjectRule, declares, operationName } from './projectRule';
import { describe } from './rule';

const rule: ProjectRule = {
  id: 'status-not-in-spec',
  check(uri, facts, options) {
    const hits: ProjectHit[] = [];
    const seen = new Set<number>();
    for (const route of facts.routesOf(uri)) {
      if (!route.handler || route.unknown) continue;
      const joined = facts.operationsFor(route);
      if (!('operations' in joined) || joined.operations.length === 0) continue;
      for (const site of facts.sitesIn(uri, route.handler)) {
        const code = site.code;
        // One finding per site, even when two routes share a handler.
        if (code === undefined || seen.has(site.start)) continue;
        if (joined.operations.some((operation) => declares(operation, code, options['status-not-in-spec']))) continue;
        seen.add(site.start);
        const operation = joined.operations[0];
        const declared = joined.operations.flatMap((o) => o.responses.map((r) => r.key));
        hits.push({
          site,
          message: `${describe(code)} is not declared by ${joined.operations.map(operationName).join(', ')}${
            declared.length > 0 ? ` (it declares ${[...new Set(declared)].join(', ')})` : ''
          }: clients and docs generated from the spec do not expect it.`,
          related: joined.operations.map((o) => ({ uri: o.uri, ...o.at, message: `the operation ${o.method} ${o.path}` })),
          replacements: closeCodes(code, declared).map((c) => ({ code: c, preferred: false, why: 'declared by the operation' })),
          addResponse: operation.insertion ? { operation, code } : undefined,
        });
      }
    }
    return hits;
  },
};

/** Declared codes close to the one used: of the same class, and named by the knowledge as a code it is confused with (424 and 409). */
function closeCodes(code: number, declared: string[]): number[] {
  const sameClass = [...new Set(declared)].filter((k) => /^[1-5][0-9][0-9]$/.test(k) && k[0] === String(code)[0]).map(Number);
  const contrasts = new Set((knowledge.explanationOf(code)?.notToBeConfusedWith ?? []).map((c) => c.code));
  const confused = sameClass.filter((c) => contrasts.has(c));
  return confused;
}

export default rule;

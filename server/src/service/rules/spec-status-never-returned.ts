/**
 * A code an operation declares that none of its handlers produces: dead documentation, or a handler that lost
 * a branch. Codes frameworks and middleware answer with on their own are exempt (by default knowledge's
 * frameworkCodes; the rule's `exempt` option replaces them), and so is a 200 when the handlers set no success code (a body returned as is answers 200).
 */
import { describe } from './rule';
import type { ProjectHit, ProjectRule } from './projectRule';

const rule: ProjectRule = {
  id: 'spec-status-never-returned',
  check(uri, facts, options) {
    const hits: ProjectHit[] = [];
    const exempt = new Set(options['spec-status-never-returned'].exempt);
    const sites = facts.sitesIn(uri, { start: 0, end: Number.MAX_SAFE_INTEGER });
    for (const operation of facts.operationsOf(uri)) {
      const routes = facts.routesFor(operation);
      // Only an operation whose every handler is read can say what it never produces.
      if (routes.length === 0 || routes.some((r) => !r.handler || r.unknown)) continue;
      const produced = new Set<number>();
      for (const route of routes)
        for (const site of facts.sitesIn(route.uri, route.handler!)) if (site.code !== undefined) produced.add(site.code);
      if (![...produced].some((c) => c >= 200 && c < 300)) produced.add(200);
      for (const response of operation.responses) {
        if (!/^[1-5][0-9][0-9]$/.test(response.key)) continue;
        const code = Number(response.key);
        if (produced.has(code) || exempt.has(code)) continue;
        const site = sites.find((s) => s.start === response.start);
        if (!site) continue;
        hits.push({
          site,
          message: `${describe(code)} is declared by ${operation.method} ${operation.path}, but no handler of it produces it (${routes.length === 1 ? 'its handler' : `its ${routes.length} handlers`} never set${routes.length === 1 ? 's' : ''} ${code}).`,
          related: routes.map((r) => ({ uri: r.uri, ...r.at, message: `the route ${r.method} ${r.path}` })),
          replacements: [],
        });
      }
    }
    return hits;
  },
};

export default rule;

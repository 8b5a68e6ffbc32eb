/**
 * Navigation between a handler's statuses and the OpenAPI operation of its route, over ProjectFacts: the
 * hover line that says whether a status is declared (or why nothing is checked), go to definition from a
 * handler's status to the response key, and find references from a response key or an operation to the
 * handler sites. Pure: the server adds these to its hover, definition and references answers once it holds
 * the project's facts (the workspace model, issue 16).
 */
import type { Location } from 'vscode-languageserver-types';
import type { StatusSite } from '../model';
import type { OperationFact, ProjectFacts, ResponseKey, RouteFact, Span } from '../project';
import { declares, operationName } from '../rules/projectRule';
import type { RuleOptions } from '../settings';

type Coverage = RuleOptions['status-not-in-spec'];
/** What a `default` key covers unless the settings of the file asked about say otherwise. */
const COVERAGE: Coverage = { defaultCovers: 'all' };

interface CodeSpot {
  site: StatusSite;
  route: RouteFact;
}

/** The status site at an offset of a handler file, and the route whose handler holds it. */
function codeSpot(uri: string, offset: number, facts: ProjectFacts): CodeSpot | undefined {
  for (const route of facts.routesOf(uri)) {
    if (!route.handler || offset < route.handler.start || offset > route.handler.end) continue;
    const site = facts.sitesIn(uri, route.handler).find((s) => s.start <= offset && offset <= s.end);
    if (site) return { site, route };
  }
  return undefined;
}

/** The response key or operation (method key) at an offset of a spec. */
function specSpot(uri: string, offset: number, facts: ProjectFacts): { operation: OperationFact; response?: ResponseKey } | undefined {
  for (const operation of facts.operationsOf(uri)) {
    const response = operation.responses.find((r) => r.start <= offset && offset <= r.end);
    if (response) return { operation, response };
    if (operation.at.start <= offset && offset <= operation.at.end) return { operation };
  }
  return undefined;
}

/** Markdown for the hover of a handler's status or a spec's response key; undefined where the project has nothing to say. */
export function projectHover(uri: string, offset: number, facts: ProjectFacts, coverage = COVERAGE): string | undefined {
  const code = codeSpot(uri, offset, facts);
  if (code) {
    const { site, route } = code;
    const joined = facts.operationsFor(route);
    if (!('operations' in joined)) return `Not checked against an OpenAPI spec: ${joined.detail}.`;
    if (site.code === undefined) return undefined;
    const declaring = joined.operations.filter((o) => declares(o, site.code!, coverage));
    if (declaring.length > 0) return `Declared in ${declaring.map((o) => `${fileOf(o.uri)}, ${o.method} ${o.path}`).join('; ')}.`;
    return `Not declared by ${joined.operations.map(operationName).join(', ')}.`;
  }
  const spec = specSpot(uri, offset, facts);
  if (!spec) return undefined;
  const routes = facts.routesFor(spec.operation);
  if (routes.length === 0) return `No route of the project is known to serve ${spec.operation.method} ${spec.operation.path}.`;
  if (!spec.response)
    return `Served by ${routes.map((r) => `${r.method === '*' ? 'every method of' : r.method} ${r.path} (${fileOf(r.uri)})`).join(', ')}.`;
  const sites = producers(spec.operation, spec.response, facts, coverage);
  if (sites.length === 0) return `No handler of ${spec.operation.method} ${spec.operation.path} sets a status this key covers.`;
  return `Returned by ${sites.length} handler site${sites.length === 1 ? '' : 's'} (find references to list them).`;
}

/** Go to definition from a handler's status: the response key that declares it, else the operation. */
export function projectDefinition(uri: string, offset: number, facts: ProjectFacts, coverage = COVERAGE): Location[] {
  const code = codeSpot(uri, offset, facts);
  if (!code || code.site.code === undefined) return [];
  const joined = facts.operationsFor(code.route);
  if (!('operations' in joined)) return [];
  const locations: Location[] = [];
  for (const operation of joined.operations) {
    const exact = operation.responses.find((r) => r.key === String(code.site.code));
    const covering = exact ?? operation.responses.find((r) => declares({ ...operation, responses: [r] }, code.site.code!, coverage));
    const target = covering ?? operation.at;
    const location = locationOf(operation.uri, target, facts);
    if (location) locations.push(location);
  }
  return locations;
}

/** Find references from a response key (the handler sites it covers) or an operation (its routes). */
export function projectReferences(uri: string, offset: number, facts: ProjectFacts, coverage = COVERAGE): Location[] {
  const spec = specSpot(uri, offset, facts);
  if (!spec) return [];
  const found = spec.response
    ? producers(spec.operation, spec.response, facts, coverage).map(({ uri, site }) => locationOf(uri, site, facts))
    : facts.routesFor(spec.operation).map((r) => locationOf(r.uri, r.at, facts));
  return found.filter((l): l is Location => l !== undefined);
}

/** The handler sites of an operation whose code a response key covers. */
function producers(
  operation: OperationFact,
  response: ResponseKey,
  facts: ProjectFacts,
  coverage: Coverage,
): { uri: string; site: StatusSite }[] {
  const only = { ...operation, responses: [response] };
  const found: { uri: string; site: StatusSite }[] = [];
  for (const route of facts.routesFor(operation)) {
    if (!route.handler) continue;
    for (const site of facts.sitesIn(route.uri, route.handler)) {
      if (site.code !== undefined && declares(only, site.code, coverage) && !found.some((f) => f.site === site))
        found.push({ uri: route.uri, site });
    }
  }
  return found;
}

function locationOf(uri: string, span: Span, facts: ProjectFacts): Location | undefined {
  const document = facts.document(uri);
  return document && { uri, range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } };
}

function fileOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

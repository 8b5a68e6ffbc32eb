/**
 * Makes a copy of a real spec with 424 responses at known places, and the truth about them: where each
 * response key is (found again by an independent parser, not by the scanner under test) and which rule, if
 * any, must report it. Real specs almost never use 424, so without this no tool would have findings.
 *
 * Each kind below is one situation the rules tell apart. Kinds that depend on the operation's own words
 * (no dependency context, a batch) get a synthetic operation, inserted between the real path items so the
 * words are known; kinds decided by the response's own description go into real operations.
 */
import { type Node as JsonNode, findNodeAtLocation, parseTree } from 'jsonc-parser';
import { type Document, isMap, isScalar, parseDocument } from 'yaml';

type Json = Record<string, unknown>;

export interface Kind {
  id: string;
  /** The rule that must report the site; null when no finding is the right answer. */
  expected: string | null;
  synthetic: boolean;
  what: string;
}

const NEUTRAL = 'The request could not be completed.';
export const LOCK_REF = 'bench_resource_locked';

export const KINDS: readonly Kind[] = [
  {
    id: 'no-context',
    expected: '424-without-dependency',
    synthetic: true,
    what: 'an operation with nothing that marks a dependency chain',
  },
  { id: 'lock', expected: '424-for-lock', synthetic: false, what: 'description speaks of a locked resource' },
  { id: 'conflict', expected: '424-for-conflict', synthetic: false, what: 'description speaks of a duplicate' },
  { id: 'precondition', expected: '424-for-precondition', synthetic: false, what: 'description speaks of If-Match / ETag' },
  { id: 'upstream', expected: '424-for-upstream-failure', synthetic: false, what: 'description speaks of an upstream service timing out' },
  { id: 'lock-ref', expected: '424-for-lock', synthetic: false, what: '$ref to a named response that speaks of a lock' },
  { id: 'batch', expected: null, synthetic: true, what: 'a batch operation (dependency context)' },
  { id: 'multistatus', expected: null, synthetic: true, what: 'a 207 beside the 424 (dependency context)' },
  { id: 'names-failed', expected: null, synthetic: false, what: 'description names an earlier operation that failed' },
  { id: 'ignored', expected: null, synthetic: true, what: 'no context, silenced with x-http-status-lens-ignore' },
];

const descriptions: Record<string, string> = {
  lock: 'The resource is locked by another user.',
  conflict: 'A resource with the same name already exists.',
  precondition: 'The If-Match header does not match the current ETag of the resource.',
  upstream: 'The upstream billing service timed out.',
  'names-failed': 'Not attempted because a previous operation in this request failed.',
};

export interface TruthSite {
  kind: string;
  expected: string | null;
  /** JSON pointer segments of the response: paths, path, method, responses, 424. */
  pointer: string[];
  /** 1-based, end exclusive, of the key without quotes (the contract of the CLI's JSON output). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface InjectResult {
  spec: Json;
  sites: Omit<TruthSite, 'line' | 'column' | 'endLine' | 'endColumn'>[];
  operations: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** How many sites for a spec with this many operations: enough to matter, spread over the whole file. */
export function siteCount(operations: number): number {
  const wanted = Math.min(100, Math.max(20, Math.round(operations / 30)));
  return Math.ceil(wanted / KINDS.length) * KINDS.length;
}

export function inject(spec: Json): InjectResult {
  const paths = spec.paths as Record<string, Json>;
  const operations: { path: string; method: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item?.[method] as Json | undefined;
      if (op && typeof op === 'object' && op.responses && typeof op.responses === 'object' && !('424' in (op.responses as Json))) {
        operations.push({ path, method, op });
      }
    }
  }
  const total = siteCount(operations.length);
  const isSwagger2 = typeof spec.swagger === 'string';
  const refPrefix = isSwagger2 ? '#/responses/' : '#/components/responses/';
  const named = isSwagger2 ? ((spec.responses ??= {}) as Json) : ((((spec.components ??= {}) as Json).responses ??= {}) as Json);
  named[LOCK_REF] = { description: descriptions.lock };

  const sites: InjectResult['sites'] = [];
  const pathNames = Object.keys(paths);
  const insertions = new Map<number, [string, Json][]>();
  const used = new Set<number>();
  for (let i = 0; i < total; i++) {
    const kind = KINDS[i % KINDS.length];
    const where = (i + 0.5) / total;
    if (kind.synthetic) {
      const after = Math.min(pathNames.length - 1, Math.floor(where * pathNames.length));
      const path = `/bench-injected/${kind.id === 'batch' ? 'batch' : 'widgets'}-${i}`;
      const list = insertions.get(after) ?? [];
      list.push([path, { post: syntheticOperation(kind.id, i) }]);
      insertions.set(after, list);
      sites.push({ kind: kind.id, expected: kind.expected, pointer: ['paths', path, 'post', 'responses', '424'] });
    } else {
      let index = Math.floor(where * operations.length);
      while (used.has(index)) index = (index + 1) % operations.length;
      used.add(index);
      const { path, method, op } = operations[index];
      const response = kind.id === 'lock-ref' ? { $ref: refPrefix + LOCK_REF } : { description: descriptions[kind.id] };
      op.responses = withResponse(op.responses as Json, response);
      sites.push({ kind: kind.id, expected: kind.expected, pointer: ['paths', path, method, 'responses', '424'] });
    }
  }
  const rebuilt: Json = {};
  pathNames.forEach((name, index) => {
    rebuilt[name] = paths[name];
    for (const [path, item] of insertions.get(index) ?? []) rebuilt[path] = item;
  });
  spec.paths = rebuilt;
  return { spec, sites, operations: operations.length };
}

function syntheticOperation(kind: string, i: number): Json {
  const batch = kind === 'batch';
  const responses: Json = { '200': { description: 'OK' } };
  if (kind === 'multistatus') responses['207'] = { description: 'Some of the changes were applied.' };
  const failed: Json = { description: NEUTRAL };
  if (kind === 'ignored') failed['x-http-status-lens-ignore'] = ['424-without-dependency'];
  responses['424'] = failed;
  return {
    operationId: batch ? `bench-apply-widget-batch-${i}` : `bench-update-widget-${i}`,
    summary: batch ? 'Apply a batch of widget changes' : 'Update a widget',
    description: batch ? 'Applies a batch of widget changes in one request.' : 'Updates one widget.',
    tags: ['bench-injected'],
    responses,
  };
}

/** The responses map with a 424 in numeric order, before ranges and `default`. */
function withResponse(responses: Json, response: Json): Json {
  const result: Json = {};
  let placed = false;
  for (const [key, value] of Object.entries(responses)) {
    if (!placed && (!/^\d{3}$/.test(key) || Number(key) > 424)) {
      result['424'] = response;
      placed = true;
    }
    result[key] = value;
  }
  if (!placed) result['424'] = response;
  return result;
}

/** Positions of the injected keys in the JSON text, found with jsonc-parser's tree. */
export function locateJson(text: string, sites: InjectResult['sites']): TruthSite[] {
  const root = parseTree(text);
  if (!root) throw new Error('generated JSON does not parse');
  const lines = lineStarts(text);
  return sites.map((site) => {
    const value = findNodeAtLocation(root, site.pointer);
    const key = (value?.parent as JsonNode | undefined)?.children?.[0];
    if (!key) throw new Error(`injected site not found: ${site.pointer.join(' ')}`);
    return { ...site, ...range(lines, key.offset + 1, key.offset + key.length - 1) };
  });
}

/** Positions of the injected keys in the YAML text, found with the yaml package's document. */
export function locateYaml(text: string, sites: InjectResult['sites']): TruthSite[] {
  const doc: Document = parseDocument(text);
  const lines = lineStarts(text);
  return sites.map((site) => {
    const responses = doc.getIn(site.pointer.slice(0, -1), true);
    const pair = isMap(responses) ? responses.items.find((p) => isScalar(p.key) && String(p.key.value) === '424') : undefined;
    const key = pair && isScalar(pair.key) ? pair.key : undefined;
    if (!key?.range) throw new Error(`injected site not found: ${site.pointer.join(' ')}`);
    const [start, end] = key.range;
    const quoted = text[start] === "'" || text[start] === '"';
    return { ...site, ...range(lines, quoted ? start + 1 : start, quoted ? end - 1 : end) };
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(lines: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lines[low] + 1 };
}

function range(lines: number[], start: number, end: number): Pick<TruthSite, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const a = position(lines, start);
  const b = position(lines, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * The command lines compared on each spec, and how each one's output is checked against the injected
 * truth. Every tool runs as a whole process with the same node, so start-up is part of every figure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SpecFile } from './corpus';
import { LOCK_REF } from './inject';
import { type Floor, binOf, floorScript, root } from './setup';

export type ToolKind = 'ours' | 'peer' | 'floor';

export interface Tool {
  id: string;
  label: string;
  kind: ToolKind;
  /** Peers doing the same job as ours (one rule that finds 424s); the fastest of them is "the fastest peer". */
  oneRule?: boolean;
  appliesTo(spec: SpecFile): boolean;
  command(spec: SpecFile): string[];
  /** Exit codes that mean the tool ran to the end (findings may set 1). */
  okExit: number[];
  /** Null when the output matches the truth; otherwise what differs. Undefined: nothing to check. */
  check?(spec: SpecFile, output: string): { ok: boolean; findings: number; detail: string };
}

const node = process.execPath;
const peerConfig = (name: string) => path.join(root, 'bench', 'peers', name);
const isJson = (spec: SpecFile) => spec.format !== 'yaml';
const isYaml = (spec: SpecFile) => spec.format === 'yaml';
const always = () => true;

function floor(id: Floor, label: string, appliesTo: (spec: SpecFile) => boolean): Tool {
  return { id, label, kind: 'floor', appliesTo, command: (spec) => [node, floorScript(id), spec.file], okExit: [0] };
}

export function tools(): Tool[] {
  const spectral = binOf('@stoplight/spectral-cli', 'spectral');
  const redocly = binOf('@redocly/cli', 'redocly');
  return [
    {
      id: 'ours',
      label: 'http-status-lens CLI, every rule',
      kind: 'ours',
      appliesTo: always,
      command: (spec) => [node, path.join(root, 'dist/cli.js'), 'lint', '--format', 'json', spec.file],
      okExit: [0, 1],
      check: checkOurs,
    },
    {
      id: 'spectral-424',
      label: 'Spectral, one rule (424 responses)',
      kind: 'peer',
      oneRule: true,
      appliesTo: always,
      command: (spec) => [node, spectral, 'lint', '--ruleset', peerConfig('spectral-424.yaml'), '--format', 'json', spec.file],
      okExit: [0, 1],
      // Spectral resolves $refs: a 424 that is a $ref is reported once, at the named response it points to.
      check: (spec, output) => checkPointers(spec, spectralPointers(output), true),
    },
    {
      id: 'redocly-424',
      label: 'Redocly CLI, one rule (424 responses)',
      kind: 'peer',
      oneRule: true,
      appliesTo: always,
      command: (spec) => [node, redocly, 'lint', '--config', peerConfig('redocly-424.yaml'), '--format', 'json', spec.file],
      okExit: [0, 1],
      check: (spec, output) => checkPointers(spec, redoclyPointers(output)),
    },
    {
      id: 'spectral-oas',
      label: 'Spectral, spectral:oas (for scale)',
      kind: 'peer',
      appliesTo: (spec) => spec.format !== 'min.json',
      command: (spec) => [node, spectral, 'lint', '--ruleset', peerConfig('spectral-oas.yaml'), '--format', 'json', spec.file],
      okExit: [0, 1],
      check: (_spec, output) => {
        const findings = parseJson<unknown[]>(output)?.length ?? 0;
        return { ok: true, findings, detail: `${findings} findings (not checked: a different job)` };
      },
    },
    {
      id: 'node',
      label: 'floor: node start-up (node -e 0)',
      kind: 'floor',
      appliesTo: always,
      command: () => [node, '-e', '0'],
      okExit: [0],
    },
    floor('read', 'floor: read the file', always),
    floor('json-parse', 'floor: read + JSON.parse', isJson),
    floor('jsonc-tree', 'floor: read + jsonc-parser parseTree', isJson),
    floor('jsonc-visit', 'floor: read + jsonc-parser visit (no-op)', isJson),
    floor('json-outline', 'floor: read + our JSON outline scanner (no-op)', isJson),
    floor('yaml-document', 'floor: read + yaml parseDocument', isYaml),
    floor('yaml-cst', 'floor: read + yaml Parser (CST)', isYaml),
    floor('yaml-lexer', 'floor: read + yaml Lexer', isYaml),
    floor('yaml-outline', 'floor: read + our YAML outline scanner (no-op)', isYaml),
  ];
}

interface OurFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
}

function checkOurs(spec: SpecFile, output: string): { ok: boolean; findings: number; detail: string } {
  const findings = parseJson<OurFinding[]>(output);
  if (!findings) return { ok: false, findings: 0, detail: 'output is not JSON' };
  const key = (f: OurFinding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`;
  const expected = new Set(spec.truth.filter((s) => s.expected).map((s) => key({ ...s, ruleId: s.expected! })));
  const actual = new Set(findings.map(key));
  const missing = [...expected].filter((k) => !actual.has(k));
  const unexpected = [...actual].filter((k) => !expected.has(k));
  const ok = missing.length === 0 && unexpected.length === 0 && findings.length === expected.size;
  const detail = ok
    ? `${findings.length} = truth (rule + range)`
    : `${missing.length} missing [${missing.slice(0, 3).join('; ')}], ${unexpected.length} unexpected [${unexpected.slice(0, 3).join('; ')}]`;
  return { ok, findings: findings.length, detail };
}

function spectralPointers(output: string): string[][] | undefined {
  const results = parseJson<{ code: string; path: (string | number)[] }[]>(output);
  return results?.filter((r) => r.code === 'response-424').map((r) => r.path.map(String));
}

function redoclyPointers(output: string): string[][] | undefined {
  const report = parseJson<{ problems: { ruleId: string; location: { pointer: string }[] }[] }>(output);
  return report?.problems
    .filter((p) => p.ruleId === 'rule/response-424')
    .map((p) =>
      p.location[0].pointer
        .replace(/^#\//, '')
        .split('/')
        .map((s) => decodeSegment(s)),
    );
}

function decodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a bare % in a path: the segment is not URI-encoded
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The one-rule peers report every 424 response: the set of their JSON pointers must equal the truth's. */
function checkPointers(
  spec: SpecFile,
  pointers: string[][] | undefined,
  refsAtTarget = false,
): { ok: boolean; findings: number; detail: string } {
  if (!pointers) return { ok: false, findings: 0, detail: 'output is not JSON' };
  const join = (p: readonly string[]) => p.join('\u0000');
  const actual = new Set(pointers.map(join));
  const refSites = spec.truth.filter((s) => s.kind === 'lock-ref');
  const atTarget = refsAtTarget ? pointers.filter((p) => p[p.length - 1] === LOCK_REF) : [];
  const expected = spec.truth.filter((s) => !(atTarget.length > 0 && s.kind === 'lock-ref')).map((s) => join(s.pointer));
  const missing = expected.filter((k) => !actual.has(k)).length;
  const unexpected = [...actual].filter((k) => !expected.includes(k) && !atTarget.some((p) => join(p) === k)).length;
  const ok = missing === 0 && unexpected === 0;
  const note = atTarget.length > 0 ? ` (the ${refSites.length} $ref'd ones once, at their target)` : '';
  return {
    ok,
    findings: pointers.length,
    detail: ok ? `${pointers.length}: every injected 424${note}` : `${missing} missing, ${unexpected} unexpected`,
  };
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function readOutput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Where the CLI spends its time on a file: `node --cpu-prof dist/cli.js lint ...`, then the profile's
 * self time per function, mapped back through dist/cli.js.map to the TypeScript file and line.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root } from './setup';

export interface HotSpot {
  selfMs: number;
  percent: number;
  fn: string;
  /** server/src/...ts:line, or the bundled/builtin location when it has no source. selfMs is inclusive in Profile.inclusive. */
  where: string;
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function profileCli(args: string[], dir: string, top = 12): Profile {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, path.join(root, 'dist/cli.js'), ...args], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return readProfile(dir, path.join(root, 'dist/cli.js'), top);
}

export interface Profile {
  /** Busy time sampled (idle excluded). */
  totalMs: number;
  /** Self time per function, highest first. */
  spots: HotSpot[];
  /** Time in our own functions including what they call (server/src and client/src frames only). */
  inclusive: HotSpot[];
}

/** The first .cpuprofile in `dir`, per function, positions in `bundle` mapped through its .map. */
export function readProfile(dir: string, bundle: string, top = 12): Profile {
  const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const map = new SourceMap(`${bundle}.map`);
  const bundleName = path.basename(bundle);
  const place = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let where = url ? `${path.basename(url)}:${lineNumber + 1}` : '(native)';
    if (url.endsWith(`/${bundleName}`)) {
      const original = map.lookup(lineNumber, columnNumber);
      if (original) where = `${original.source}:${original.line + 1}`;
    }
    return { fn: functionName || '(anonymous)', where };
  };
  const places = new Map(profile.nodes.map((node) => [node.id, place(node)]));
  let total = 0;
  const self = new Map<string, { fn: string; where: string; us: number }>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { fn, where } = places.get(node.id)!;
    if (us === 0 || fn === '(idle)') continue;
    total += us;
    const entry = self.get(`${fn}@${where}`) ?? { fn, where, us: 0 };
    entry.us += us;
    self.set(`${fn}@${where}`, entry);
  }
  // Inclusive time: each sample counts once for every distinct own function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { fn, where } = places.get(at)!;
      if (!/^(server|client)\/src\//.test(where)) continue;
      const key = `${fn}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { fn, where, us: 0 };
      entry.us += us;
      inclusive.set(key, entry);
    }
  }
  const rank = (entries: Iterable<{ fn: string; where: string; us: number }>) =>
    [...entries]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ selfMs: e.us / 1000, percent: (100 * e.us) / total, fn: e.fn, where: e.where }));
  return { totalMs: total / 1000, spots: rank(self.values()), inclusive: rank(inclusive.values()) };
}

/** Just enough of the source map format (v3 VLQ mappings) to turn a generated position into a source line. */
export class SourceMap {
  private readonly sources: string[];
  /** Per generated line: [generatedColumn, sourceIndex, sourceLine] sorted by column. */
  private readonly lines: number[][][] = [];

  constructor(file: string) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources: string[]; mappings: string; sourceRoot?: string };
    const base = path.dirname(file);
    this.sources = raw.sources.map((s) => path.relative(root, path.resolve(base, raw.sourceRoot ?? '', s)));
    let source = 0;
    let sourceLine = 0;
    let sourceColumn = 0;
    let name = 0;
    for (const lineText of raw.mappings.split(';')) {
      const segments: number[][] = [];
      let column = 0;
      if (lineText) {
        for (const segment of lineText.split(',')) {
          const values = decodeVlq(segment);
          column += values[0];
          if (values.length >= 4) {
            source += values[1];
            sourceLine += values[2];
            sourceColumn += values[3];
            if (values.length >= 5) name += values[4];
            segments.push([column, source, sourceLine]);
          }
        }
      }
      this.lines.push(segments);
    }
  }

  lookup(line: number, column: number): { source: string; line: number } | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let found = segments[0];
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    return { source: this.sources[found[1]], line: found[2] };
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

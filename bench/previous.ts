/**
 * The run before this one: the JSON the last `npm run bench` wrote, read before this run replaces it. Issue 19
 * asks for each figure beside the previous run's and for the changes that moved it, so the report sets each
 * target's figure beside the previous one, with their ratio, and lists the commits made in between.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Results, Target } from './run';

export interface PreviousRun {
  generatedAt: string;
  /** The commit it measured, when it was a clean one. */
  commit?: string;
  targets: Pick<Target, 'id' | 'measured'>[];
  /** The commits after it, oldest last (`git log --oneline`), subjects shortened. */
  changes: string[];
}

const SUBJECT = 110;

export function previousRun(jsonFile: string, root: string): PreviousRun | undefined {
  let last: Pick<Results, 'generatedAt' | 'versions' | 'targets'>;
  try {
    last = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Results;
  } catch {
    return undefined;
  }
  // versions() writes "0.1.0 (abc1234)", or "(abc1234 + uncommitted changes)" when the tree was not clean.
  const commit = /\(([0-9a-f]{7,40})\)/.exec(last.versions?.['http-status-lens'] ?? '')?.[1];
  let changes: string[] = [];
  if (commit) {
    try {
      changes = execFileSync('git', ['log', '--format=%h %s', `${commit}..HEAD`], { cwd: root, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((line) => (line.length > SUBJECT ? `${line.slice(0, SUBJECT)}…` : line));
    } catch {
      // not a git checkout, or the commit is gone
    }
  }
  return { generatedAt: last.generatedAt, commit, targets: last.targets.map(({ id, measured }) => ({ id, measured })), changes };
}

/** A figure as a target reports it: the first number of its measured text, and the unit after it. */
export function figure(measured: string): { value: number; unit: string } | undefined {
  const match = /(-?\d[\d,]*(?:\.\d+)?)\s*([^\s,(]*)/.exec(measured);
  return match ? { value: Number(match[1].replace(/,/g, '')), unit: match[2] } : undefined;
}

/** This run's figure over the previous one's ("1.04x"), or '–' where either has none or their units differ. */
export function ratioToPrevious(now: string, before: string | undefined): string {
  const a = figure(now);
  const b = before === undefined ? undefined : figure(before);
  if (!a || !b || a.unit !== b.unit || b.value === 0) return '–';
  return `${(a.value / b.value).toFixed(2)}x`;
}

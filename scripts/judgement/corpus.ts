/**
 * The judgement corpus (issue 14): labels in test/judgement/labels.json, excerpts of public repositories
 * under test/judgement/cases/ (git-ignored: the excerpts are third-party code, so only their coordinates —
 * repository, path, commit, line ranges — and a SHA-256 of each excerpt are committed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteRuleId } from '../../server/src/service/rules/rule';

export const ROOT = join(__dirname, '..', '..');
export const JUDGEMENT_DIR = join(ROOT, 'test', 'judgement');
export const LABELS_FILE = join(JUDGEMENT_DIR, 'labels.json');
export const SCHEMA_FILE = join(JUDGEMENT_DIR, 'labels.schema.json');
export const DIGESTS_FILE = join(JUDGEMENT_DIR, 'excerpts.sha256.json');

/** A label's verdict: the site rule expected to report the site. */
export type Expected = SiteRuleId;

export interface JudgementLabel {
  id: string;
  repo: string;
  path: string;
  commit: string;
  lines: string;
  file: string;
  line: number;
  text: string;
  code: number;
  expected: Expected | null;
  pattern?: string;
  reason: string;
  /** The labelling round, when not the first: 2 to 11 are held-out rounds, each labelled before the rules ran on it. */
  round?: number;
}

export function loadLabels(): JudgementLabel[] {
  return (JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as { labels: JudgementLabel[] }).labels;
}

/** Digest of each excerpt as it was when labelled: `file` -> sha256 of its text. */
export function loadDigests(): Record<string, string> {
  return existsSync(DIGESTS_FILE) ? (JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Record<string, string>) : {};
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `"1-12,40-80,95"` -> `[[1, 12], [40, 80], [95, 95]]`. */
export function parseRanges(lines: string): [number, number][] {
  return lines.split(',').map((part) => {
    const [a, b = a] = part.split('-').map(Number);
    return [a, b];
  });
}

/** The excerpt of a file: the ranges in order, a gap between two ranges written as one empty line. */
export function cutExcerpt(source: string, lines: string): string {
  const all = source.split('\n');
  const parts = parseRanges(lines).map(([a, b]) => all.slice(a - 1, b).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The excerpt line (1-based) that holds an original line, or undefined when the ranges leave it out. */
export function excerptLine(lines: string, original: number): number | undefined {
  let line = 0;
  for (const [index, [a, b]] of parseRanges(lines).entries()) {
    if (index > 0) line++;
    if (original >= a && original <= b) return line + (original - a) + 1;
    line += b - a + 1;
  }
  return undefined;
}

export const FAMILY_OF_DIR: Record<string, string> = {
  typescript: 'javascript',
  javascript: 'javascript',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'kotlin',
  csharp: 'csharp',
  php: 'php',
  ruby: 'ruby',
  rust: 'rust',
  openapi: 'openapi',
};

/** The language family of an excerpt, from its folder under cases/. */
export function familyOf(label: Pick<JudgementLabel, 'file'>): string {
  return FAMILY_OF_DIR[label.file.split('/')[1]] ?? 'unknown';
}

/** test/corpus/labels.json: the judged sample. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './corpus';

export const labelsPath = join(root, 'test/corpus/labels.json');

/**
 * A judged token. Keyed by package@version, path (relative to the package root), 1-based line and the
 * token as written (`nth` when the same token occurs more than once on the line).
 */
export interface Label {
  pkg: string;
  path: string;
  line: number;
  text: string;
  nth?: number;
  /** Whether the token, in code, is an HTTP status code. */
  status?: boolean;
  /**
   * For a status code: how it is used. `emit` sets, returns, raises or declares the status of a
   * response; `check` reads or compares one (client code, middleware, tests); `define` spells out a
   * table of codes (constants, enums, reason-phrase maps); `named` is a name that stands for a response
   * with a status (an exception class raised, a builder such as `ResponseEntity.created`).
   */
  use?: 'emit' | 'check' | 'define' | 'named';
  /** Why it is not a status code (or a remark). */
  reason?: string;
}

export interface Labels {
  $comment?: string;
  /** Sites the scanner reported as uses, judged. */
  precision: Label[];
  /** Candidates of the independent search, judged. */
  recall: Label[];
}

export function loadLabels(): Labels {
  if (!existsSync(labelsPath)) return { precision: [], recall: [] };
  return JSON.parse(readFileSync(labelsPath, 'utf8'));
}

export function labelKey(label: Label): string {
  return `${label.pkg}\t${label.path}\t${label.line}\t${label.text}\t${label.nth ?? 1}`;
}

/**
 * Bugs the fuzzers found that are not fixed yet, each with its smallest known input. The properties let an
 * input through only when it fails with one of these (so they keep finding NEW bugs); service.test.ts runs
 * each reproduction as a `todo` test that starts passing when the bug is fixed: then delete the entry.
 */
import type { FuzzDocument } from './arbitraries';

export interface KnownBug {
  id: string;
  summary: string;
  repro: FuzzDocument;
  /** Whether a failure (its message, on its input) is this bug. */
  matches(input: FuzzDocument, message: string): boolean;
}

export const knownBugs: readonly KnownBug[] = [];

export function knownBugOf(input: FuzzDocument, error: unknown): KnownBug | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return knownBugs.find((bug) => bug.matches(input, message));
}

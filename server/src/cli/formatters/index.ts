/**
 * Output formats. Each is told about files one at a time, in order, and writes as it goes (stylish, json,
 * github, sarif), or at the end what it kept aside (junit, whose root element carries the totals).
 */
import type { Format } from '../args';
import type { Counts, Finding } from '../findings';
import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { sarifFormatter } from './sarif';
import { stylishFormatter } from './stylish';

export interface Summary extends Counts {
  files: number;
  /** Findings hidden because the baseline records them. */
  inBaseline: number;
  /** Files --fix rewrote. */
  fixedFiles: number;
}

/** A file's findings, read in order, made as they are read (cli/packedFindings.ts). */
export interface FindingList extends Iterable<Finding> {
  readonly length: number;
}

export interface FileOutput {
  file: string;
  absolute: string;
  findings: FindingList;
  /** The baseline fingerprint of each finding, in the same order. */
  fingerprints: readonly string[];
}

export interface Formatter {
  begin(): string;
  /** The file's output, whole or in parts (written as they come). */
  file(output: FileOutput): string | Iterable<string>;
  /** The end of the output, whole or in parts (junit copies out its suites, kept in a temporary file). */
  end(summary: Summary): string | Iterable<string>;
  /** It prints the findings' fixes (other formats get findings without them: Finding.fixable). */
  printsFixes?: true;
  /**
   * It writes something for a file without findings (junit's passing testcase); the others are not given such
   * files (most files of a --cache re-run: asking each was ~5 ms of it).
   */
  printsCleanFiles?: true;
}

export interface FormatterContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  version: string;
  /** --fix was given (or cannot be: --stdin): stylish does not suggest it. */
  fixing: boolean;
}

export function createFormatter(format: Format, context: FormatterContext): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter();
    case 'sarif':
      return sarifFormatter(context);
    case 'github':
      return githubFormatter(context);
    case 'junit':
      return junitFormatter(context);
    case 'stylish':
      return stylishFormatter(context);
  }
}

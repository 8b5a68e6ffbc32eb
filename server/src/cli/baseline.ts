/**
 * Baselines: `--write-baseline FILE` records today's findings, `--baseline FILE` reports only the ones not
 * recorded. A finding is known by its file, rule and a fingerprint of its line's text (whitespace
 * collapsed; plus the next non-blank line when the line holds nothing but the status code, as an
 * OpenAPI response key does), counted, so edits elsewhere in the file and moved lines keep matching.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import type { FileReport, Finding } from './findings';
import type { Shown } from './packedFindings';
import { relativePosix } from './paths';
import { type DocumentLike, textLength } from '../service';

export const BASELINE_VERSION = 1;

/** file (relative to the baseline, '/'-separated) -> rule id -> fingerprint -> how many. */
type Entries = Record<string, Record<string, Record<string, number>>>;

interface BaselineJson {
  version: number;
  tool: string;
  findings: Entries;
}

/** Line `index` (0-based) of a file's text, without its line break; undefined past the last line. */
export type LineAt = (index: number) => string | undefined;

/**
 * A document's lines as a split at CR, LF and CRLF gives them, read one at a time: a file's fingerprints
 * need a few lines, and a split of a 13 MB spec into its 350,000 lines was ~5% of its lint.
 */
export function lineReader(document: DocumentLike): LineAt {
  let last: number | undefined;
  return (index) => {
    last ??= document.positionAt(textLength(document)).line;
    if (index < 0 || index > last) return undefined;
    const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } });
    return text.replace(/(?:\r\n|\r|\n)$/, '');
  };
}

/** The fingerprint of a finding, from the lines of its file. */
export function fingerprint(lineAt: LineAt, finding: Finding): string {
  const lineIndex = finding.line - 1;
  const line = normalise(lineAt(lineIndex) ?? '');
  let context = line;
  // A line that is only the code (`'424':`, `"424": {`, `424:`) says little: take the line after it too.
  if (/^["']?[\w.]+["']?\s*(?::\s*)?[{[]?$/.test(line)) {
    for (let i = lineIndex + 1, next = lineAt(i); next !== undefined; next = lineAt(++i)) {
      const folded = normalise(next);
      if (folded !== '') {
        context += '\n' + folded;
        break;
      }
    }
  }
  return sha256(`${finding.ruleId}\n${context}`).slice(0, 16);
}

/**
 * node:crypto is loaded for the first fingerprint, not with the CLI: most files have no finding, and a
 * --cache re-run that lints one of them made none, while loading it was ~4 ms of its start.
 */
function sha256(text: string): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/**
 * fingerprint() for the findings of one file, taken in order: a line's fingerprint for a rule is worked out
 * once, not for each of its findings (the 100,000 findings of a one-line spec each folded and hashed its 4 KB).
 */
export function fingerprinter(lineAt: LineAt): (finding: Finding) => string {
  let line = 0;
  let byRule = new Map<string, string>();
  return (finding) => {
    if (finding.line !== line) ((line = finding.line), (byRule = new Map()));
    let print = byRule.get(finding.ruleId);
    if (print === undefined) byRule.set(finding.ruleId, (print = fingerprint(lineAt, finding)));
    return print;
  };
}

/** A line with its white space folded; a very long line (a minified spec) is cut, so hashing stays cheap. */
function normalise(line: string): string {
  return (line.length > 4096 ? line.slice(0, 4096) : line).trim().replace(/\s+/g, ' ');
}

export class Baseline {
  private readonly remaining: Entries;

  private constructor(
    private readonly directory: string,
    entries: Entries,
  ) {
    this.remaining = structuredClone(entries);
  }

  /** Reads a baseline; a missing or malformed file is a usage error. */
  static load(file: string): Baseline {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? String(error));
      throw new UsageError(`cannot read the baseline ${file}: ${reason}`);
    }
    const json = raw as Partial<BaselineJson>;
    if (
      typeof json !== 'object' ||
      json === null ||
      json.version !== BASELINE_VERSION ||
      typeof json.findings !== 'object' ||
      json.findings === null
    ) {
      throw new UsageError(`${file} is not a baseline written by this version of http-status-lens (write it again with --write-baseline)`);
    }
    return new Baseline(path.dirname(path.resolve(file)), json.findings);
  }

  /** The findings of a report that the baseline does not account for, with their fingerprints. */
  newFindings(report: FileReport): Shown {
    const key = relativePosix(this.directory, report.absolute) ?? report.absolute;
    const known = this.remaining[key];
    if (!known) return report;
    return report.findings.select(report.fingerprints, (finding, print) => {
      const byPrint = known[finding.ruleId];
      if (!byPrint || !byPrint[print]) return true;
      byPrint[print]--;
      return false;
    });
  }

  /** How many recorded findings no longer occur (the baseline can be written again to drop them). */
  unmatched(): number {
    let count = 0;
    for (const rules of Object.values(this.remaining))
      for (const prints of Object.values(rules)) for (const n of Object.values(prints)) count += n;
    return count;
  }
}

/** Collects findings for --write-baseline. */
export class BaselineWriter {
  private readonly entries: Entries = {};
  private count = 0;

  constructor(private readonly file: string) {}

  add(report: FileReport): void {
    if (report.findings.length === 0) return;
    const key = relativePosix(path.dirname(path.resolve(this.file)), report.absolute) ?? report.absolute;
    const rules = (this.entries[key] ??= {});
    let i = 0;
    for (const finding of report.findings) {
      const prints = (rules[finding.ruleId] ??= {});
      prints[report.fingerprints[i]] = (prints[report.fingerprints[i]] ?? 0) + 1;
      this.count++;
      i++;
    }
  }

  /** Writes the file (keys sorted, so it diffs well); returns how many findings it holds. */
  write(): number {
    const sorted: Entries = {};
    for (const file of Object.keys(this.entries).sort()) {
      sorted[file] = {};
      for (const rule of Object.keys(this.entries[file]).sort()) {
        sorted[file][rule] = Object.fromEntries(Object.entries(this.entries[file][rule]).sort(([a], [b]) => (a < b ? -1 : 1)));
      }
    }
    const json: BaselineJson = { version: BASELINE_VERSION, tool: 'http-status-lens', findings: sorted };
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(json, null, 2) + '\n');
    return this.count;
  }
}

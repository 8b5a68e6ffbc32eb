/**
 * Findings as the CLI reports them: the JSON contract of DESIGN.md (1-based positions, as editors and CI
 * annotations expect), and what linting one file produces.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../service';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface FindingEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: SeverityName;
  message: string;
  fixes: { title: string; isPreferred: boolean; edits: FindingEdit[] }[];
  /** Where the evidence the finding rests on stands (the call, condition or exception it quotes), 1-based. */
  related?: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/** What linting one file gives; made in a worker or in the main thread, so plain data only. */
export interface FileReport {
  /** Position in the list of files: reports are printed in this order whatever order they finish in. */
  index: number;
  file: string;
  absolute: string;
  findings: Finding[];
  /** Baseline fingerprint of each finding (same order). */
  fingerprints: string[];
  /** Informational lines for stderr (a skipped file, a fix not applied). */
  notes: string[];
  /** An I/O error: the run ends with exit code 2. */
  error?: string;
  /** --fix wrote the file. */
  fixed?: boolean;
  /** --fix-dry-run: the unified diff of what --fix would write. */
  diff?: string;
}

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function toFinding(file: string, d: Diagnostic): Finding {
  const finding: Finding = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    ruleId: String(d.code),
    severity: severityNames[d.severity ?? DiagnosticSeverity.Warning],
    message: d.message,
    fixes: ((d.data as DiagnosticData | undefined)?.fixes ?? [])
      .filter((fix) => fix.edit?.changes)
      .map((fix) => ({
        title: fix.title,
        isPreferred: fix.isPreferred === true,
        edits: Object.values(fix.edit!.changes!)
          .flat()
          .map((e) => ({
            line: e.range.start.line + 1,
            column: e.range.start.character + 1,
            endLine: e.range.end.line + 1,
            endColumn: e.range.end.character + 1,
            text: e.newText,
          })),
      })),
  };
  if (d.relatedInformation && d.relatedInformation.length > 0)
    finding.related = d.relatedInformation.map((r) => ({
      line: r.location.range.start.line + 1,
      column: r.location.range.start.character + 1,
      endLine: r.location.range.end.line + 1,
      endColumn: r.location.range.end.character + 1,
      message: r.message,
    }));
  return finding;
}

/** Whether --fix would apply a fix for this finding (hints are suggestions and are left alone). */
export function isFixable(finding: Finding): boolean {
  return finding.severity !== 'hint' && finding.fixes.some((fix) => fix.isPreferred && fix.edits.length > 0);
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function countFindings(findings: readonly Finding[], into: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 }): Counts {
  for (const f of findings) {
    if (f.severity === 'error') into.errors++;
    else if (f.severity === 'warning') into.warnings++;
    else into.infos++;
    if (isFixable(f)) into.fixable++;
  }
  return into;
}

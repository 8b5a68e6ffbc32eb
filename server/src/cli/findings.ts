/**
 * Findings as the CLI reports them: the JSON contract of DESIGN.md (1-based positions, as editors and CI
 * annotations expect), and what linting one file produces.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../service';
import type { FileFacts } from '../workspace/model';
import type { PackedFindings } from './packedFindings';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface FindingEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  /** The file the edit is in, when not the finding's own (status-not-in-spec's fix edits the spec). */
  file?: string;
}

/**
 * A place the finding rests on (SARIF relatedLocations, LSP relatedInformation): its evidence in the same file,
 * or a place in another file (`file`), such as the spec operation of a project rule.
 */
export interface RelatedPlace {
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
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
  related?: RelatedPlace[];
  /**
   * Whether --fix would fix it, set (with `fixes` left empty) where the run prints no fix (stylish, github,
   * junit): the fixes of 100,000 findings in one spec are 40 MB. Never printed: the formats that print one
   * finding whole have its fixes.
   */
  fixable?: boolean;
}

/** What linting one file gives; made in a worker or in the main thread, so plain data only. */
export interface FileReport {
  /** Position in the list of files: reports are printed in this order whatever order they finish in. */
  index: number;
  file: string;
  absolute: string;
  findings: PackedFindings;
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
  /** The file's carrier facts, read beside its scan in a run that collects them (workers.ts). */
  facts?: FileFacts;
}

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * A diagnostic as a finding. `here` says which document it is from and how other files are printed, for the
 * edits and related places of a diagnostic that reaches into another file (the project rules). `share` keeps
 * one copy of each text (see sharedTexts).
 */
export function toFinding(
  file: string,
  d: Diagnostic,
  here?: { uri: string; display(uri: string): string },
  share: (text: string) => string = (text) => text,
  withFixes = true,
): Finding {
  // Every object is written out whole, none spread: in V8, a spread copy that gains members gets a hidden class
  // of its own, ~250 bytes for each edit and related place (a third of a one-line spec's 100,000 findings).
  const elsewhere = (uri: string) => (here && uri !== here.uri ? here.display(uri) : undefined);
  const finding: Finding = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    ruleId: String(d.code),
    severity: severityNames[d.severity ?? DiagnosticSeverity.Warning],
    message: share(d.message),
    fixes: (withFixes ? ((d.data as DiagnosticData | undefined)?.fixes ?? []) : [])
      .filter((fix) => fix.edit?.changes)
      .map((fix) => ({
        title: share(fix.title),
        isPreferred: fix.isPreferred === true,
        edits: ([] as FindingEdit[]).concat(
          ...Object.entries(fix.edit!.changes!).map(([uri, edits]) => {
            const other = elsewhere(uri);
            return edits.map((e) => {
              const { line, column, endLine, endColumn } = oneBased(e.range);
              const edit: FindingEdit = { line, column, endLine, endColumn, text: share(e.newText) };
              if (other !== undefined) edit.file = other;
              return edit;
            });
          }),
        ),
      })),
  };
  // Where the evidence stands (the call, condition or exception it quotes), and the places in other files it
  // reaches (the spec operation of a project rule): those name their file.
  const related = d.relatedInformation?.map((r): RelatedPlace => {
    const other = elsewhere(r.location.uri);
    const { line, column, endLine, endColumn } = oneBased(r.location.range);
    const message = share(r.message);
    return other === undefined ? { line, column, endLine, endColumn, message } : { file: other, line, column, endLine, endColumn, message };
  });
  if (related && related.length > 0) finding.related = related;
  if (!withFixes)
    finding.fixable = ((d.data as DiagnosticData | undefined)?.fixes ?? []).some(
      (fix) => fix.isPreferred === true && Object.values(fix.edit?.changes ?? {}).some((edits) => edits.length > 0),
    );
  return finding;
}

/**
 * One copy of each text among a file's findings: their messages, fix titles and edits are the same few texts
 * (one per rule and code and quoted evidence), each otherwise built anew for every finding, ~500 bytes apiece.
 */
export function sharedTexts(): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    kept.set(text, text);
    return text;
  };
}

function oneBased(range: Diagnostic['range']): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Whether --fix would apply a fix for this finding (hints are suggestions and are left alone). */
export function isFixable(finding: Finding): boolean {
  return finding.severity !== 'hint' && (finding.fixable ?? finding.fixes.some((fix) => fix.isPreferred && fix.edits.length > 0));
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

/** Adds one finding to the counts (PackedFindings counts each as it is packed). */
export function countFinding(f: Finding, into: Counts): void {
  if (f.severity === 'error') into.errors++;
  else if (f.severity === 'warning') into.warnings++;
  else into.infos++;
  if (isFixable(f)) into.fixable++;
}

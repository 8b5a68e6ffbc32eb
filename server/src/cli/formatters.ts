/** Output formats of the CLI. Positions are 1-based, as editors and CI annotations expect. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../service';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  fixes: { title: string; isPreferred: boolean; edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[] }[];
}

const severityNames: Record<DiagnosticSeverity, Finding['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function toFindings(results: readonly FileResult[]): Finding[] {
  return results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
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
          edits: Object.values(fix.edit!.changes!).flat().map((e) => ({
            line: e.range.start.line + 1,
            column: e.range.start.character + 1,
            endLine: e.range.end.line + 1,
            endColumn: e.range.end.character + 1,
            text: e.newText,
          })),
        })),
    })),
  );
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}

export function formatStylish(findings: readonly Finding[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint('4', f.file));
      current = f.file;
    }
    const severity = f.severity === 'error' ? paint('31', 'error  ') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', f.severity.padEnd(7));
    lines.push(`  ${f.file}:${f.line}:${f.column}  ${severity}  ${f.message}  ${paint('2', f.ruleId)}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  if (findings.length > 0) lines.push('');
  const summary = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} infos)`;
  lines.push(findings.length === 0 ? 'No problems found.' : paint(count('error') > 0 ? '31' : '33', summary));
  return lines.join('\n') + '\n';
}

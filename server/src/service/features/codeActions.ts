/** Quick fixes: read from each diagnostic's data; the document is not analysed again. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from './validation';
import { SOURCE } from './validation';

export function doCodeActions(diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !isData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes) actions.push({ ...fix, diagnostics: [diagnostic] });
  }
  return actions;
}

function isData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as DiagnosticData).fixes);
}

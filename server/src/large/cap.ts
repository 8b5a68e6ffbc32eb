/**
 * The findings a check hands to the editor, at most MAX_PUBLISHED (as LSP servers' `maxNumberOfProblems`):
 * nobody reads 30,000 squiggles, and each costs the server's thread time to send that requests on other
 * documents would wait behind. The rest are counted in one note; the CLI lists them all. Capped where the
 * check runs: copying 30,000 diagnostics out of the worker would block the server's thread as long as
 * checking them.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../service';

export const MAX_PUBLISHED = 1000;

/** The first MAX_PUBLISHED diagnostics, and a note on the first left out saying how many are. */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED) return diagnostics;
  const rest = diagnostics.length - MAX_PUBLISHED;
  return [
    ...diagnostics.slice(0, MAX_PUBLISHED),
    {
      range: diagnostics[MAX_PUBLISHED].range,
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `${rest} more finding${rest === 1 ? '' : 's'} in this file ${rest === 1 ? 'is' : 'are'} not shown (the editor gets the first ${MAX_PUBLISHED}); \`npx http-status-lens lint\` lists them all.`,
    },
  ];
}

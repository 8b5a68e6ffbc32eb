/** "Show documentation for <rule>": one action per rule among the diagnostics, for a client that opens the page itself. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { ruleIds } from '../rules';
import { SOURCE } from './validation';

export function documentationActions(diagnostics: readonly Diagnostic[], command: string): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const id = diagnostic.code;
    if (diagnostic.source !== SOURCE || typeof id !== 'string' || seen.has(id) || !(ruleIds as readonly string[]).includes(id)) continue;
    seen.add(id);
    actions.push({
      title: `Show documentation for ${id}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${id}`, command, arguments: [id] },
    });
  }
  return actions;
}

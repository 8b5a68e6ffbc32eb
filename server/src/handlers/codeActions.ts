/**
 * Code actions: the quick fixes of the diagnostics in the request (with, for a client that can show it, the
 * rule's documentation beside them), and, when asked for by kind, fix-all from the server's own check.
 */
import type { CodeAction, CodeActionParams, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../protocol';
import type { LanguageService } from '../service';
import { servedDocument } from './documents';
import type { SettingsStore } from './settings';

export async function onCodeAction(
  params: CodeActionParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  documentationCommand?: string,
): Promise<CodeAction[]> {
  if (!documents.get(params.textDocument.uri)) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    actions.push(...service.doCodeActions(params.context.diagnostics));
    if (documentationCommand) actions.push(...service.documentationActions(params.context.diagnostics, documentationCommand));
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const document = await servedDocument(params.textDocument.uri, documents, service, settings);
    if (!document) return actions;
    const fixed = service.doFixAll(document, await settings.get(document.uri));
    if (fixed.edits.length > 0)
      actions.push({ title: 'Fix all HTTP Status Lens problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: fixed.edits } } });
  }
  return actions;
}

/** Whether a request limited to `only` (none: every kind) takes actions of `kind` (a kind covers its sub-kinds). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

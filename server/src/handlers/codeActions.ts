/**
 * Code actions: the quick fixes of the diagnostics in the request (with, for a client that can show it, the
 * rule's documentation beside them), and fix-all from the server's own check: as `source.fixAll` when asked
 * for by kind, and among the quick fixes of a finding when the file has more than one fix to apply (as
 * ESLint's "Fix all auto-fixable problems"), unless the file is large (its check is then not instant).
 */
import type { CodeAction, CodeActionParams, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { servedDocument } from '../documents/served';
import { isLarge } from '../large';
import { FIX_ALL_KIND } from '../protocol';
import type { Session } from '../session';

export async function onCodeAction(params: CodeActionParams, session: Session): Promise<CodeAction[]> {
  const { documents, service, settings, diagnostics } = session;
  const documentationCommand = session.client.documentationCommand;
  const open = documents.get(params.textDocument.uri);
  const requested = params.context?.diagnostics;
  if (!open || !Array.isArray(requested)) return [];
  const only = params.context.only;
  const fixAll = async () => {
    const document = await servedDocument(open.uri, session);
    return document && service.doFixAll(document, await settings.get(document.uri));
  };
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    // Fixes come from the diagnostics the server published for the document, matched to those the client names.
    const quickFixes = service.doCodeActions(open, requested, diagnostics.published(open.uri));
    actions.push(...quickFixes);
    // Beside a finding's own fix only (one the server published), never for a diagnostic it does not know.
    if (quickFixes.length > 0 && !isLarge(open)) {
      const fixed = await fixAll();
      if (fixed && fixed.fixed > 1) actions.push(fixAllAction(open.uri, fixed.edits, CodeActionKind.QuickFix));
    }
    if (documentationCommand) actions.push(...service.documentationActions(requested, documentationCommand));
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixed = await fixAll();
    if (fixed && fixed.edits.length > 0) actions.push(fixAllAction(open.uri, fixed.edits, FIX_ALL_KIND));
  }
  return actions;
}

function fixAllAction(uri: string, edits: TextEdit[], kind: string): CodeAction {
  return { title: 'Fix all HTTP Status Lens problems in this file', kind, edit: { changes: { [uri]: edits } } };
}

/** Whether a request limited to `only` (none: every kind) takes actions of `kind` (a kind covers its sub-kinds). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

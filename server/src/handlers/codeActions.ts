import type { CodeAction, CodeActionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import type { DiagnosticsPublisher } from './diagnostics';

/** Fixes come from the diagnostics the server published for the document, matched to those the client names. */
export function onCodeAction(
  params: CodeActionParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  diagnostics: DiagnosticsPublisher,
): CodeAction[] {
  const document = documents.get(params.textDocument.uri);
  const requested = params.context?.diagnostics;
  if (!document || !Array.isArray(requested)) return [];
  return service.doCodeActions(document, requested, diagnostics.published(document.uri));
}

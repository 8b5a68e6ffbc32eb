import type { CodeAction, CodeActionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';

export function onCodeAction(params: CodeActionParams, documents: TextDocuments<TextDocument>, service: LanguageService): CodeAction[] {
  if (!documents.get(params.textDocument.uri)) return [];
  return service.doCodeActions(params.context.diagnostics);
}

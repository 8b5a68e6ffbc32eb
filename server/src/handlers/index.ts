/** Every LSP request and notification the server answers, one line each. */
import type { Connection, InitializeResult, TextDocuments } from 'vscode-languageserver/node';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleId } from '../service/rules';
import { type EditLog, getLanguageService } from '../service';
import { onCodeAction } from './codeActions';
import { onCompletion } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { onHover } from './hover';
import { SettingsStore } from './settings';

export function registerHandlers(connection: Connection, documents: TextDocuments<TextDocument>, edits?: EditLog): void {
  const faulted = new Set<RuleId>();
  const service = getLanguageService({
    edits,
    onRuleFault: (id, error) => {
      if (faulted.has(id)) return;
      faulted.add(id);
      connection.console.error(
        `Rule ${id} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    },
  });
  const settings = new SettingsStore(connection);
  const diagnostics = new DiagnosticsPublisher(connection, documents, service, settings);

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params.capabilities, params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', ' ', '.', ':', '=', "'", '"'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'http-status-lens' },
    };
  });
  connection.onInitialized(() => settings.register());
  settings.onDidChange(() => diagnostics.revalidateAll());
  connection.onDidChangeConfiguration((params) => {
    settings.push(params.settings);
    diagnostics.revalidateAll();
  });

  connection.onHover((params, token) => onHover(params, documents, service, settings, token));
  connection.onCompletion((params, token) => onCompletion(params, documents, service, settings, token));
  connection.onCodeAction((params) => onCodeAction(params, documents, service));
  documents.onDidOpen((event) => diagnostics.schedule(event.document, 0));
  documents.onDidChangeContent((event) => diagnostics.schedule(event.document));
  documents.onDidClose((event) => {
    diagnostics.clear(event.document.uri);
    settings.forget(event.document.uri);
    service.forget(event.document.uri);
    edits?.forget(event.document.uri);
  });
}

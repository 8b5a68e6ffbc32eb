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
import type { ScanWorker } from './scanWorker';
import { SettingsStore } from './settings';
import { LINT_WORKSPACE_COMMAND, WorkspaceHandler } from './workspace';

export function registerHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  edits?: EditLog,
  scanWorker?: ScanWorker,
): void {
  const faulted = new Set<RuleId>();
  const reportFault = (id: RuleId, error: unknown) => {
    if (faulted.has(id)) return;
    faulted.add(id);
    connection.console.error(
      `Rule ${id} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  };
  // Issue 16: the workspace's carriers, indexed in the background; the service reads them.
  const workspace = new WorkspaceHandler();
  const service = getLanguageService({ edits, onRuleFault: reportFault, carriers: workspace.model });
  scanWorker?.connect(service, reportFault);
  const settings = new SettingsStore(connection);
  const diagnostics = new DiagnosticsPublisher(connection, documents, service, settings, scanWorker);
  workspace.connect({ connection, documents, service, settings, diagnostics });

  // Whether the client asks for an item's documentation when it shows the item (completionItem/resolve).
  let lazyDocumentation = false;
  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params.capabilities, params);
    lazyDocumentation =
      params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', ' ', '.', ':', '=', "'", '"'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...workspace.initialize(params),
      },
      serverInfo: { name: 'http-status-lens' },
    };
  });
  connection.onInitialized(() => {
    settings.register();
    // The connection keeps one didChangeWatchedFiles handler: this one, for the settings and the workspace.
    connection.onDidChangeWatchedFiles((params) => {
      settings.watched(params.changes);
      workspace.watched(params.changes);
    });
    workspace.start();
  });
  connection.onCodeLens((params) => workspace.codeLens(params.textDocument.uri));
  connection.onExecuteCommand((params) => (params.command === LINT_WORKSPACE_COMMAND ? workspace.lintWorkspace() : undefined));
  // Open documents get pushed diagnostics; the pull answers for them are empty so nothing shows twice.
  connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
  connection.languages.diagnostics.onWorkspace((params, token) => workspace.workspaceDiagnostics(params.previousResultIds, token));
  connection.onShutdown(() => workspace.stop());
  settings.onDidChange(() => diagnostics.revalidateAll());
  connection.onDidChangeConfiguration((params) => {
    settings.push(params.settings);
    diagnostics.revalidateAll();
  });

  connection.onHover((params, token) => onHover(params, documents, service, settings, scanWorker, token));
  connection.onCompletion((params, token) => onCompletion(params, documents, service, settings, lazyDocumentation, scanWorker, token));
  connection.onCompletionResolve((item) => service.resolveCompletion(item));
  connection.onCodeAction((params) => onCodeAction(params, documents, service));
  documents.onDidOpen((event) => {
    scanWorker?.opened(event.document);
    diagnostics.schedule(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    diagnostics.schedule(event.document);
    workspace.edited(event.document);
  });
  documents.onDidClose((event) => {
    diagnostics.clear(event.document.uri);
    settings.forget(event.document.uri);
    service.forget(event.document.uri);
    edits?.forget(event.document.uri);
    scanWorker?.closed(event.document.uri);
    workspace.closed(event.document.uri);
  });
}

/** Every LSP request and notification the server answers, one line each. */
import type { Connection, InitializeResult, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleId } from '../service';
import { Commands, FIX_ALL_KIND, type InitializationOptions, LINT_WORKSPACE_COMMAND, STATUS_REQUEST, type StatusParams } from '../protocol';
import { type EditLog, getLanguageService } from '../service';
import { onCodeAction } from './codeActions';
import { onCompletion } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { onHover } from './hover';
import { OpenProject } from './project';
import type { ScanWorker } from './scanWorker';
import { type ConfigSource, SettingsStore } from './settings';
import { onStatus } from './status';
import type { WorkspaceHandler } from './workspace';

export interface HandlerOptions {
  /** Where config files come from; without one, the editor settings alone apply. */
  configSource?: ConfigSource;
  edits?: EditLog;
  /** Checks large documents in a thread of their own (desktop); without one, they are checked in this one. */
  scanWorker?: ScanWorker;
  /** The workspace's carriers, indexed in the background from disk (desktop; issue 16); without it, one file at a time. */
  workspace?: WorkspaceHandler;
}

export function registerHandlers(connection: Connection, documents: TextDocuments<TextDocument>, options: HandlerOptions = {}): void {
  const { configSource, edits, scanWorker, workspace } = options;
  const faulted = new Set<RuleId>();
  const reportFault = (id: RuleId, error: unknown) => {
    if (faulted.has(id)) return;
    faulted.add(id);
    connection.console.error(
      `Rule ${id} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  };
  const service = getLanguageService({ edits, onRuleFault: reportFault, carriers: workspace?.model });
  scanWorker?.connect(service, reportFault);
  const settings = new SettingsStore(connection, configSource);
  // Issue 17: handlers and specs joined over the open documents, until the workspace model holds the project.
  const project = new OpenProject(documents, service, (message) => connection.console.error(message));
  /** One refresh of the other documents after a burst of changes to a spec or a file with routes. */
  let refresh: NodeJS.Timeout | undefined;
  const refreshed = new Set<string>();
  const refreshOthers = (changed: string) => {
    refreshed.add(changed);
    clearTimeout(refresh);
    refresh = setTimeout(() => {
      for (const other of documents.all()) if (!refreshed.has(other.uri)) diagnostics.schedule(other, 0);
      refreshed.clear();
    }, 300);
  };
  const diagnostics = new DiagnosticsPublisher(connection, documents, service, settings, scanWorker, (document, s) =>
    project.diagnostics(document, s),
  );
  workspace?.connect({ connection, documents, service, settings, diagnostics });

  // Whether the client asks for an item's documentation when it shows the item (completionItem/resolve).
  let lazyDocumentation = false;
  // The command of "Show documentation for <rule>", when the client carries it out.
  let documentationCommand: string | undefined;
  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (Array.isArray(options.clientCommands) && options.clientCommands.includes(Commands.showRuleDocumentation))
      documentationCommand = Commands.showRuleDocumentation;
    settings.initialize(params.capabilities, params);
    lazyDocumentation =
      params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', ' ', '.', ':', '=', "'", '"'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        definitionProvider: true,
        referencesProvider: true,
        ...workspace?.initialize(params),
      },
      serverInfo: { name: 'http-status-lens' },
    };
  });
  connection.onInitialized(() => {
    settings.register();
    // The connection keeps one didChangeWatchedFiles handler: this one, for the settings and the workspace.
    connection.onDidChangeWatchedFiles((params) => {
      settings.watched(params.changes);
      workspace?.watched(params.changes);
    });
    workspace?.start();
  });
  connection.onCodeLens((params) => workspace?.codeLens(params.textDocument.uri) ?? []);
  connection.onExecuteCommand((params) => (params.command === LINT_WORKSPACE_COMMAND ? workspace?.lintWorkspace() : undefined));
  // Open documents get pushed diagnostics; the pull answers for them are empty so nothing shows twice.
  connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
  connection.languages.diagnostics.onWorkspace((params, token) => workspace?.workspaceDiagnostics(params.previousResultIds, token) ?? { items: [] });
  connection.onShutdown(() => workspace?.stop());
  settings.onDidChange(() => diagnostics.revalidateAll());
  connection.onDidChangeConfiguration((params) => {
    settings.push(params.settings);
    diagnostics.revalidateAll();
  });

  connection.onHover(async (params, token) =>
    project.hover(await onHover(params, documents, service, settings, scanWorker, token), params),
  );
  connection.onDefinition((params) => project.definition(params));
  connection.onReferences((params) => project.references(params));
  connection.onCompletion((params, token) => onCompletion(params, documents, service, settings, lazyDocumentation, scanWorker, token));
  connection.onRequest(STATUS_REQUEST, (params: StatusParams) => onStatus(params, documents, service, settings, diagnostics, scanWorker));
  connection.onCompletionResolve((item) => service.resolveCompletion(item));
  connection.onCodeAction((params) => onCodeAction(params, documents, service, settings, diagnostics, documentationCommand));
  // An open is also a change of content (TextDocuments fires both): that one must not debounce the open's check.
  const opening = new Set<string>();
  documents.onDidOpen((event) => {
    scanWorker?.opened(event.document);
    workspace?.opened();
    opening.add(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    diagnostics.schedule(event.document, opening.delete(event.document.uri) ? 0 : undefined);
    // A handler's finding depends on its spec and the other way round.
    if (project.changed(event.document)) refreshOthers(event.document.uri);
    workspace?.edited(event.document);
  });
  documents.onDidClose((event) => {
    diagnostics.clear(event.document.uri);
    if (project.changed(event.document, true)) refreshOthers(event.document.uri);
    settings.forget(event.document.uri);
    service.forget(event.document.uri);
    edits?.forget(event.document.uri);
    scanWorker?.closed(event.document.uri);
    workspace?.closed(event.document.uri);
  });
}

/** initialize, initialized and didChangeConfiguration: what the server offers, and what it learns of the client. */
import type { DidChangeConfigurationParams, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import { Commands, FIX_ALL_KIND, type InitializationOptions } from '../protocol';
import type { Session } from '../session';

export function onInitialize(params: InitializeParams, { settings, workspace, client }: Session): InitializeResult {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (Array.isArray(options.clientCommands) && options.clientCommands.includes(Commands.showRuleDocumentation))
    client.documentationCommand = Commands.showRuleDocumentation;
  settings.initialize(params.capabilities, params);
  client.lazyDocumentation =
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
}

export function onInitialized({ connection, settings, workspace, analysis }: Session): void {
  settings.register();
  // The connection keeps one didChangeWatchedFiles handler: this one, for the settings and the workspace
  // (registered after the settings store's own, which it replaces).
  connection.onDidChangeWatchedFiles((params) => {
    settings.watched(params.changes);
    workspace?.watched(params.changes);
  });
  workspace?.start();
  // Once the index is built: the index's worker and a scan worker side by side added ~14 MB to what stays after.
  void (workspace?.ready ?? Promise.resolve()).then(() => analysis.warmUp());
}

export function onConfigurationChange(params: DidChangeConfigurationParams, { settings, diagnostics }: Session): void {
  settings.push(params.settings);
  diagnostics.revalidateAll();
}

/**
 * One language server over one connection: the parts every handler shares, built once and handed to the
 * handlers (handlers/index.ts) as one object. server.ts (desktop) and browserServer.ts (web) differ only in
 * the options: where config files come from, whether a scan worker can run, whether the workspace is indexed.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createDocuments } from './documents/store';
import { registerHandlers } from './handlers';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { OpenProject } from './handlers/project';
import type { WorkspaceHandler } from './handlers/workspace';
import { type Analysis, type ScanWorker, createAnalysis } from './large';
import { type LanguageService, type RuleId, getLanguageService } from './service';
import { type ConfigSource, SettingsStore } from './editorSettings/store';
import { DiagnosticsOutbox } from './transport/diagnosticsOutbox';
import { InFlight } from './transport/inFlight';

export interface SessionOptions {
  /** Where config files come from; without one, the editor settings alone apply. */
  configSource?: ConfigSource;
  /** Checks large documents in a thread of their own (desktop); without one, they are checked in the server's. */
  worker?: ScanWorker;
  /** The workspace's carriers, indexed in the background from disk (desktop; issue 16); without it, one file at a time. */
  workspace?: WorkspaceHandler;
}

/** What the client said it can do, learned at initialize. */
export interface ClientTraits {
  /** Whether the client asks for an item's documentation when it shows the item (completionItem/resolve). */
  lazyDocumentation: boolean;
  /** The command of "Show documentation for <rule>", when the client carries it out. */
  documentationCommand?: string;
}

export interface Session {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  /** How each document is analysed, large or small (large/). */
  analysis: Analysis;
  settings: SettingsStore;
  diagnostics: DiagnosticsPublisher;
  /** Issue 17: handlers and specs joined over the open documents, until the workspace model holds the project. */
  project: OpenProject;
  workspace?: WorkspaceHandler;
  client: ClientTraits;
  /** The requests being answered (the workspace index waits for them). */
  inFlight: InFlight;
}

/** Builds the session, registers its handlers and starts listening for documents. */
export function startSession(connection: Connection, options: SessionOptions = {}): Session {
  const { configSource, worker, workspace } = options;
  const faulted = new Set<RuleId>();
  const reportFault = (id: RuleId, error: unknown) => {
    if (faulted.has(id)) return;
    faulted.add(id);
    connection.console.error(
      `Rule ${id} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  };
  const service = getLanguageService({ onRuleFault: reportFault, carriers: workspace?.model });
  const analysis = createAnalysis(service, { worker, onRuleFault: reportFault, carriers: workspace?.model });
  const documents = createDocuments(analysis);
  const outbox = new DiagnosticsOutbox(connection);
  const settings = new SettingsStore(connection, configSource, outbox);
  const project = new OpenProject(
    documents,
    service,
    (message) => connection.console.error(message),
    (document) => diagnostics.schedule(document, 0),
  );
  const diagnostics = new DiagnosticsPublisher({
    connection,
    outbox,
    documents,
    service,
    analysis,
    settings,
    crossFile: (document, s) => project.diagnostics(document, s),
  });
  const inFlight = new InFlight();
  workspace?.connect({ connection, outbox, documents, service, settings, diagnostics, project, inFlight });
  if (workspace) project.useSpecsOnDisk(() => workspace.specsOnDisk());
  const session: Session = {
    connection,
    documents,
    service,
    analysis,
    settings,
    diagnostics,
    project,
    workspace,
    client: { lazyDocumentation: false },
    inFlight,
  };
  registerHandlers(session);
  documents.listen(connection);
  return session;
}

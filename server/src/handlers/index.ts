/** Every LSP request and notification the server answers, one line each. */
import { LINT_WORKSPACE_COMMAND, STATUS_REQUEST, type StatusParams } from '../protocol';
import type { Session } from '../session';
import { onCodeAction } from './codeActions';
import { onCompletion } from './completion';
import { onConfigurationChange, onInitialize, onInitialized } from './initialize';
import { onClose, onContentChange, onOpen } from './documentSync';
import { onHover } from './hover';
import { onStatus } from './status';

export function registerHandlers(session: Session): void {
  const { connection, documents, service, settings, diagnostics, project, workspace } = session;
  connection.onInitialize((params) => onInitialize(params, session));
  connection.onInitialized(() => onInitialized(session));
  connection.onDidChangeConfiguration((params) => onConfigurationChange(params, session));
  connection.onShutdown(() => workspace?.stop());
  settings.onDidChange(() => diagnostics.revalidateAll());
  documents.onDidOpen((event) => onOpen(event.document, session));
  documents.onDidChangeContent((event) => onContentChange(event.document, session));
  documents.onDidClose((event) => onClose(event.document, session));

  // Requests are counted while answered: the workspace index waits for them.
  const { inFlight } = session;
  connection.onHover((params, token) => inFlight.track(async () => project.hover(await onHover(params, session, token), params)));
  connection.onCompletion((params, token) => inFlight.track(() => onCompletion(params, session, token)));
  connection.onCompletionResolve((item) => inFlight.track(() => service.resolveCompletion(item)));
  connection.onCodeAction((params) => inFlight.track(() => onCodeAction(params, session)));
  connection.onDefinition((params) => inFlight.track(() => project.definition(params)));
  connection.onReferences((params) => inFlight.track(() => project.references(params)));
  connection.onCodeLens((params) => inFlight.track(() => workspace?.codeLens(params.textDocument.uri) ?? []));
  connection.onExecuteCommand((params) => (params.command === LINT_WORKSPACE_COMMAND ? workspace?.lintWorkspace() : undefined));
  connection.onRequest(STATUS_REQUEST, (params: StatusParams) => inFlight.track(() => onStatus(params, session)));
  // Open documents get pushed diagnostics; the pull answers for them are empty so nothing shows twice.
  connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
  connection.languages.diagnostics.onWorkspace(
    (params, token) => workspace?.workspaceDiagnostics(params.previousResultIds, token) ?? { items: [] },
  );
}

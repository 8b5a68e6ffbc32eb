/** didOpen, didChange, didClose: each open document's analysis, diagnostics, project and workspace kept in step. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../session';

export function onOpen(document: TextDocument, { analysis, diagnostics, workspace }: Session): void {
  analysis.opened(document);
  workspace?.opened();
  // Checked at once: the content change TextDocuments fires for the open schedules it.
  diagnostics.opened(document.uri);
}

export function onContentChange(document: TextDocument, { diagnostics, project, workspace }: Session): void {
  diagnostics.schedule(document);
  // A handler's finding depends on its spec and the other way round: the project checks the others again.
  project.changed(document);
  workspace?.edited(document);
}

export function onClose(document: TextDocument, { analysis, diagnostics, project, settings, workspace }: Session): void {
  diagnostics.clear(document.uri);
  project.changed(document, true);
  settings.forget(document.uri);
  analysis.closed(document.uri);
  workspace?.closed(document.uri);
}

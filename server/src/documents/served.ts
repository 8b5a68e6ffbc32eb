/** The open document a request is about, when its language is served and enabled in its settings. */
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import type { SettingsStore } from '../editorSettings/store';
import { throwIfCancelled } from '../transport/cancellation';

/** Throws if the request was cancelled while its settings were read. */
export async function servedDocument(
  uri: string,
  { documents, service, settings }: { documents: TextDocuments<TextDocument>; service: LanguageService; settings: SettingsStore },
  token?: CancellationToken,
): Promise<TextDocument | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const language = service.languageOf(document);
  if (language === undefined || !(await settings.get(uri)).languages.includes(language)) return undefined;
  throwIfCancelled(token);
  return document;
}

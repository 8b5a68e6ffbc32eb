import type { CancellationToken, CompletionList, CompletionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import { throwIfCancelled } from './cancellation';
import { type ScanWorker, fromWorkerScan } from './scanWorker';
import type { SettingsStore } from './settings';

export async function onCompletion(
  params: CompletionParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  scanWorker?: ScanWorker,
  token?: CancellationToken,
): Promise<CompletionList | null> {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const language = service.languageOf(document);
  if (language === undefined || !(await settings.get(document.uri)).languages.includes(language)) return null;
  throwIfCancelled(token);
  if (scanWorker?.owns(document.uri)) return fromWorkerScan(scanWorker, document.uri, () => service.tryComplete(document, params.position));
  return service.doComplete(document, params.position);
}

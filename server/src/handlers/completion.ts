import type { CancellationToken, CompletionList, CompletionParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type LanguageService, withoutDocumentation } from '../service';
import { servedDocument } from './documents';
import { fromWorkerScan } from './fromWorkerScan';
import type { ScanWorker } from './scanWorker';
import type { SettingsStore } from './settings';

export async function onCompletion(
  params: CompletionParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  lazyDocumentation: boolean,
  scanWorker?: ScanWorker,
  token?: CancellationToken,
): Promise<CompletionList | null> {
  const document = await servedDocument(params.textDocument.uri, documents, service, settings, token);
  if (!document) return null;
  const list = scanWorker?.owns(document.uri)
    ? await fromWorkerScan(scanWorker, document.uri, () => service.tryComplete(document, params.position))
    : service.doComplete(document, params.position);
  // A client that resolves documentation when an item is shown gets a list a fifth of the size.
  return list && lazyDocumentation ? { ...list, items: list.items.map(withoutDocumentation) } : list;
}

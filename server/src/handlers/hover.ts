import type { CancellationToken, Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import { servedDocument } from './documents';
import { fromWorkerScan } from './fromWorkerScan';
import type { ScanWorker } from './scanWorker';
import type { SettingsStore } from './settings';

export async function onHover(
  params: HoverParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  scanWorker?: ScanWorker,
  token?: CancellationToken,
): Promise<Hover | null> {
  const document = await servedDocument(params.textDocument.uri, documents, service, settings, token);
  if (!document) return null;
  if (scanWorker?.owns(document.uri)) return fromWorkerScan(scanWorker, document.uri, () => service.tryHover(document, params.position));
  return service.doHover(document, params.position);
}

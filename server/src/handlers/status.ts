/** `httpStatusLens/status`: what the server does with one document, for the client's language status item. */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStatus, StatusParams } from '../protocol';
import type { LanguageService } from '../service';
import type { DiagnosticsPublisher } from './diagnostics';
import type { ScanWorker } from './scanWorker';
import type { SettingsStore } from './settings';

export async function onStatus(
  params: StatusParams,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  diagnostics: DiagnosticsPublisher,
  scanWorker?: ScanWorker,
): Promise<DocumentStatus> {
  const uri = String(params?.uri);
  const resolved = await settings.get(uri);
  const { configFiles, ignored } = settings.sourcesOf(uri);
  const base = { rules: { ...resolved.rules }, configFiles };
  const document = documents.get(uri);
  if (!document) return { ...base, analysed: false, reason: 'The document is not open in the server.' };
  const language = service.languageOf(document);
  const not = (reason: string): DocumentStatus => ({ ...base, language, analysed: false, reason });
  if (language === undefined) return not(`The language ${document.languageId} is not one HTTP Status Lens reads.`);
  if (ignored) return not(`An \`ignore\` pattern in ${configFiles.join(', ')} excludes this file.`);
  if (!resolved.languages.includes(language)) return not(`\`${language}\` is not in the httpStatusLens.languages setting.`);
  // A large document is scanned in the worker: this thread does not scan it just to answer.
  const scanned = scanWorker?.owns(uri) ? undefined : service.scan(document);
  if (scanned?.skipped) return not(`Skipped: ${scanned.skipped}.`);
  if (scanned?.kind === 'none') return not('Not an OpenAPI document (no `openapi` or `swagger` root key).');
  return { ...base, language, analysed: true, kind: scanned?.kind, findings: diagnostics.findingsOf(uri) };
}

/** `httpStatusLens/status`: what the server does with one document, for the client's language status item. */
import type { DocumentStatus, StatusParams } from '../protocol';
import type { Session } from '../session';

export async function onStatus(
  params: StatusParams,
  { documents, service, analysis, settings, diagnostics }: Session,
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
  // A document checked in the worker is not scanned in this thread just to answer.
  const scanned = await analysis.scanned(document);
  if (scanned?.skipped) return not(`Skipped: ${scanned.skipped}.`);
  if (scanned?.kind === 'none') return not('Not an OpenAPI document (no `openapi` or `swagger` root key).');
  return { ...base, language, analysed: true, kind: scanned?.kind, findings: diagnostics.findingsOf(uri) };
}

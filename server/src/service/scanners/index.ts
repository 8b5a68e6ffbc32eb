/**
 * The one entry to scanning: picks the scanner for a document's language and caches the result per
 * document version, so hover, completion, validation and code actions share one scan.
 */
import * as knowledge from '../../knowledge';
import type { DocumentLike, ScannedDocument } from '../model';
import { scanCode } from './code';
import { scanOpenApi } from './openapi';

/** Files larger than this are skipped (documented in the README); the largest real specs are ~35 MB. */
export const MAX_FILE_SIZE = 40 * 1024 * 1024;

export function scan(document: DocumentLike): ScannedDocument {
  const languageId = knowledge.resolveLanguageId(document.languageId, document.uri);
  const language = languageId === undefined ? undefined : knowledge.language(languageId);
  if (!language) return { kind: 'none', sites: [] };
  const text = document.getText();
  if (text.length > MAX_FILE_SIZE) {
    return { kind: 'none', sites: [], skipped: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MB` };
  }
  return language.family === 'openapi' ? scanOpenApi(document, languageId === 'yaml') : scanCode(document, language.family);
}

/** Remembers the last scan of each document; a new version replaces it. */
export class ScanCache {
  private readonly entries = new Map<string, { version: number; languageId: string; scanned: ScannedDocument }>();

  get(document: DocumentLike): ScannedDocument {
    const current = this.current(document);
    if (current) return current;
    const scanned = scan(document);
    this.entries.set(document.uri, { version: document.version, languageId: document.languageId, scanned });
    return scanned;
  }

  /** The scan of this very version, if cached. */
  current(document: Pick<DocumentLike, 'uri' | 'languageId' | 'version'>): ScannedDocument | undefined {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version && entry.languageId === document.languageId ? entry.scanned : undefined;
  }

  /** Caches a scan made elsewhere, unless one of a newer version is here already. */
  adopt(document: Pick<DocumentLike, 'uri' | 'languageId' | 'version'>, scanned: ScannedDocument): void {
    const entry = this.entries.get(document.uri);
    if (entry && entry.languageId === document.languageId && entry.version > document.version) return;
    this.entries.set(document.uri, { version: document.version, languageId: document.languageId, scanned });
  }

  /** The last scan of a document, whatever its version. */
  peek(uri: string): { version: number; languageId: string; scanned: ScannedDocument } | undefined {
    return this.entries.get(uri);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

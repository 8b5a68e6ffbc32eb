/**
 * The one entry to scanning: picks the scanner for a document's language and caches the result per
 * document version, so hover, completion, validation and code actions share one scan.
 */
import * as knowledge from '../../knowledge';
import { withLfLineBreaks } from '../lines';
import type { CarrierLookup } from '../carriers';
import type { DocumentLike, ScannedDocument } from '../model';
import { scanCode } from './code';
import { scanOpenApi } from './openapi/extractor';
import { rescanEdited } from './openapi/incremental';
import type { EditLog } from '../editLog';

/** Files larger than this are skipped (documented in the README); the largest real specs are ~35 MB. */
export const MAX_FILE_SIZE = 40 * 1024 * 1024;

export function scan(document: DocumentLike, carriers?: CarrierLookup): ScannedDocument {
  const languageId = knowledge.resolveLanguageId(document.languageId, document.uri);
  const language = languageId === undefined ? undefined : knowledge.language(languageId);
  if (!language) return { kind: 'none', sites: [] };
  const original = document.getText();
  if (original.length > MAX_FILE_SIZE) {
    return { kind: 'none', sites: [], skipped: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MB` };
  }
  const text = withLfLineBreaks(original);
  const scanned =
    language.family === 'openapi'
      ? scanOpenApi(document, text, languageId === 'yaml')
      : scanCode(document, text, language.family, carriers);
  if (carriers) markDeclarations(scanned, document.uri, carriers);
  if (text !== original) {
    scanned.loneCr = true;
    // A site is its token as written (an invalid response key can hold a line break).
    for (const site of scanned.sites) site.text = original.slice(site.start, site.end);
  }
  return scanned;
}

/**
 * The status value of a carrier's declaration is no finding while the carrier's uses are judged where they
 * are (issue 16); it keeps its hover, which lists them. So are the other values of its code inside the
 * declaration (an exception handler's `@ResponseStatus(424)` and the `424` of the body it answers with).
 */
function markDeclarations(scanned: ScannedDocument, uri: string, carriers: CarrierLookup): void {
  const declared = carriers.declaredIn(uri);
  if (declared.length === 0) return;
  for (const site of scanned.sites) {
    const carrier =
      declared.find((c) => c.valueStart === site.start) ??
      declared.find((c) => c.code === site.code && site.start >= c.declarationStart && site.start < c.declarationEnd);
    if (!carrier) continue;
    site.carries = carrier;
    if (carriers.usesOf(carrier).length > 0) site.definesCode = true;
  }
}

/**
 * How many scans are kept. A scan holds several times its text (sites, scopes, their words), and an editor
 * can have hundreds of documents open: 500 open documents of 60 KB held ~200 MB of scans. The documents in
 * use keep theirs; another one is scanned again when asked (milliseconds, unless it is huge).
 */
export const MAX_SCANS = 32;

interface CacheEntry {
  version: number;
  languageId: string;
  scanned: ScannedDocument;
}

/** Remembers the last scan of each recently used document; a new version replaces it. */
export class ScanCache {
  /** In order of use, the most recent last. */
  private readonly entries = new Map<string, CacheEntry>();
  private generation: number | undefined;

  /** `edits`: the changes of open documents, so that a spec (JSON or YAML) is re-scanned only where it was edited. */
  constructor(
    private readonly carriers?: CarrierLookup,
    private readonly edits?: EditLog,
  ) {}

  get(document: DocumentLike): ScannedDocument {
    const current = this.current(document);
    if (current) return current;
    const scanned = this.rescan(document) ?? scan(document, this.carriers);
    this.remember(document.uri, { version: document.version, languageId: document.languageId, scanned });
    return scanned;
  }

  /** The last scan brought up to date through the edits since, where they allow it (openapi/incremental.ts). */
  private rescan(document: DocumentLike): ScannedDocument | undefined {
    const last = this.entries.get(document.uri);
    if (!last || !this.edits || last.languageId !== document.languageId || last.version >= document.version) return undefined;
    const changes = this.edits.changes(document.uri, last.version, document.version);
    return changes && rescanEdited(last.scanned, changes, document);
  }

  /** The scan of this very version, if cached. */
  current(document: Pick<DocumentLike, 'uri' | 'languageId' | 'version'>): ScannedDocument | undefined {
    // The workspace's carriers changed: the scans of source code read them, so none of those is current
    // (a spec's scan, which may have cost seconds, does not depend on them).
    if (this.carriers && this.carriers.generation !== this.generation) {
      for (const [uri, entry] of this.entries) if (entry.scanned.kind === 'code') this.entries.delete(uri);
      this.generation = this.carriers.generation;
    }
    const entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version || entry.languageId !== document.languageId) return undefined;
    // A use: it is the most recently used now.
    this.remember(document.uri, entry);
    return entry.scanned;
  }

  /** Keeps a scan as the most recently used, forgetting the least recently used beyond MAX_SCANS. */
  private remember(uri: string, entry: CacheEntry): void {
    this.entries.delete(uri);
    this.entries.set(uri, entry);
    if (this.entries.size > MAX_SCANS) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

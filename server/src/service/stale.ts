/**
 * Hover and completion on a large document from its last scan while the scan of the current version is
 * still to come (the diagnostics pass makes it after the edits settle): the last scan's offsets are mapped
 * through the edits made since. Typing in a 13 MB spec then costs no full re-scan per keystroke. Anything
 * the edits touched is left to a fresh scan.
 */
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import type { EditLog, OffsetMap } from './editLog';
import { doComplete } from './features/completion';
import { hoverFor, siteAt } from './features/hover';
import { type DocumentLike, type ResponsesSlot, type ScannedDocument, textLength } from './model';
import type { ScanCache } from './scanners';

/** Below this size a fresh scan is fast enough (a few milliseconds). */
export const STALE_MIN_SIZE = 1_000_000;

export interface StaleScan {
  scanned: ScannedDocument;
  map: OffsetMap;
}

/** `anySize`: for a document scanned elsewhere (the worker), where a fresh scan here is not an option. */
export function staleScan(cache: ScanCache, edits: EditLog | undefined, document: DocumentLike, anySize = false): StaleScan | undefined {
  if (!edits) return undefined;
  const last = cache.peek(document.uri);
  if (!last || last.version >= document.version || last.languageId !== document.languageId) return undefined;
  if (!anySize && textLength(document) < STALE_MIN_SIZE) return undefined;
  const map = edits.between(document.uri, last.version, document.version);
  return map && { scanned: last.scanned, map };
}

/** The hover from the last scan; undefined when the edits touched what it would answer about. */
export function staleHover(document: DocumentLike, stale: StaleScan, offset: number): Hover | null | undefined {
  const old = stale.map.toOld(offset);
  if (old === undefined) return undefined;
  const site = siteAt(stale.scanned, old);
  if (!site) return null;
  const start = stale.map.toNew(site.start);
  const end = stale.map.toNew(site.end);
  // An edit inside the token: its text may have changed.
  if (end - start !== site.end - site.start) return undefined;
  return hoverFor(document, site, start, end);
}

/** Spec completion from the last scan's responses maps, each placed in the current text as it is looked at. */
export function staleComplete(document: DocumentLike, stale: StaleScan, offset: number): CompletionList | null | undefined {
  if (stale.scanned.kind !== 'openapi') return undefined;
  const { toNew } = stale.map;
  const place = (slot: ResponsesSlot): ResponsesSlot => ({
    ...slot,
    start: toNew(slot.start),
    end: toNew(slot.end),
    responseSpans: slot.json ? slot.responseSpans.map((span) => ({ start: toNew(span.start), end: toNew(span.end) })) : slot.responseSpans,
  });
  return doComplete(document, stale.scanned, offset, place);
}

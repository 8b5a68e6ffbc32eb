/**
 * Hover and completion on a large document from its last scan while the scan of the current version is
 * still to come: the last scan's offsets are mapped through the edits made since (editLog.ts). Typing in a
 * 13 MB spec then costs no full re-scan per keystroke. Anything the edits touched is left to a fresh scan
 * (undefined).
 */
import type { CompletionList, Hover } from 'vscode-languageserver';
import { type DocumentLike, type ResponsesSlot, type ScannedDocument, completeFromScan, hoverFor, siteAt } from '../service';
import type { OffsetMap } from '../service';

export interface StaleScan {
  scanned: ScannedDocument;
  map: OffsetMap;
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

/** Spec completion from the last scan's responses maps, each placed in the current text as completion reads it. */
export function staleComplete(document: DocumentLike, stale: StaleScan, offset: number): CompletionList | null | undefined {
  if (stale.scanned.kind !== 'openapi' || !stale.scanned.slots) return undefined;
  const slots = placedAsRead(stale.scanned.slots as ResponsesSlot[], stale.map.toNew);
  return completeFromScan(document, { ...stale.scanned, slots }, offset);
}

/**
 * The slots of an earlier scan, each put into the current text when it is read: completion looks at a
 * handful (a binary search), and mapping all of a large spec's thousands at each keystroke would not do.
 */
function placedAsRead(slots: ResponsesSlot[], toNew: (offset: number) => number): ResponsesSlot[] {
  const place = (slot: ResponsesSlot): ResponsesSlot => ({
    ...slot,
    start: toNew(slot.start),
    end: toNew(slot.end),
    responseSpans: slot.json ? slot.responseSpans.map((offset) => toNew(offset)) : slot.responseSpans,
  });
  return new Proxy(slots, {
    get: (target, key, receiver) =>
      typeof key === 'string' && /^\d+$/.test(key) ? place(target[Number(key)]) : Reflect.get(target, key, receiver),
  });
}

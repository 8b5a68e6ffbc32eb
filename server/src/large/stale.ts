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
  return new Proxy(slots, {
    get: (target, key, receiver) =>
      typeof key === 'string' && /^\d+$/.test(key) ? new PlacedSlot(target[Number(key)], toNew) : Reflect.get(target, key, receiver),
  });
}

/**
 * A slot placed in the current text. A JSON map's key spans are placed only when read: a key typed past the
 * last map walks back over every map's start and end, not their keys. Its fields are copied one by one: on
 * github.json such a walk took 7 ms with a copy by spread of each slot (a scan's slots are slow objects, see
 * spansWhenRead), 1 ms now; on a scan from the worker, 0.5 ms and 0.2.
 */
class PlacedSlot implements ResponsesSlot {
  readonly kind = 'responses';
  readonly start: number;
  readonly end: number;
  readonly json: boolean;
  readonly keyColumn: number;
  readonly indentUnit: string;
  readonly quote: ResponsesSlot['quote'];
  readonly scope: ResponsesSlot['scope'];
  readonly method: string | undefined;
  private spans: Int32Array | undefined;

  constructor(
    private readonly slot: ResponsesSlot,
    private readonly toNew: (offset: number) => number,
  ) {
    this.start = toNew(slot.start);
    this.end = toNew(slot.end);
    this.json = slot.json;
    this.keyColumn = slot.keyColumn;
    this.indentUnit = slot.indentUnit;
    this.quote = slot.quote;
    this.scope = slot.scope;
    this.method = slot.method;
  }

  get responseSpans(): Int32Array {
    if (!this.json) return this.slot.responseSpans;
    return (this.spans ??= this.slot.responseSpans.map((offset) => this.toNew(offset)));
  }
}

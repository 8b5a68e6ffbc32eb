/**
 * A spec re-scanned where it was edited: the region holding every edit since the last scan (a top-level
 * operation, or a container nothing is read from such as one schema or example) is read again alone; an
 * operation's sites and completion slots replace its old ones, and what follows moves by the length (and
 * the lines) the edits added. A one-character edit in a 13 MB spec then reads a few KB instead of the whole
 * text, and never joins the text of a chunked document (handlers/chunkedDocument.ts).
 *
 * Exact because a region reads the same alone as in its document as long as the edits stay strictly inside
 * it and it still reads as that one whole region (scanRegion checks). JSON: an edit inside its brackets
 * changes nothing outside them. YAML (block style): an edit after its first character and before the line
 * break that ends it keeps its first line's indentation and its next sibling's, and a line of the region
 * less indented than its first, which would end it in its document, is a syntax error read alone. Anything
 * else (an edit in `components.responses`, whose descriptions other sites show, or between two regions; a
 * JSON comment, which could silence another line; a YAML disable comment, alias, second document or flow
 * collection over several lines; a lone CR) is left to a whole scan.
 */
import type { Edit } from '../../editLog';
import type { DocumentLike, ResponsesSlot, ScannedDocument, StatusSite } from '../../model';
import { type Region, regionsIn, rememberRegions, scanRegion } from './extractor';
import { ResponseKeySite } from './responseKey';

/** The scan of `document` from `previous` and the edits made since, or undefined when only a whole scan will do. */
export function rescanEdited(previous: ScannedDocument, edits: readonly Edit[], document: DocumentLike): ScannedDocument | undefined {
  const regions = regionsIn(previous);
  if (!regions || edits.length === 0) return undefined;
  // The span the edits touched: [lo, hi) now, [lo, hi - delta) before them.
  let lo = Infinity;
  let hi = -Infinity;
  let delta = 0;
  for (const edit of edits) {
    const added = edit.inserted - (edit.end - edit.start);
    hi = hi === -Infinity || hi < edit.end ? edit.start + edit.inserted : hi + added;
    lo = Math.min(lo, edit.start);
    delta += added;
  }
  const index = regionAround(regions.regions, lo);
  const region = regions.regions[index];
  // Inside the region: its first character (`{`, a key, `-`) and its last (`}`, the line break before the next sibling) stay.
  if (!region || lo <= region.start || hi - delta > region.end - 1) return undefined;

  const start = document.positionAt(region.start);
  const lineStart = region.start - start.character;
  const text = document.getText({ start: { line: start.line, character: 0 }, end: document.positionAt(region.end + delta) });
  // A lone CR is a line break the whole scan reads as an LF (lines.ts).
  if (text.length !== region.end + delta - lineStart || /\r(?!\n)/.test(text)) return undefined;
  const read = scanRegion(text, start.character, region, regions, document);
  if (!read) return undefined;

  // An inert region (one schema, one example) gave no sites: only what follows it moves.
  const lines = (read.region.lines ?? 0) - (region.lines ?? 0);
  const sites = splice(
    previous.sites,
    region,
    delta,
    read.sites.map((site) => moveSite(site, lineStart, start.line)),
    (site) => moveSite(site, delta, lines),
  );
  const slots = splice(
    (previous.slots ?? []) as ResponsesSlot[],
    region,
    delta,
    read.slots.map((slot) => moveSlot(slot, lineStart)),
    moveSlot,
  );
  const moved = [
    ...regions.regions.slice(0, index),
    { ...region, end: region.end + delta, lines: read.region.lines },
    ...regions.regions.slice(index + 1).map((r) => ({ ...r, start: r.start + delta, end: r.end + delta })),
  ];
  const scanned: ScannedDocument = { ...previous, sites, slots };
  rememberRegions(scanned, { ...regions, regions: moved });
  return scanned;
}

/** The last region that starts at or before `offset`, or -1. */
function regionAround(regions: readonly Region[], offset: number): number {
  let low = 0;
  let high = regions.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (regions[mid].start <= offset) ((found = mid), (low = mid + 1));
    else high = mid - 1;
  }
  return found;
}

/** `items` (sorted by start) with those of the region replaced and the ones after it moved by `delta`. */
function splice<T extends { start: number }>(
  items: readonly T[],
  region: Region,
  delta: number,
  replacement: T[],
  move: (item: T, by: number) => T,
): T[] {
  let first = 0;
  while (first < items.length && items[first].start < region.start) first++;
  let after = first;
  while (after < items.length && items[after].start < region.end) after++;
  const result = items.slice(0, first);
  for (const item of replacement) result.push(item);
  for (let i = after; i < items.length; i++) result.push(move(items[i], delta));
  return result;
}

/** A site `by` characters and `lines` lines further (a YAML site's comment place is by line). */
function moveSite(site: StatusSite, by: number, lines: number): StatusSite {
  if (by === 0 && lines === 0) return site;
  const place = site.suppressAt;
  return {
    // A response key's site works out most of what it is read as from its text: it moves as the plain data it reads as.
    ...(site instanceof ResponseKeySite ? site.plain() : site),
    start: site.start + by,
    end: site.end + by,
    suppressAt:
      place?.kind === 'json-member'
        ? {
            // Written out, not spread (a spread copy got a hidden class of its own per site: see extractor.ts).
            kind: 'json-member',
            offset: place.offset + by,
            indent: place.indent,
            eol: place.eol,
            emptyObject: place.emptyObject,
            existing: place.existing && { ...place.existing, start: place.existing.start + by, end: place.existing.end + by },
          }
        : place && { ...place, line: place.line + lines },
  };
}

function moveSlot(slot: ResponsesSlot, by: number): ResponsesSlot {
  if (by === 0) return slot;
  return {
    ...slot,
    start: slot.start + by,
    end: slot.end + by,
    responseSpans: slot.responseSpans.map((offset) => offset + by),
  };
}

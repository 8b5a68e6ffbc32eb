/**
 * Completion of status codes where the scanner recorded a slot: a new key in an OpenAPI responses map,
 * a value after a status call or property (`res.status(`, `status_code=`), a member after a framework
 * qualifier (`http.Status`, `HttpStatus.`). Codes that fit the context come first (data/completion.json).
 */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { StatusCodeEntry } from '../../knowledge';
import { withLfLineBreaks } from '../lines';
import type { CompletionSlot, DocumentLike, ResponsesSlot, ScannedDocument, Scope } from '../model';
import { inFailedCall } from '../rules/evidence';
import { scopeMarksDependency } from '../rules/rule';
import { renderCodePage } from './codePages';
import { describeCode } from './hover';

let offeredEntries: readonly StatusCodeEntry[] | undefined;
/** The codes completion offers (the registry's, less those marked unused), listed once. */
const offered = () => (offeredEntries ??= knowledge.allCodes().filter((entry) => !entry.unused));

/** Completion at `offset`. Slots are read by index, few of them: a large spec's may be placed as they are read (large/stale.ts). */
export function doComplete(document: DocumentLike, scanned: ScannedDocument, offset: number): CompletionList | null {
  if (!scanned.slots || scanned.slots.length === 0) return null;
  return scanned.kind === 'openapi'
    ? completeResponseKey(document, scanned.slots as ResponsesSlot[], offset)
    : completeCode(document, scanned.loneCr ? withLfLineBreaks(document.getText()) : document.getText(), scanned, offset);
}

/**
 * Part of a document's text, addressed by document offsets: completion in a spec reads around the cursor
 * only, so a keystroke in a large spec never joins its whole text. `from` must be a line start.
 */
class TextWindow {
  readonly text: string;
  constructor(
    document: DocumentLike,
    readonly from: number,
    to: number,
  ) {
    // Lines are found by LF, as the scanners read the text (service/lines.ts).
    this.text = withLfLineBreaks(document.getText({ start: document.positionAt(from), end: document.positionAt(to) }));
  }
  at(offset: number): string {
    return this.text.charAt(offset - this.from);
  }
  slice(start: number, end: number): string {
    return this.text.slice(start - this.from, end - this.from);
  }
  /** The offset of the last `\n` before `offset` in the window, or `from - 1`. */
  lastNewline(offset: number): number {
    return this.from + this.text.lastIndexOf('\n', offset - 1 - this.from);
  }
}

/** The start of the line holding offset. */
function lineStartOf(document: DocumentLike, offset: number): number {
  return document.offsetAt({ line: document.positionAt(offset).line, character: 0 });
}

/** The rank group of a code in a context: lower comes first. */
function rankOf(code: number, context: { dependency: boolean; failure: boolean; method?: string }): number {
  const data = knowledge.completionRanking;
  if (context.dependency && data.dependencyContext.includes(code)) return 0;
  if (context.failure && data.failure.includes(code)) return 1;
  if (context.method && data.byMethod[context.method]?.includes(code)) return 2;
  if (data.common.includes(code)) return 3;
  // 424 outside a dependency chain is almost always a mistake: offer it last.
  return data.dependencyContext.includes(code) && !context.dependency ? 5 : 4;
}

function hasDependencyContext(scope: Scope): boolean {
  return scope.marksDependency ?? scopeMarksDependency(scope, knowledge.phrases.dependencyContext);
}

function item(
  entry: StatusCodeEntry,
  rank: number,
  range: Range,
  insert: { text: string; snippet?: boolean; filterText?: string; label?: string },
): CompletionItem {
  return {
    label: insert.label ?? String(entry.code),
    labelDetails: { description: entry.phrase },
    detail: `${entry.code} ${entry.phrase}`,
    kind: CompletionItemKind.Value,
    documentation: documentationOf(entry.code),
    sortText: `${rank}${entry.code}`,
    filterText: insert.filterText,
    textEdit: { range, newText: insert.text },
    insertTextFormat: insert.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The text carries its own indentation; an editor must not indent it again.
    insertTextMode: InsertTextMode.asIs,
    data: { code: entry.code } satisfies CompletionData,
  };
}

/** What an item carries for completionItem/resolve. */
interface CompletionData {
  code: number;
}

const documentations = new Map<number, string>();

function documentationOf(code: number): CompletionItem['documentation'] {
  let value = documentations.get(code);
  // The full explanation where there is one: the hover keeps to what decides at a site.
  if (value === undefined) documentations.set(code, (value = renderCodePage(code) ?? describeCode(code)));
  return { kind: MarkupKind.Markdown, value };
}

/** The item without its documentation, for a client that asks for it when an item is shown (resolve). */
export function withoutDocumentation(item: CompletionItem): CompletionItem {
  const { documentation: _, ...rest } = item;
  return rest;
}

/** completionItem/resolve: the documentation of an item sent without it. */
export function resolveCompletionItem(item: CompletionItem): CompletionItem {
  const code = (item.data as Partial<CompletionData> | undefined)?.code;
  return item.documentation !== undefined || typeof code !== 'number' ? item : { ...item, documentation: documentationOf(code) };
}

// --- OpenAPI: response keys ------------------------------------------------------------------------

function completeResponseKey(document: DocumentLike, slots: ResponsesSlot[], offset: number): CompletionList | null {
  const lineStart = lineStartOf(document, offset);
  const near = new TextWindow(document, lineStart, offset + 200);
  let indentEnd = lineStart;
  while (indentEnd < offset && (near.at(indentEnd) === ' ' || near.at(indentEnd) === '\t')) indentEnd++;
  // What has been typed of the key: an optional quote and digits or X.
  const typed = near.slice(indentEnd, offset);
  if (!/^["']?[0-9Xx]{0,3}$/.test(typed)) return null;
  const typedQuote = typed[0] === '"' || typed[0] === "'" ? typed[0] : '';
  const slot = responsesSlotAt(document, slots, offset, lineStart, indentEnd);
  if (!slot) return null;
  const quote = slot.json ? '"' : typedQuote || slot.quote;
  // An editor that closed the quote for us left it after the cursor: replace it too.
  const end = typedQuote && near.at(offset) === typedQuote ? offset + 1 : offset;
  const range = { start: document.positionAt(indentEnd), end: document.positionAt(end) };
  const indent = near.slice(lineStart, indentEnd);
  const context = { dependency: hasDependencyContext(slot.scope), failure: false, method: slot.method };
  const used = new Set(slot.scope.responses?.keys ?? []);
  const needsComma = slot.json && /^\s*"/.test(near.slice(end, end + 200));
  const items = offered()
    .filter((entry) => !used.has(String(entry.code)))
    .map((entry) => {
      const key = `${quote}${entry.code}${quote}`;
      const body = slot.json
        ? `${key}: {\n${indent}${slot.indentUnit}"description": "\${1:${entry.phrase}}"\n${indent}}${needsComma ? ',' : ''}`
        : `${key}:\n${indent}${slot.indentUnit}description: \${1:${entry.phrase}}`;
      return item(entry, rankOf(entry.code, context), range, { text: body, snippet: true, filterText: key, label: String(entry.code) });
    });
  return { isIncomplete: false, items };
}

/**
 * The responses map the cursor types a key of: the nearest map starting before the cursor whose keys
 * stand at the cursor's column (YAML) or whose braces hold the cursor (JSON). Slots are in document order.
 */
function responsesSlotAt(
  document: DocumentLike,
  slots: ResponsesSlot[],
  offset: number,
  lineStart: number,
  indentEnd: number,
): ResponsesSlot | undefined {
  let low = 0;
  let high = slots.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (slots[mid].start < offset) ((last = mid), (low = mid + 1));
    else high = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    const slot = slots[i];
    if (slot.json) {
      if (offset <= slot.end)
        return inJsonMap(new TextWindow(document, lineStartOf(document, slot.start), indentEnd), slot, indentEnd, offset)
          ? slot
          : undefined;
    } else if (slot.keyColumn === indentEnd - lineStart) {
      return inYamlMap(new TextWindow(document, lineStartOf(document, slot.start), lineStart), slot, lineStart) ? slot : undefined;
    }
  }
  return undefined;
}

/** Nothing between the map's first line and the cursor line is indented less than the keys. */
function inYamlMap(text: TextWindow, slot: ResponsesSlot, lineStart: number): boolean {
  const mapLineStart = text.from;
  let cursor = lineStart;
  for (;;) {
    const previousStart = text.lastNewline(cursor - 1) + 1;
    if (previousStart <= mapLineStart) return true;
    let first = previousStart;
    while (text.at(first) === ' ') first++;
    const blank = first >= cursor - 1 || text.at(first) === '\n' || text.at(first) === '\r' || text.at(first) === '#';
    if (!blank && first - previousStart < slot.keyColumn) return false;
    cursor = previousStart;
  }
}

/** A JSON cursor inside the map's braces, where a key goes, and not inside one of its responses. */
function inJsonMap(text: TextWindow, slot: ResponsesSlot, tokenStart: number, offset: number): boolean {
  if (offset <= slot.start || offset > slot.end) return false;
  const spans = slot.responseSpans;
  for (let i = 0; i < spans.length; i += 2) if (offset > spans[i] && offset < spans[i + 1]) return false;
  let before = tokenStart - 1;
  while (before > slot.start && /\s/.test(text.at(before))) before--;
  return text.at(before) === '{' || text.at(before) === ',';
}

// --- Source code: values and framework members -----------------------------------------------------

function completeCode(document: DocumentLike, text: string, scanned: ScannedDocument, offset: number): CompletionList | null {
  // The word being typed, then the blanks before it.
  let wordStart = offset;
  while (wordStart > 0 && /[\w$]/.test(text[wordStart - 1])) wordStart--;
  let valueStart = wordStart;
  while (valueStart > 0 && (text[valueStart - 1] === ' ' || text[valueStart - 1] === '\t')) valueStart--;
  const slot = findSlot(scanned.slots!, wordStart) ?? findSlot(scanned.slots!, valueStart);
  if (!slot || slot.kind === 'responses') return null;
  const range = { start: document.positionAt(wordStart), end: document.positionAt(offset) };
  const context = {
    dependency: hasDependencyContext(slot.scope),
    // In the error branch of a call to another service, the 5xx that report its failure come first.
    failure: inFailedCall(slot.guard),
  };
  if (slot.kind === 'member') {
    const items: CompletionItem[] = [];
    // Where several frameworks share a qualifier (Spring's and Jetty's HttpStatus), the one the file writes.
    const used = slot.schemes.filter((id) => scanned.schemesUsed?.includes(id));
    for (const schemeId of used.length > 0 ? used : slot.schemes) {
      for (const entry of offered()) {
        const member = knowledge.memberFor(schemeId, entry.code);
        if (member !== undefined) items.push(item(entry, rankOf(entry.code, context), range, { text: member, label: member }));
      }
    }
    return { isIncomplete: false, items: dedupe(items) };
  }
  // A value: the number, or the spelling the file already uses (it imports StatusCodes...).
  const preferred = scanned.schemesSeen
    ?.map((id) => knowledge.schemeOf(id) && { id, scheme: knowledge.schemeOf(id)! })
    // Not a class (`web.HTTPConflict`): `res.status(` takes a code, not an exception.
    .find((s) => s && s.scheme.context !== true && s.scheme.constructs !== true);
  const items = offered().map((entry) => {
    const member = preferred && knowledge.memberFor(preferred.id, entry.code);
    const spelled =
      preferred && member !== undefined ? preferred.scheme.qualifiers[0] + preferred.scheme.separator + member : String(entry.code);
    return item(entry, rankOf(entry.code, context), range, {
      text: spelled,
      filterText: `${entry.code} ${spelled}`,
      label: String(entry.code),
    });
  });
  return { isIncomplete: false, items };
}

function findSlot(slots: CompletionSlot[], start: number): CompletionSlot | undefined {
  return slots.find((slot) => slot.kind !== 'responses' && slot.start === start);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label));
}

/**
 * Fix all: the preferred fix of every finding (not hints: those are suggestions), pass after pass until
 * nothing is left to fix, so fixing again changes nothing. Used by the CLI's --fix and the editor's
 * `source.fixAll` action, both from the service's own check of the text (never from what a client sent).
 * A document is left as it is when it does not parse (a spec with syntax errors), when its fixes would undo
 * each other, or when the result would not read back as the same kind of file with the same status sites.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentLike, ScannedDocument } from '../model';
import type { Settings } from '../settings';
import type { DiagnosticData } from './validation';

const MAX_PASSES = 10;

/** What fixing needs of the service: its check and its scan. */
export interface Checker {
  doValidation(document: DocumentLike, settings?: Settings): Diagnostic[];
  scan(document: DocumentLike): ScannedDocument;
}

export interface FixResult {
  document: DocumentLike;
  /** How many edits were applied over all passes. */
  applied: number;
  /** How many findings those edits fixed. */
  fixed: number;
  /** The edits that turn the original into the result: those of the one pass, else one replacement of what changed. */
  edits: TextEdit[];
  /** Why the document was left as it was, when it has fixes that were not applied. */
  refused?: string;
}

export function fixDocument(service: Checker, original: DocumentLike, settings: Settings): FixResult {
  let document = original;
  let applied = 0;
  let fixed = 0;
  let firstEdits: TextEdit[] = [];
  let passes = 0;
  const seen = new Set([original.getText()]);
  const unchanged = (refused?: string): FixResult => ({ document: original, applied: 0, fixed: 0, edits: [], refused });
  // Kept, not asked for again at the end: the scans of later versions may have pushed it out of the cache.
  const before = service.scan(original);
  for (; ; passes++) {
    const { edits, fixes } = preferredEdits(document, service.doValidation(document, settings));
    if (edits.length === 0) break;
    if (passes === 0 && (before.syntaxErrors ?? 0) > 0) return unchanged('not fixed: the file has syntax errors');
    if (passes === MAX_PASSES) return unchanged(`not fixed: the fixes did not settle after ${MAX_PASSES} passes`);
    const text = applyEdits(document, edits);
    if (seen.has(text)) return unchanged('not fixed: its fixes undo each other');
    seen.add(text);
    if (passes === 0) firstEdits = edits;
    applied += edits.length;
    fixed += fixes;
    document = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
  }
  if (applied === 0) return { document, applied, fixed, edits: [] };
  const after = service.scan(document);
  if (before.kind !== after.kind || before.sites.length !== after.sites.length || (after.syntaxErrors ?? 0) > 0) {
    return unchanged('not fixed: the fixed file would not read back the same');
  }
  return { document, applied, fixed, edits: passes === 1 ? firstEdits : [changedSpan(original, document.getText())] };
}

/** The edits of every preferred fix, in order, without two that touch the same text; and how many fixes they are. */
function preferredEdits(document: DocumentLike, diagnostics: readonly Diagnostic[]): { edits: TextEdit[]; fixes: number } {
  const fixes: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === DiagnosticSeverity.Hint) continue;
    const fix = (diagnostic.data as DiagnosticData | undefined)?.fixes.find((f) => f.isPreferred);
    const changes = fix?.edit?.changes;
    if (!changes || Object.keys(changes).some((uri) => uri !== document.uri)) continue;
    const edits = changes[document.uri] ?? [];
    if (edits.length === 0) continue;
    const offsets = edits.flatMap((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)]);
    fixes.push({ start: Math.min(...offsets), end: Math.max(...offsets), edits });
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let count = 0;
  let reached = -1;
  for (const fix of fixes) {
    if (fix.start < reached || (fix.start === reached && fix.start === fix.end)) continue; // overlaps: next pass
    kept.push(...fix.edits);
    count++;
    reached = fix.end;
  }
  return { edits: kept, fixes: count };
}

/** The text with non-overlapping edits applied. */
function applyEdits(document: DocumentLike, edits: readonly TextEdit[]): string {
  const text = document.getText();
  const spans = edits
    .map((edit, index) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      text: edit.newText,
      index,
    }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  let result = '';
  let at = 0;
  for (const span of spans) {
    result += text.slice(at, span.start) + span.text;
    at = span.end;
  }
  return result + text.slice(at);
}

/** One edit replacing the text between the first and the last character that differ. */
function changedSpan(original: DocumentLike, text: string): TextEdit {
  const old = original.getText();
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  return {
    range: { start: original.positionAt(start), end: original.positionAt(old.length - end) },
    newText: text.slice(start, text.length - end),
  };
}

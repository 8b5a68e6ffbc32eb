/**
 * --fix: applies the preferred fix of every finding (not hints: those are suggestions), pass after pass
 * until nothing is left to fix, so running it again changes nothing. A file is left untouched when it
 * does not parse (a spec with syntax errors), when its fixes would undo each other, or when the result
 * would not read back as the same kind of file with the same status sites.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticData, LanguageService, Settings } from '../service';

const MAX_PASSES = 10;

export interface FixResult {
  document: TextDocument;
  /** How many edits were applied over all passes. */
  applied: number;
  /** Why the file was left as it was, when it has fixes that were not applied. */
  refused?: string;
}

export function fixDocument(service: LanguageService, original: TextDocument, settings: Settings): FixResult {
  let document = original;
  let applied = 0;
  const seen = new Set([original.getText()]);
  // Kept, not asked for again at the end: the scans of later versions may have pushed it out of the cache.
  const before = service.scan(original);
  for (let pass = 0; ; pass++) {
    const edits = preferredEdits(document, service.doValidation(document, settings));
    if (edits.length === 0) break;
    if (pass === 0 && (before.syntaxErrors ?? 0) > 0)
      return { document: original, applied: 0, refused: 'not fixed: the file has syntax errors' };
    if (pass === MAX_PASSES)
      return { document: original, applied: 0, refused: `not fixed: the fixes did not settle after ${MAX_PASSES} passes` };
    const text = TextDocument.applyEdits(document, edits);
    if (seen.has(text)) return { document: original, applied: 0, refused: 'not fixed: its fixes undo each other' };
    seen.add(text);
    applied += edits.length;
    document = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
  }
  if (applied === 0) return { document, applied };
  const after = service.scan(document);
  if (before.kind !== after.kind || before.sites.length !== after.sites.length || (after.syntaxErrors ?? 0) > 0) {
    return { document: original, applied: 0, refused: 'not fixed: the fixed file would not read back the same' };
  }
  return { document, applied };
}

/** The edits of every preferred fix, in order, without two that touch the same text. */
function preferredEdits(document: TextDocument, diagnostics: readonly Diagnostic[]): TextEdit[] {
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
  let reached = -1;
  for (const fix of fixes) {
    if (fix.start < reached || (fix.start === reached && fix.start === fix.end)) continue; // overlaps: next pass
    kept.push(...fix.edits);
    reached = fix.end;
  }
  return kept;
}

/**
 * Replaces `file` with `text` atomically: a temporary file beside it, then a rename, keeping its mode and
 * following a symbolic link to the real file. Refuses when the file changed since it was read.
 */
export function writeAtomically(file: string, text: string, read: { mtimeMs: number; size: number }): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if (stat.mtimeMs !== read.mtimeMs || stat.size !== read.size) throw new Error('it changed on disk while it was being linted');
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${threadId}.http-status-lens.tmp`);
  try {
    fs.writeFileSync(temporary, text, { mode: stat.mode & 0o7777, flag: 'wx' });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

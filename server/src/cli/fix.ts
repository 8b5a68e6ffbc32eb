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

/** A file --fix may not write: skipped with a message, and the run exits 2. */
export class NotWritableError extends Error {}

/**
 * Why `--fix` may not write this file, or undefined. Beyond what the system allows (access W_OK), a file
 * with no write bit at all (mode 444) is read-only by intent: root, whom access() lets write anything, skips
 * it too, as git and most editors do.
 */
export function notWritableBecause(file: string | Buffer, stat: Pick<fs.Stats, 'mode'>): string | undefined {
  if ((stat.mode & 0o222) === 0) return `it is read-only (mode ${(stat.mode & 0o777).toString(8)})`;
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (error) {
    return `it may not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  return undefined;
}

/**
 * Writes `text` over `file` in place, so its inode, owner, group, mode, hard links (and ACLs, extended
 * attributes) stay as they were; a symbolic link is followed to the real file. The new text first goes to a
 * temporary file beside it, written and synced in full (so a full disk is found before the original is
 * touched); then the original is overwritten, cut to length and synced, and the temporary file removed. If
 * that fails, the original bytes are written back; should even that fail, the temporary file is kept and
 * named in the error, so no state leaves the new text without a complete copy. Refuses when the file
 * changed since it was read, and (NotWritableError) when it may not be written.
 */
export function writeInPlace(file: string | Buffer, text: string, read: { mtimeMs: number; size: number }, original: Buffer): void {
  // The native realpath: the JS one turns a Buffer path into (lossy) text.
  const target = fs.realpathSync.native(file, { encoding: 'buffer' });
  const stat = fs.statSync(target);
  if (stat.mtimeMs !== read.mtimeMs || stat.size !== read.size) throw new Error('it changed on disk while it was being linted');
  const why = notWritableBecause(target, stat);
  if (why) throw new NotWritableError(why);
  const bytes = Buffer.from(text, 'utf8');
  const temporary = temporaryBeside(target);
  writeSynced(temporary, bytes);
  try {
    overwrite(target, bytes);
  } catch (error) {
    try {
      overwrite(target, original);
    } catch {
      throw new Error(`${(error as Error).message}; the file may be incomplete: the fixed text is in ${temporary.toString()}`);
    }
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.rmSync(temporary, { force: true });
}

/** Beside the file, byte for byte (latin1 maps each byte to one character, so names need not be UTF-8). */
function temporaryBeside(target: Buffer): Buffer {
  const raw = target.toString('latin1');
  const name = `${path.dirname(raw)}${path.sep}.${path.basename(raw)}.${process.pid}-${threadId}.http-status-lens.tmp`;
  return Buffer.from(name, 'latin1');
}

function writeSynced(file: Buffer, bytes: Buffer): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    throw new NotWritableError(`no temporary file can be made beside it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let written = false;
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
    written = true;
  } finally {
    fs.closeSync(fd);
    if (!written) fs.rmSync(file, { force: true });
  }
}

/** The file's content replaced, never truncated to empty first: written from the start, then cut. */
function overwrite(target: Buffer, bytes: Buffer): void {
  const fd = fs.openSync(target, fs.constants.O_WRONLY);
  try {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, done);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

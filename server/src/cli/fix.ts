/** --fix writes what the service's fixDocument (service/features/fixAll.ts) gives, in place. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export { type FixResult, fixDocument } from '../service';

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
  // Loaded here, not at start (see workers.ts: a run that fixes nothing never needs it).
  const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
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

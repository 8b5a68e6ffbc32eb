/** --fix writes what the service's fixDocument (service/features/fixAll.ts) gives, atomically. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

export { type FixResult, fixDocument } from '../service/features/fixAll';

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

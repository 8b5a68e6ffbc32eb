/**
 * The ignore layers of a directory walk: the built-in list, `.gitignore` files (and the repository's
 * `.git/info/exclude`), then the `ignore` lists of the config files that apply. Later layers win.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type IgnoreLayer, ignoreLayer, isRepositoryRoot } from '../config';

/** Skipped by every walk unless a config file re-includes them (`"!dist/"`). */
export const BUILT_IN_IGNORES = ['node_modules/', '.git/', '.hg/', '.svn/', 'dist/', 'out/', 'build/', 'coverage/', 'vendor/', '.*/'];

/** The `.gitignore` of one directory as a layer; undefined when there is none. */
export function gitignoreIn(directory: string): IgnoreLayer | undefined {
  const patterns = readLines(path.join(directory, '.gitignore'));
  return patterns ? ignoreLayer(directory, patterns) : undefined;
}

/**
 * The git layers that apply at `directory` from the directories above it: the repository's info/exclude
 * and the `.gitignore` of each directory from the repository root down to (not including) `directory`.
 * Outside a repository, nothing above the walk is read.
 */
export function gitLayersAbove(directory: string): IgnoreLayer[] {
  const above: string[] = [];
  let repository: string | undefined;
  for (let dir = directory; ; dir = path.dirname(dir)) {
    if (dir !== directory) above.push(dir);
    if (isRepositoryRoot(dir)) {
      repository = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!repository) return [];
  const layers: IgnoreLayer[] = [];
  const exclude = readLines(path.join(repository, '.git', 'info', 'exclude'));
  if (exclude) layers.push(ignoreLayer(repository, exclude));
  for (const dir of above.reverse()) {
    const layer = gitignoreIn(dir);
    if (layer) layers.push(layer);
  }
  return layers;
}

function readLines(file: string): string[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return lines.length > 0 ? lines : undefined;
}

/**
 * .gitignore-style patterns from several places: each layer belongs to a directory (a `.gitignore`, a config
 * file's `ignore` list, the CLI's built-in list) and its patterns are relative to it. The layers are
 * rewritten relative to the filesystem root and read as one list, later layers last, so they combine as
 * git combines its ignore files: a later `!pattern` re-includes, and nothing inside an excluded directory
 * can be re-included.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { rebase } from './patterns';

export interface IgnoreLayer {
  /** Absolute directory the patterns are relative to. */
  base: string;
  patterns: readonly string[];
}

export function ignoreLayer(base: string, patterns: readonly string[]): IgnoreLayer {
  return { base, patterns };
}

export class IgnoreMatcher {
  private readonly matcher: Ignore;
  /**
   * Every pattern names directories only (`dist/`, `!build/`): a file is then excluded only by a directory
   * above it, so a walk that never enters an excluded directory need not ask for its files (most trees: the
   * built-in list, and .gitignore files of directory names).
   */
  readonly directoriesOnly: boolean;

  constructor(readonly layers: readonly IgnoreLayer[]) {
    const patterns = layers.flatMap((layer) =>
      layer.patterns.map((p) => rebase(p, fromRoot(layer.base))).filter((p): p is string => p !== undefined),
    );
    this.matcher = ignore().add(patterns);
    this.directoriesOnly = patterns.every((p) => p.endsWith('/'));
  }

  /** Whether `absolute` (a directory when `isDirectory`) is excluded, by itself or by a directory above it. */
  ignores(absolute: string, isDirectory: boolean): boolean {
    const relative = fromRoot(absolute);
    if (relative === '' || this.layers.length === 0) return false;
    return this.matcher.ignores(relative + (isDirectory ? '/' : ''));
  }
}

/** Whether a file is excluded by the layers (a convenience for single checks). */
export function isFileIgnored(layers: readonly IgnoreLayer[], file: string): boolean {
  return layers.length > 0 && new IgnoreMatcher(layers).ignores(file, false);
}

export function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}

/** A normalized POSIX absolute path: no empty, `.` or `..` segment, no trailing slash. */
const normalizedPosix = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

function fromRoot(absolute: string): string {
  // The walk asks this for every file: slicing a normalized path is what path.relative would give.
  if (path.sep === '/' && normalizedPosix.test(absolute)) return absolute.slice(1);
  return toPosix(path.relative(path.parse(absolute).root, absolute));
}

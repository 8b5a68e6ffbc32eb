/**
 * .gitignore-style patterns in layers: each layer belongs to a directory (a `.gitignore`, a config file's
 * `ignore` list, the built-in list) and its patterns are relative to it. Layers are consulted in order and
 * the last one with a verdict wins, so a nearer `!pattern` can re-include what an outer layer excluded.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface IgnoreLayer {
  /** Absolute directory the patterns are relative to. */
  base: string;
  matcher: Ignore;
}

export function ignoreLayer(base: string, patterns: readonly string[]): IgnoreLayer {
  return { base, matcher: ignore({ allowRelativePaths: false }).add(patterns) };
}

/** Whether `absolute` (a directory when `isDirectory`) is excluded by the layers, looking at it alone. */
export function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = path.relative(layer.base, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const verdict = layer.matcher.test(toPosix(relative) + (isDirectory ? '/' : ''));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Whether a file is excluded, by itself or because one of its directories below `top` is: what a walk from
 * `top` would decide, for a file named on its own (by the CLI's arguments or opened in the editor).
 */
export function isFileIgnored(layers: readonly IgnoreLayer[], file: string, top: string): boolean {
  if (layers.length === 0) return false;
  const below = path.relative(top, path.dirname(file));
  if (below !== '' && !below.startsWith('..') && !path.isAbsolute(below)) {
    let dir = top;
    for (const segment of below.split(path.sep)) {
      dir = path.join(dir, segment);
      if (isIgnored(layers, dir, true)) return true;
    }
  }
  return isIgnored(layers, file, false);
}

export function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}

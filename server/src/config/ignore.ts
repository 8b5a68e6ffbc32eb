/**
 * .gitignore-style patterns from several places: each layer belongs to a directory (a `.gitignore`, a config
 * file's `ignore` list, the CLI's built-in list) and its patterns are relative to it. The layers are
 * rewritten relative to the filesystem root and read as one list, later layers last, so they combine as
 * git combines its ignore files: a later `!pattern` re-includes, and nothing inside an excluded directory
 * can be re-included.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

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

  constructor(readonly layers: readonly IgnoreLayer[]) {
    this.matcher = ignore().add(
      layers.flatMap((layer) => layer.patterns.map((p) => rebase(p, fromRoot(layer.base))).filter((p): p is string => p !== undefined)),
    );
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

function fromRoot(absolute: string): string {
  return toPosix(path.relative(path.parse(absolute).root, absolute));
}

/**
 * A pattern of a layer at `prefix` (its base, relative to the root) as a pattern relative to the root:
 * anchored patterns (a '/' before the end) stay anchored under the base, others match at any depth below it.
 */
function rebase(line: string, prefix: string): string | undefined {
  let pattern = trimUnescapedEnd(line);
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  let negation = '';
  if (pattern.startsWith('!')) {
    negation = '!';
    pattern = pattern.slice(1);
  }
  if (prefix === '') return negation + pattern;
  const anchored = pattern.slice(0, -1).includes('/');
  const escaped = prefix.replace(/[\\*?[\]!#]/g, '\\$&');
  return `${negation}${escaped}/${anchored ? pattern.replace(/^\//, '') : '**/' + pattern}`;
}

/** Trailing blanks go, unless a backslash escapes the first of them (gitignore's rule); a loop, not a regex. */
function trimUnescapedEnd(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1])) end--;
  if (end < line.length && end > 0 && line[end - 1] === '\\') end++;
  return line.slice(0, end);
}

/** How files are named in output: relative to the working directory when inside it, else absolute. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export function displayPath(absolute: string, cwd: string): string {
  return displayPaths(cwd)(absolute);
}

/**
 * displayPath for the files of one working directory. Both are resolved: a path below it is its tail
 * (path.relative for each of 5,000 files was a tenth of the walk), found by a prefix made once (made for
 * each file, it was a sixth of the walk).
 */
export function displayPaths(cwd: string): (absolute: string) => string {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  return (absolute) => {
    if (absolute.length > prefix.length && absolute.startsWith(prefix)) return absolute.slice(prefix.length);
    const relative = path.relative(cwd, absolute);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  };
}

/** A '/'-separated path relative to `base`, or undefined when `absolute` is not inside it. */
export function relativePosix(base: string, absolute: string): string | undefined {
  const relative = path.relative(base, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** Characters a file URI writes as they are in a POSIX path (pathToFileURL leaves them unescaped). */
const plainPath = /^\/[A-Za-z0-9/._+-]*$/;
/** `.` and `..` segments, which a URL resolves. */
const dotSegment = /\/\.\.?(?:\/|$)/;

/**
 * `pathToFileURL(absolute).href`, without building a URL for the common path that needs no escaping: a
 * --cache re-run asks it twice for every file of the project (a tenth of its time).
 */
export function fileUri(absolute: string): string {
  return plainPath.test(absolute) && !dotSegment.test(absolute) ? `file://${absolute}` : pathToFileURL(absolute).href;
}

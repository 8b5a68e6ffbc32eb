/** How files are named in output: relative to the working directory when inside it, else absolute. */
import * as path from 'node:path';

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** A '/'-separated path relative to `base`, or undefined when `absolute` is not inside it. */
export function relativePosix(base: string, absolute: string): string | undefined {
  const relative = path.relative(base, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * Globs given on the command line (quoted, so the shell leaves them alone): `*`, `?`, `**`, `[abc]`,
 * `{a,b}`. Matched against '/'-separated paths relative to the directory the glob starts from.
 */

const MAGIC = /[*?[\]{}]/;

export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

/** Splits a glob into the directory to walk (no magic in it) and the pattern below it. */
export function splitGlob(glob: string): { base: string; pattern: string } {
  const segments = glob.replace(/\\/g, '/').split('/');
  const magicAt = segments.findIndex((segment) => MAGIC.test(segment));
  const base = segments.slice(0, magicAt).join('/');
  return { base: base === '' && glob.startsWith('/') ? '/' : base || '.', pattern: segments.slice(magicAt).join('/') };
}

/** A matcher for '/'-separated relative paths. `*` and `?` do not cross '/', `**` spans directories. */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  const regex = new RegExp(`^${translate(pattern)}$`);
  return (relativePath) => regex.test(relativePath);
}

function translate(pattern: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
          if (i + 2 === pattern.length) out += '.*';
          else out += '(?:[^/]*/)*';
          i += 2;
          continue;
        }
      }
      out += '[^/]*';
      while (pattern[i + 1] === '*') i++;
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let set = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = '^' + set.slice(1);
        out += `[${set}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\/{}]/g, '\\$&');
  }
  return out + ')'.repeat(braces);
}

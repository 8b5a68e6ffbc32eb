/** Rewriting .gitignore-style patterns between directories: pure, so that the web server can use it too. */

/**
 * A pattern of a layer at `prefix` (its base, relative to the root) as a pattern relative to the root:
 * anchored patterns (a '/' before the end) stay anchored under the base, others match at any depth below it.
 */
export function rebase(line: string, prefix: string): string | undefined {
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

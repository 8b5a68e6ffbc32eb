/**
 * Globs given on the command line (quoted, so the shell leaves them alone): `*`, `?`, `**`, `[abc]`,
 * `{a,b}`. Matched against '/'-separated paths relative to the directory the glob starts from.
 *
 * No regular expression: `*a*a*a*b` as a regex backtracks polynomially (degree = stars) on a long name.
 * Braces are expanded into alternatives, each alternative is matched segment by segment, and `*` (within a
 * name) and `**` (across names) with the greedy wildcard algorithm, which retries only from the last star:
 * O(pattern x path) at worst.
 */

const MAGIC = /[*?[\]{}]/;
/** More alternatives and braces than any hand-written glob has: `{a,b}{a,b}...` grows as 2^n, nesting recurses. */
const MAX_ALTERNATIVES = 1024;
const MAX_BRACES = 64;

export class GlobError extends Error {}

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
  if (pattern.split('{').length - 1 > MAX_BRACES) throw new GlobError(`more than ${MAX_BRACES} braces`);
  const alternatives = expandBraces(tokenize(pattern)).map(segmentsOf);
  return (relativePath) => {
    const names = relativePath.split('/');
    return alternatives.some((segments) => wildcardMatch<NamePattern, string>(segments, names, GLOBSTAR, matchName));
  };
}

type CharTest = (c: string) => boolean;
const STAR = Symbol('*');
const GLOBSTAR = Symbol('**');
/** The glob before brace expansion; `{` `,` `}` stay strings until the expansion knows whether they group. */
type Token = CharTest | typeof STAR | typeof GLOBSTAR | '/' | '{' | ',' | '}';
/** One name of a path: a test per character, and STAR for `*`. */
type NamePattern = (CharTest | typeof STAR)[];
type Segment = NamePattern | typeof GLOBSTAR;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      // `**` is a globstar only as a whole name of the glob as written; other runs of stars are one `*`.
      let end = i + 1;
      while (pattern[end] === '*') end++;
      const whole = end - i === 2 && (i === 0 || pattern[i - 1] === '/') && (end === pattern.length || pattern[end] === '/');
      tokens.push(whole ? GLOBSTAR : STAR);
      i = end - 1;
    } else if (c === '?') tokens.push(() => true);
    else if (c === '[' && classEnd(pattern, i) > 0) {
      const end = classEnd(pattern, i);
      tokens.push(charClass(pattern.slice(i + 1, end)));
      i = end;
    } else if (c === '/' || c === '{' || c === ',' || c === '}') tokens.push(c);
    else tokens.push((d) => d === c);
  }
  return tokens;
}

/** The `]` closing a class opened at `open` (a `]` right after `[` is a member), or -1. */
function classEnd(text: string, open: number): number {
  return text.indexOf(']', open + 2);
}

/** `abc`, `a-z`, negated by a leading `!` or `^`. */
function charClass(set: string): CharTest {
  const negated = set[0] === '!' || set[0] === '^';
  const members = negated ? set.slice(1) : set;
  return (c) => {
    let found = false;
    for (let i = 0; i < members.length && !found; i++) {
      if (members[i + 1] === '-' && i + 2 < members.length) {
        found = members[i] <= c && c <= members[i + 2];
        i += 2;
      } else found = members[i] === c;
    }
    return found !== negated;
  };
}

/** `a{b,c{d,e}}f` -> abf, acdf, acef. A `{` never closed closes at the end. */
function expandBraces(tokens: Token[]): Token[][] {
  const open = tokens.indexOf('{');
  if (open < 0) return [tokens];
  const parts: Token[][] = [];
  let depth = 0;
  let from = open + 1;
  let end = tokens.length;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i] === '{') depth++;
    else if (tokens[i] === '}' && --depth === 0) {
      end = i;
      break;
    } else if (tokens[i] === ',' && depth === 1) {
      parts.push(tokens.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(tokens.slice(from, end));
  const rest = expandBraces(tokens.slice(end + 1));
  const out: Token[][] = [];
  for (const part of parts) {
    for (const inner of expandBraces(part)) {
      for (const tail of rest) {
        if (out.push([...tokens.slice(0, open), ...inner, ...tail]) > MAX_ALTERNATIVES)
          throw new GlobError(`more than ${MAX_ALTERNATIVES} alternatives in its braces`);
      }
    }
  }
  return out;
}

/** The tokens of one alternative, cut into names; a `,` or `}` that grouped nothing is itself. */
function segmentsOf(tokens: Token[]): Segment[] {
  const segments: Segment[] = [];
  let name: NamePattern = [];
  let globstar = false;
  const endName = () => segments.push(globstar ? GLOBSTAR : name);
  for (const token of tokens) {
    if (token === '/') {
      endName();
      ((name = []), (globstar = false));
    } else if (token === GLOBSTAR) globstar = true;
    else if (token === STAR) {
      if (name[name.length - 1] !== STAR) name.push(STAR);
    } else if (typeof token === 'string') name.push((d) => d === token);
    else name.push(token);
  }
  endName();
  // A trailing `**` matches everything below, but not the directory itself: one name or more.
  if (globstar) segments.splice(-1, 0, [STAR]);
  return segments;
}

function matchName(pattern: NamePattern, name: string): boolean {
  return wildcardMatch<CharTest, string>(pattern, name, STAR, (test, c) => test(c));
}

/**
 * Whether `items` match `pattern`, where `star` stands for any run of items and every other element of the
 * pattern for one item. On a mismatch only the last star takes one more item: earlier stars never need to
 * (whatever they could still absorb, the last one can), which keeps it from backtracking.
 */
function wildcardMatch<P, I>(
  pattern: readonly (P | symbol)[],
  items: ArrayLike<I>,
  star: symbol,
  matchOne: (p: P, item: I) => boolean,
): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let starItems = 0;
  while (i < items.length) {
    if (p < pattern.length && pattern[p] === star) {
      starAt = p++;
      starItems = i;
    } else if (p < pattern.length && pattern[p] !== star && matchOne(pattern[p] as P, items[i])) {
      p++;
      i++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++starItems;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === star) p++;
  return p === pattern.length;
}

/**
 * Hostile inputs, each a generator of size n: deep nesting in every syntax, huge lines, floods of sites,
 * comments, anchors and aliases, alias bombs, binary, unusual encodings. The point is time and stack: each
 * must be handled in about linear time without a stack overflow (hostile.test.ts and long.fuzz.ts run
 * them in a worker with a deadline, so a hang fails the test instead of blocking it).
 */
import { CODE_LANGUAGES } from './corpus';

export interface HostileCase {
  name: string;
  languageId: string;
  /** The input at size n (n is roughly the nesting depth or the repeat count). */
  make(n: number): string;
  /** The n of the bounded run (`npm test`); the long run multiplies it. */
  n: number;
  /** Part of the bounded run (the long run runs every case). */
  bounded: boolean;
  /** Known to be too slow, and why: the test is a `todo` until it is fixed (then delete this). */
  slow?: string;
}

/** One language per code family: the bounded run feeds every family the cases that concern all of them. */
export const FAMILY_LANGUAGES = ['typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'].filter((l) =>
  CODE_LANGUAGES.includes(l),
);

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** The languages the bounded run feeds the cases that concern all of them (the long run: every family). */
const BOUNDED_LANGUAGES = new Set(['typescript', 'yaml', 'json']);

type Case = Omit<HostileCase, 'bounded'>;

/** Cases that concern every code family. */
const codeCases: Omit<Case, 'languageId'>[] = [
  {
    name: 'parentheses nested 30,000 deep around a status call',
    n: 30_000,
    make: (n) => 'res.status(' + '('.repeat(n) + '424' + ')'.repeat(n) + ')',
  },
  { name: 'braces nested 30,000 deep', n: 30_000, make: (n) => 'function f() ' + '{'.repeat(n) + 'res.status(424);' + '}'.repeat(n) },
  {
    name: 'unclosed { ( [ 10,000 times, then 1,000 sites',
    n: 10_000,
    make: (n) => '{(['.repeat(n) + 'res.status(424);\n'.repeat(1000),
  },
  {
    name: '2,000 sites in one handler',
    n: 2_000,
    make: (n) => 'function f(req, res) {\n' + 'res.status(424).json({ error: "the order is locked" });\n'.repeat(n) + '}\n',
  },
  {
    name: '2,000 functions in one statement (a bundle)',
    n: 2_000,
    make: (n) => 'define([' + 'function (req, res) { res.status(424); },'.repeat(n) + ']);\n',
  },
  {
    name: '2,000 sites in one error-handling block',
    n: 2_000,
    make: (n) => 'try { x(); } catch (e) {\n' + '  res.status(424);\n'.repeat(n) + '}\n',
  },
  { name: '10,000 comments', n: 5_000, make: (n) => '// a comment\n/* block */ # hash\n'.repeat(n) },
  { name: 'a 200 KB line of one identifier', n: 200_000, make: (n) => 'x'.repeat(n) + '(424)' },
  { name: 'an unterminated string of 200 KB', n: 200_000, make: (n) => 'res.status(424, "' + 'a'.repeat(n) },
  {
    name: 'an unterminated block comment of 200 KB',
    n: 200_000,
    make: (n) => '/* ' + 'http-status-lens-disable-next-line '.repeat(n / 40),
  },
  { name: 'a comment of 10,000 mentions', n: 5_000, make: (n) => '// ' + 'HTTP 424 Failed Dependency, status 409; '.repeat(n) + '\n' },
  {
    name: '200 KB of spaces before a mention',
    n: 200_000,
    make: (n) => '// HTTP' + ' '.repeat(n) + '424\n' + '"' + ' '.repeat(n) + '424 Failed Dependency"',
  },
  { name: '30,000 template holes opened', n: 30_000, make: (n) => '`${'.repeat(n) + 'res.status(424)' },
  {
    name: '2,000 disable comments',
    n: 2_000,
    make: (n) => '// http-status-lens-disable-next-line 424-for-lock */ -->\nres.status(424);\n'.repeat(n),
  },
  {
    name: 'an indentation pyramid 600 deep, a site at every other level',
    n: 600,
    make: (n) => lines(n, (i) => ' '.repeat(i) + (i % 2 ? 'def f():' : 'abort(424)')),
  },
];

/** Cases of one language's own syntax. */
const ownCases: Case[] = [
  {
    name: 'python: an indentation pyramid 600 deep, a site at every other level',
    languageId: 'python',
    n: 600,
    make: (n) => lines(n, (i) => ' '.repeat(i) + (i % 2 ? 'def f():' : 'abort(424)')),
  },
  {
    name: 'python: parentheses nested 30,000 deep',
    languageId: 'python',
    n: 30_000,
    make: (n) => 'abort(' + '('.repeat(n) + '424' + ')'.repeat(n) + ')',
  },
  {
    name: 'python: 2,000 sites in one def',
    languageId: 'python',
    n: 2_000,
    make: (n) => 'def handler():\n' + '    abort(424)\n'.repeat(n),
  },
  {
    name: 'python: 5,000 decorators',
    languageId: 'python',
    n: 5_000,
    make: (n) => '@app.route("/x")\n'.repeat(n) + 'def f():\n    abort(424)\n',
  },
  { name: 'python: unterminated triple quote', languageId: 'python', n: 200_000, make: (n) => 'x = """' + 'abort(424) '.repeat(n / 10) },
  {
    name: 'ruby: 2,000 sites in one statement that never ends',
    languageId: 'ruby',
    n: 2_000,
    make: (n) => 'run {\n' + 'res.status(424).json({ error: "the order is locked" })\n'.repeat(n),
  },
  {
    name: 'ruby: 10^4 heredocs opened on one line, never closed',
    languageId: 'ruby',
    n: 10_000,
    make: (n) => 'x(' + '<<EOS, '.repeat(n) + ')\n' + 'head 424\n'.repeat(1000),
  },
  { name: 'ruby: =begin never closed', languageId: 'ruby', n: 200_000, make: (n) => '=begin\n' + 'head 424\n'.repeat(n / 10) },
  {
    name: 'php: 10^4 heredocs never closed',
    languageId: 'php',
    n: 10_000,
    make: (n) => '<?php\n' + '<<<EOT\n'.repeat(n) + 'abort(424);\n'.repeat(1000),
  },
  {
    name: 'rust: block comments nested 30,000 deep',
    languageId: 'rust',
    n: 30_000,
    make: (n) => '/*'.repeat(n) + 'StatusCode::FAILED_DEPENDENCY' + '*/'.repeat(n),
  },
  {
    name: 'rust: a raw string with 30,000 hashes',
    languageId: 'rust',
    n: 30_000,
    make: (n) => 'r' + '#'.repeat(n) + '"' + 'x'.repeat(n) + '"' + '#'.repeat(n - 1),
  },
  {
    name: 'kotlin: nested comments never closed',
    languageId: 'kotlin',
    n: 30_000,
    make: (n) => '/*'.repeat(n) + 'call.respond(HttpStatusCode.FailedDependency)',
  },
  { name: 'csharp: a verbatim string of doubled quotes', languageId: 'csharp', n: 200_000, make: (n) => 'var s = @"' + '""'.repeat(n / 2) },
  {
    name: 'go: 2,000 if err != nil blocks',
    languageId: 'go',
    n: 2_000,
    make: (n) => 'func f(w http.ResponseWriter) {\n' + 'if err != nil {\n\tw.WriteHeader(424)\n}\n'.repeat(n) + '}\n',
  },
  {
    name: 'typescript: 10,000 regex literals',
    languageId: 'typescript',
    n: 10_000,
    make: (n) => 'x = /[/]\\//g; '.repeat(n) + 'res.status(424);',
  },
];

const spec = (body: string) => `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n${body}`;
const jsonSpec = (responses: string, tail = '') => `{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {${responses}}}}}${tail}}`;

/**
 * A JSON spec on one line with n responses in one operation, alternately "409" and "424" with a description that
 * speaks of a lock: every "424" is a finding (424-for-lock, with its fixes), n/2 of them (issue 20 item 5).
 */
export function oneLineResponses(n: number): string {
  return jsonSpec(Array.from({ length: n }, (_, i) => `"${i % 2 ? 424 : 409}": {"description": "locked ${i}"}`).join(','));
}

const specCases: Case[] = [
  {
    name: 'json: [ nested 10^5 deep',
    languageId: 'json',
    n: 100_000,
    make: (n) => jsonSpec('"424": {"description": "locked"}', ', "x": ' + '['.repeat(n)),
  },
  {
    name: 'json: objects nested 20,000 deep, closed',
    languageId: 'json',
    n: 20_000,
    make: (n) => jsonSpec('"424": {"description": "locked"}', ', "x": ' + '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  },
  {
    name: 'json: nested 30,000 deep inside a response',
    languageId: 'json',
    n: 30_000,
    make: (n) => jsonSpec('"424": {"description": "locked", "x": ' + '['.repeat(n) + ']'.repeat(n) + '}'),
  },
  {
    name: 'json: 5,000 responses in one operation, on one line',
    languageId: 'json',
    n: 5_000,
    make: oneLineResponses,
  },
  {
    name: 'json: a 500 KB string value',
    languageId: 'json',
    n: 500_000,
    make: (n) => jsonSpec('"424": {"description": "' + 'locked '.repeat(n / 7) + '"}'),
  },
  {
    name: 'yaml: flow [ nested 10^5 deep',
    languageId: 'yaml',
    n: 100_000,
    make: (n) => spec("        '424': {description: locked}\n") + 'x: ' + '['.repeat(n),
  },
  {
    name: 'yaml: flow maps nested 30,000 deep, closed',
    languageId: 'yaml',
    n: 30_000,
    make: (n) => spec("        '424': {description: locked}\n") + 'x: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n),
  },
  {
    name: 'yaml: block mappings indented 500 deep',
    languageId: 'yaml',
    n: 500,
    make: (n) => spec("        '424': {description: locked}\n") + 'x:\n' + lines(n, (i) => ' '.repeat(i + 1) + `k${i}:`),
  },
  {
    name: 'yaml: 10^5 nested sequences on one line',
    languageId: 'yaml',
    n: 100_000,
    make: (n) => spec("        '424': {description: locked}\n") + 'x: ' + '- '.repeat(n) + 'a',
  },
  {
    name: 'yaml: billion laughs (alias bomb)',
    languageId: 'yaml',
    n: 30,
    make: (n) => {
      const levels = [`a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
      for (let i = 1; i <= n; i++)
        levels.push(
          `a${i}: &a${i} [${Array(9)
            .fill(`*a${i - 1}`)
            .join(',')}]`,
        );
      return spec(`        '424':\n          description: *a${n}\n`) + levels.join('\n') + '\n';
    },
  },
  {
    name: 'yaml: 10,000 anchors and aliases',
    languageId: 'yaml',
    n: 10_000,
    make: (n) => spec("        '424': {description: locked}\n") + lines(n, (i) => `k${i}: &x${i} *x${Math.max(0, i - 1)}`),
  },
  {
    name: 'yaml: 5,000 responses in one operation',
    languageId: 'yaml',
    n: 5_000,
    make: (n) => spec(lines(n, (i) => `        '${i % 2 ? 424 : 409}':\n          description: locked ${i}`) + '\n'),
  },
  {
    name: 'yaml: 5,000 operations',
    languageId: 'yaml',
    n: 5_000,
    make: (n) =>
      'openapi: 3.0.0\npaths:\n' +
      lines(n, (i) => `  /a${i}:\n    put:\n      responses:\n        '424': {description: the order is locked}`),
  },
  {
    name: 'yaml: 10,000 documents',
    languageId: 'yaml',
    n: 10_000,
    make: (n) => spec("        '424': {description: locked}\n") + '---\nopenapi: 3.0.0\n'.repeat(n),
  },
  {
    name: 'yaml: a 200 KB plain scalar line',
    languageId: 'yaml',
    n: 200_000,
    make: (n) => spec("        '424':\n          description: " + 'locked '.repeat(n / 7) + '\n'),
  },
  {
    name: 'yaml: a 200 KB double-quoted scalar of escapes',
    languageId: 'yaml',
    n: 200_000,
    make: (n) => spec("        '424':\n          description: \"" + '\\x41\\u0042\\n'.repeat(n / 16) + '"\n'),
  },
  {
    name: 'yaml: a 10,000-line multi-line plain scalar',
    languageId: 'yaml',
    n: 10_000,
    make: (n) => spec("        '424':\n          description: start\n" + '            more locked text\n'.repeat(n)),
  },
  {
    name: 'yaml: 5,000 comment lines and disable comments',
    languageId: 'yaml',
    n: 5_000,
    make: (n) => spec('        # http-status-lens-disable-next-line */ -->\n'.repeat(n) + "        '424': {description: locked}\n"),
  },
  { name: 'yaml: a 200 KB key', languageId: 'yaml', n: 200_000, make: (n) => spec(`        '${'4'.repeat(n)}': {description: x}\n`) },
  { name: 'yaml: tabs and CR everywhere', languageId: 'yaml', n: 10_000, make: (n) => spec("\t'424':\r\t\tdescription: x\r".repeat(n)) },
];

/** Inputs that no syntax expects, for every language. */
const anyCases: Omit<Case, 'languageId'>[] = [
  { name: '200 KB of NUL', n: 200_000, make: (n) => '\u0000'.repeat(n) },
  { name: '200 KB of random bytes', n: 200_000, make: (n) => randomBytes(n).toString('latin1') },
  { name: '20,000 lone surrogates and BOMs', n: 20_000, make: (n) => '\ufeff' + '\ud800x\udc00\ufeff\u2028'.repeat(n) + 'res.status(424)' },
];

function randomBytes(n: number): Buffer {
  // Deterministic: the same bytes every run.
  const bytes = Buffer.alloc(n);
  let state = 0x2545f491;
  for (let i = 0; i < n; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export const hostileCases: readonly HostileCase[] = [
  ...codeCases.flatMap((c) =>
    FAMILY_LANGUAGES.map((languageId) => ({
      ...c,
      name: `${languageId}: ${c.name}`,
      languageId,
      bounded: BOUNDED_LANGUAGES.has(languageId),
    })),
  ),
  ...ownCases.map((c) => ({ ...c, bounded: true })),
  ...specCases.map((c) => ({ ...c, bounded: true })),
  ...anyCases.flatMap((c) =>
    ['typescript', 'python', 'ruby', 'yaml', 'json'].map((languageId) => ({
      ...c,
      name: `${languageId}: ${c.name}`,
      languageId,
      bounded: BOUNDED_LANGUAGES.has(languageId),
    })),
  ),
];

export function hostileCase(name: string): HostileCase {
  const found = hostileCases.find((c) => c.name === name);
  if (!found) throw new Error(`no hostile case "${name}"`);
  return found;
}

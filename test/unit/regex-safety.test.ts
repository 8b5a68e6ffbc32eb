/**
 * No catastrophic regular expressions: every regex literal in server/src (found by parsing the source with
 * the TypeScript compiler, so a new one is checked the day it is added) must run in linear time.
 *
 * - With the `recheck` package installed (a static ReDoS checker, offline), each regex is checked by it.
 * - Always: adversarial inputs built from the regex's own characters (a run of one character or pair,
 *   between a prefix and a suffix that make the match fail) at growing sizes, small steps first so an
 *   exponential regex shows in milliseconds; the time must grow about linearly. This catches the classic
 *   shapes: `\s*:?\s*`, `.*$` after a repeated prefix, nested quantifiers, `(?<!x)\s+$`.
 * - A regex built at run time (`new RegExp(...)`) must be listed in DYNAMIC with a check of its own.
 * Known offenders are listed in KNOWN (a `todo` each, with the input that shows it) until they are fixed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { GlobError, globMatcher } from '../../server/src/cli/glob';

const root = path.resolve(__dirname, '../..');
const sourceRoot = path.join(root, 'server/src');

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function findRegexes(): { literals: Found[]; dynamic: { file: string; line: number; text: string }[] } {
  const literals: Found[] = [];
  const dynamic: { file: string; line: number; text: string }[] = [];
  for (const file of sourceFiles(sourceRoot)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const relative = path.relative(root, file);
    const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        literals.push({ file: relative, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        dynamic.push({ file: relative, line: lineOf(node), text: node.getText(sf) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

/** Regexes known to backtrack super-linearly, by file and source: a `todo` each until fixed. */
const KNOWN: Record<string, string> = {};

/** Every `new RegExp(...)` must be listed here, with a check of what it can be built from. */
const DYNAMIC: Record<string, string> = {};

/** Time of one exec, in ms: the best of up to 3, so a GC pause or a busy machine does not count. */
function timeExec(regex: RegExp, input: string): number {
  let best = Infinity;
  // A slow exec is timed again (up to 3 times): one pause of the machine must not read as growth; only runs
  // of a second or more (an exponential regex) are not repeated.
  for (let i = 0; i < 3 && (i === 0 || (best > 0.5 && best < 1000)); i++) {
    regex.lastIndex = 0;
    const start = performance.now();
    regex.exec(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The characters a regex talks about, plus the usual suspects; pumped singly and in pairs. */
function pumps(source: string): string[] {
  const chars = new Set([' ', '\t', '\n', 'a', '0', '.', '"', "'", '\\', '/', '#', '*', '-', ':', '_']);
  for (const c of source.replace(/\\[dswDSWbB]/g, '')) if (c >= ' ' && c <= '~') chars.add(c);
  const singles = [...chars];
  const pairs = ['*/', '-->', '\\\\', ' :', '"\\', '\\"', '#\n', '.\t'];
  return [...singles, ...pairs];
}

/** Sizes tried in turn: small steps first, so an exponential regex is caught after milliseconds, not hours. */
const SIZES = [4, 8, 12, 16, 20, 24, 28, 32, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096, 8192];
/** Above this (ms) for one exec the sizes stop growing: the shape is clear by then. */
const ENOUGH_MS = 30;

/**
 * The worst degree of growth over every adversarial input: time ~ size^degree between the last two sizes
 * tried (linear ~1, quadratic ~2, exponential: large), judged only where an exec took 3 ms or more.
 */
function worstGrowth(regex: RegExp): { degree: number; ms: number; attack: string } {
  let worst = { degree: 0, ms: 0, attack: '' };
  for (const pump of pumps(regex.source)) {
    for (const prefix of ['', '.', '"', '\\']) {
      for (const suffix of ['', '\n', '\u0000', '\\', '!']) {
        const make = (n: number) => prefix + pump.repeat(n) + suffix;
        let previous: { n: number; ms: number } | undefined;
        for (const n of SIZES) {
          const ms = timeExec(regex, make(n));
          if (previous && ms >= 3) {
            const degree = Math.log(ms / Math.max(previous.ms, 0.01)) / Math.log(n / previous.n);
            if (degree > worst.degree)
              worst = {
                degree,
                ms,
                attack: `${JSON.stringify(prefix)} + ${JSON.stringify(pump)}.repeat(${n}) + ${JSON.stringify(suffix)}`,
              };
          }
          if (ms > ENOUGH_MS) break;
          previous = { n, ms };
        }
      }
    }
  }
  return worst;
}

type Checker = (source: string, flags: string) => { status: string; complexity?: { summary: string }; attack?: { pattern: string } };

function loadRecheck(): Checker | undefined {
  try {
    process.env.RECHECK_BACKEND ??= 'pure';
    return (require('recheck') as { checkSync: Checker }).checkSync;
  } catch {
    return undefined;
  }
}

describe('regex safety: every regular expression in server/src runs in linear time', () => {
  const { literals, dynamic } = findRegexes();
  const recheck = loadRecheck();

  test('the source has regexes to check (the finder works)', () => {
    assert.ok(literals.length >= 10, `found only ${literals.length}`);
    assert.ok(
      literals.some((r) => r.source === '^[0-9]{3}$'),
      'a known literal is found',
    );
  });

  for (const found of literals) {
    const key = `${found.file} /${found.source}/`;
    const name = `${found.file}:${found.line} /${found.source}/${found.flags}`;
    // A known offender is listed, not run: its adversarial inputs take seconds (that is the bug).
    if (KNOWN[key]) {
      test(name, { todo: KNOWN[key] });
      continue;
    }
    test(name, () => {
      const regex = new RegExp(found.source, found.flags);
      if (recheck) {
        const result = recheck(found.source, found.flags);
        assert.notEqual(result.status, 'vulnerable', `recheck: ${result.complexity?.summary}, attack ${result.attack?.pattern}`);
      }
      const worst = worstGrowth(regex);
      assert.ok(worst.degree <= 1.5, `time grows like size^${worst.degree.toFixed(1)} (${worst.ms.toFixed(1)} ms) on ${worst.attack}`);
    });
  }

  test('every regex built at run time is known and checked', () => {
    const unknown = dynamic.filter((d) => !DYNAMIC[d.file]).map((d) => `${d.file}:${d.line} ${d.text}`);
    assert.deepEqual(unknown, [], 'a new `new RegExp(...)`: add it to DYNAMIC with a check of its inputs');
  });

  test('a glob with a few stars matches in about linear time', () => {
    for (const glob of ['**/*.ts', 'src/**/a*b*c.yaml', '{a,b}/**/*.{ts,js}', '*[abc]?*.json']) {
      const matches = globMatcher(glob);
      const time = (n: number) => {
        const start = performance.now();
        matches('a/'.repeat(n) + 'x'.repeat(n));
        return performance.now() - start;
      };
      const large = time(20_000);
      assert.ok(large < 50 || large / Math.max(time(5_000), 0.05) < 8, `${glob}: super-linear`);
    }
  });

  test('a glob of many stars cannot hang the CLI', () => {
    const matches = globMatcher('*a*a*a*a*a*a*a*a*b');
    const start = performance.now();
    assert.equal(matches('a'.repeat(30)), false);
    assert.equal(matches('a'.repeat(5_000)), false);
    assert.equal(matches('a'.repeat(5_000) + 'b'), true);
    assert.ok(performance.now() - start < 100);
  });

  test('a glob whose braces multiply out is refused, not expanded', () => {
    assert.throws(() => globMatcher('{a,b}'.repeat(11)), GlobError);
    assert.throws(() => globMatcher('{'.repeat(100_000)), GlobError);
    assert.equal(globMatcher('{a,b}'.repeat(10))('ab'.repeat(5)), true);
  });
});

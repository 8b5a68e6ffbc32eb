/**
 * Part of `npm run fuzz`: every regex literal of server/src timed on adversarial inputs built from its own
 * characters (a run of one character or pair between a prefix and a suffix that make the match fail), at
 * growing sizes, small steps first so an exponential regex shows in milliseconds; the time must grow about
 * linearly. Catches the classic shapes: `\s*:?\s*`, `.*$` after a repeated prefix, nested quantifiers,
 * `(?<!x)\s+$`. Timed, so it lives here and not in `npm test` (test/unit/regex-safety.test.ts checks the same
 * regexes statically with recheck).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { globMatcher } from '../../server/src/cli/glob';
import { findRegexes } from './regexes';

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

describe('regex growth: every regular expression in server/src runs in about linear time', () => {
  for (const found of findRegexes().literals) {
    test(`${found.file}:${found.line} /${found.source}/${found.flags}`, () => {
      const worst = worstGrowth(new RegExp(found.source, found.flags));
      assert.ok(worst.degree <= 1.5, `time grows like size^${worst.degree.toFixed(1)} (${worst.ms.toFixed(1)} ms) on ${worst.attack}`);
    });
  }

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
});

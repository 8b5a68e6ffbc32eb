/**
 * No catastrophic regular expressions: every regex literal in server/src (found by parsing the source with
 * the TypeScript compiler, so a new one is checked the day it is added) is checked by `recheck`, a static
 * ReDoS analyser (offline, deterministic: no timing, so a loaded machine cannot fail it). A regex built at
 * run time (`new RegExp(...)`) must be listed in DYNAMIC with a check of its own. `npm run fuzz` also times
 * every regex on adversarial inputs at growing sizes (test/fuzz/regex-growth.fuzz.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSync } from 'recheck';
import { GlobError, globMatcher } from '../../server/src/cli/glob';
import { findRegexes } from '../fuzz/regexes';

/**
 * Regexes recheck calls polynomial whose every repetition in the ambiguous part is bounded, so a match
 * attempt costs at most a fixed number of steps per starting position (linear in the input, with that
 * constant); the fuzz run times them at scale. Keyed by file and source, with why.
 */
const BOUNDED: Record<string, string> = {
  'server/src/service/scanners/code/imports.ts /\\bimport\\s{1,100}(?:type\\s{1,100})?\\{([^}]{0,4000})\\}\\s{0,100}from\\s{0,100}[\'"]([^\'"\\n]{1,200})[\'"]/':
    'an import list is read up to 4,000 characters, its spaces up to 100',
  'server/src/service/scanners/code/imports.ts /\\b(?:const|let|var)\\s{1,100}\\{([^}]{0,4000})\\}\\s{0,100}=\\s{0,100}require\\(\\s{0,100}[\'"]([^\'"\\n]{1,200})[\'"]\\s{0,100}\\)/':
    'a destructured require is read up to 4,000 characters, its spaces up to 100',
  'server/src/service/scanners/code/imports.ts /^[ \\t]*use[ \\t]+\\\\?([\\w\\\\]{1,300})\\\\\\{([^}]{0,4000})\\}[ \\t]*;/':
    'a PHP group use is read up to 300 + 4,000 characters',
};

/** Every `new RegExp(...)` must be listed here, with a check of what it can be built from. */
const DYNAMIC: Record<string, string> = {};

describe('regex safety: every regular expression in server/src runs in linear time', () => {
  const { literals, dynamic } = findRegexes();

  test('the source has regexes to check (the finder works)', () => {
    assert.ok(literals.length >= 10, `found only ${literals.length}`);
    assert.ok(
      literals.some((r) => r.source === '^[0-9]{3}$'),
      'a known literal is found',
    );
  });

  test('recheck tells a catastrophic regex from a safe one (the checker works)', () => {
    assert.equal(checkSync('^(a+)+$', '').status, 'vulnerable');
    assert.equal(checkSync('^[0-9]{3}$', '').status, 'safe');
  });

  for (const found of literals) {
    const key = `${found.file} /${found.source}/`;
    test(`${found.file}:${found.line} /${found.source}/${found.flags}`, () => {
      const result = checkSync(found.source, found.flags);
      if (result.status === 'vulnerable') {
        const why = `recheck: ${result.complexity.summary}, attack ${result.attack.pattern}`;
        assert.ok(BOUNDED[key] && result.complexity.type === 'polynomial', why);
      } else assert.equal(result.status, 'safe', `recheck could not decide: ${result.status}`);
    });
  }

  test('BOUNDED lists only regexes that exist', () => {
    const keys = new Set(literals.map((found) => `${found.file} /${found.source}/`));
    assert.deepEqual(
      Object.keys(BOUNDED).filter((key) => !keys.has(key)),
      [],
    );
  });

  test('every regex built at run time is known and checked', () => {
    const unknown = dynamic.filter((d) => !DYNAMIC[d.file]).map((d) => `${d.file}:${d.line} ${d.text}`);
    assert.deepEqual(unknown, [], 'a new `new RegExp(...)`: add it to DYNAMIC with a check of its inputs');
  });

  test('a glob of many stars cannot hang the CLI (no regex: a greedy wildcard match)', () => {
    const matches = globMatcher('*a*a*a*a*a*a*a*a*b');
    assert.equal(matches('a'.repeat(30)), false);
    assert.equal(matches('a'.repeat(5_000)), false);
    assert.equal(matches('a'.repeat(5_000) + 'b'), true);
  });

  test('a glob whose braces multiply out is refused, not expanded', () => {
    assert.throws(() => globMatcher('{a,b}'.repeat(11)), GlobError);
    assert.throws(() => globMatcher('{'.repeat(100_000)), GlobError);
    assert.equal(globMatcher('{a,b}'.repeat(10))('ab'.repeat(5)), true);
  });
});

// The JSON outline scanner, checked event for event against jsonc-parser's visit (the oracle it replaced),
// on real specs, token soup and mutated specs, plus deep nesting, which the oracle cannot read.
// Run: node --import tsx --test test/unit/outline/json.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { visit } from 'jsonc-parser';

import { visitJson, visitJsonOutline } from '../../../server/src/service/outline';

// ---------------------------------------------------------------------------------------------
// Event lists, one string per event. Errors are kept apart: the contract is the other events; the errors
// are compared too (same offsets, same count) because `fix` refuses to write a file that has any.

interface Scanned {
  events: string[];
  errors: string[];
}

function recorder(): { scanned: Scanned; visitor: Required<Parameters<typeof visitJsonOutline>[1]> } {
  const events: string[] = [];
  const errors: string[] = [];
  return {
    scanned: { events, errors },
    visitor: {
      onDocumentBegin: (o) => void events.push(`doc@${o}`),
      onObjectBegin: (o) => void events.push(`{@${o}`),
      onObjectEnd: (o) => void events.push(`}@${o}`),
      onArrayBegin: (o) => void events.push(`[@${o}`),
      onArrayEnd: (o) => void events.push(`]@${o}`),
      onObjectProperty: (k, o, l) => void events.push(`key ${JSON.stringify(k)}@${o}+${l}`),
      onLiteralValue: (v, o, l) => void events.push(`lit ${JSON.stringify(v)}@${o}+${l}`),
      onAlias: (n, o, l) => void events.push(`alias ${n}@${o}+${l}`),
      onComment: (o, l) => void events.push(`comment@${o}+${l}`),
      onError: (m, o, l) => void errors.push(`${m}@${o}+${l}`),
    },
  };
}

function scan(text: string): Scanned {
  const { scanned, visitor } = recorder();
  visitJsonOutline(text, visitor);
  return scanned;
}

/** What outline.ts reported before this scanner: jsonc-parser's visit through its adapter. */
function oracle(text: string): Scanned {
  const { scanned, visitor } = recorder();
  visit(
    text,
    {
      onObjectBegin: (offset) => void visitor.onObjectBegin(offset),
      onObjectProperty: (key, offset, length) => visitor.onObjectProperty(key, offset, length),
      onObjectEnd: (offset) => visitor.onObjectEnd(offset),
      onArrayBegin: (offset) => void visitor.onArrayBegin(offset),
      onArrayEnd: (offset) => visitor.onArrayEnd(offset),
      onLiteralValue: (value, offset, length) => visitor.onLiteralValue(value === null ? 'null' : String(value), offset, length),
      onComment: (offset, length) => visitor.onComment(offset, length),
      onError: (error, offset, length) => visitor.onError(`JSON syntax error ${error}`, offset, length),
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return scanned;
}

/** Compares long event lists without deepEqual's cost and diff: the first difference, with the events before it. */
function assertSameList(actual: string[], expected: string[], what: string, label: string, text: string): void {
  const n = Math.min(actual.length, expected.length);
  let i = 0;
  while (i < n && actual[i] === expected[i]) i++;
  if (i === n && actual.length === expected.length) return;
  const near = (list: string[]) => list.slice(Math.max(0, i - 3), i + 3).join(' | ');
  const excerpt = text.length > 300 ? JSON.stringify(text.slice(0, 300)) + '…' : JSON.stringify(text);
  assert.fail(
    `${what} differ for ${label} at #${i} (${actual.length} vs ${expected.length})\n  scanner: ${near(actual)}\n  jsonc:   ${near(expected)}\n  text: ${excerpt}`,
  );
}

/** Asserts that the scanner reports what jsonc-parser's visit reports on `text`. Returns the number of events. */
function assertSameAsOracle(text: string, label = JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text)): number {
  const expected = oracle(text);
  const actual = scan(text);
  assertSameList(actual.events, expected.events, 'events', label, text);
  assertSameList(actual.errors, expected.errors, 'errors', label, text);
  return actual.events.length;
}

// ---------------------------------------------------------------------------------------------
// (a) Hand-written cases: each of jsonc-parser's recovery paths.

test('hand-written cases: the same events as jsonc-parser, recovery included', () => {
  const cases = [
    '',
    ' \n\t\r\n ',
    '{}',
    '[]',
    '{"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}, "424": {}}}}}}',
    '[1, -2, 3.25, 1e3, 1E-3, 2.5e+10, -0, 0, 01, 1e400, 123456789012345678, 0.10, 100]',
    '[true, false, null, True, nul, nullx, undefined, NaN, -Infinity]',
    // strings: escapes, unknown escapes, short \u, a backslash before a line break, control characters
    '["a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0041\\u00e9\\uD83D\\uDE00", "\\x\\q", "\\u12", "\\u12G", "\\',
    '["a\\\nb", "a\\\r\nb", "tab\there", "nul\u0000x"]',
    '"\\u123"',
    '"\\u123x\\u12345"',
    '["ab\ncd"]',
    '["ab\rcd"]',
    '["ab\r\ncd"]',
    '["unterminated',
    '{"key\\u0041\\n": 1, "k\\z": 2, "open\n: 3}',
    // numbers broken in every way jsonc-parser knows
    '[1., -, -a, 1e, 1e+, 1E-, -1.e5, 1.2.3, 1.5e3e4, 0x10, +1, .5, 1-2, --1, -0.0e-0]',
    // comments, terminated or not
    '{"a": /* c */ 1, // line\n "b": 2 /* x\n y */}',
    '// only a comment',
    '/* unterminated',
    '/*',
    '{/*',
    '[1 /*\r\n',
    '[1, /',
    '{"a": 1}/',
    '/**/ {} // after',
    // structure errors: missing commas, colons, values, keys, trailing commas, mismatched closers
    '{"a" 1, "b": [1 2], c: 3, "d":, "e": }',
    '[1,2,,3,]',
    '{,}',
    '{"a":1,,"b":2,}',
    '[,]',
    '[}',
    '{]',
    '{"a": [}, "b": 1}',
    '{"a": {"b": ]}, "c": 2}',
    '{1: 2, "x": 3}',
    '{"a": 1 "b": 2}',
    '{"a":}',
    '{"a"}',
    '{"a" "b" "c"}',
    '[1 true "x" {} []]',
    '{} {}',
    '{} 1 // not reported: nothing is read after the first value',
    '{} x // reported: unknown symbols are skipped with the trivia',
    '1 2 // not reported',
    'true x // reported',
    '"a" "b"',
    '}',
    ']',
    ':',
    ',',
    // the end of the text inside containers
    '[[[',
    '{"a":{"b":',
    '{"a":[1,{"b"',
    '[1,',
    '{"a",',
    // a byte order mark is an unknown symbol to jsonc-parser, alone or glued to what follows
    '\ufeff{"a": 1}',
    '\ufeff\ufeffabc{"a": 1}',
    '{"a": 1}\ufeff',
  ];
  for (const text of cases) assertSameAsOracle(text);
});

// ---------------------------------------------------------------------------------------------
// (b) Real specs.

const examples = dirname(require.resolve('@readme/oas-examples/package.json'));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return jsonFiles(full);
    return e.name.endsWith('.json') && e.name !== 'package.json' ? [full] : [];
  });
}

const exampleSpecs = ['2.0', '3.0', '3.1'].flatMap((version) => jsonFiles(join(examples, version)));

test('every JSON spec of @readme/oas-examples: the same events as jsonc-parser', () => {
  assert.ok(exampleSpecs.length >= 30, `only ${exampleSpecs.length} specs found`);
  for (const file of exampleSpecs) {
    const events = assertSameAsOracle(readFileSync(file, 'utf8'), relative(examples, file));
    assert.ok(events > 10, `${file}: ${events} events`);
  }
});

const github = join(__dirname, '../../../.bench/corpus/specs/github.json');

test(
  'the 13 MB GitHub spec: the same events as jsonc-parser',
  { skip: !existsSync(github) && 'no .bench/corpus/specs/github.json' },
  () => {
    const events = assertSameAsOracle(readFileSync(github, 'utf8'), 'github.json');
    assert.ok(events > 500_000, `${events} events`);
  },
);

// ---------------------------------------------------------------------------------------------
// (c) Properties: token soup and mutated specs.

const soupToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('{', '}', '[', ']', ',', ':', ': ', ', ') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '"a"',
      '"key"',
      '"200"',
      '""',
      '"a\\"b"',
      '"\\\\"',
      '"\\n\\t\\r\\b\\f\\/"',
      '"\\u0041"',
      '"\\u00e9x"',
      '"\\u12"',
      '"\\u123"',
      '"\\uZ"',
      '"\\x"',
      '"\\',
      '"\\\n"',
      '"a\nb"',
      '"a\r\nb"',
      '"tab\tin"',
      '"\u0001"',
      '"unterminated',
      '"',
      '\\',
      '"é€😀"',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '-1',
      '12',
      '0.5',
      '-0',
      '01',
      '1.',
      '-',
      '1e',
      '1e+',
      '1E-',
      '1.5e3',
      '1e400',
      '123456789012345678',
      '999999999999999',
      '2e-3',
      '.5',
      '+1',
      '1.2.3',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null', 'tru', 'nul', 'True', 'abc', 'x1', 'é', '*', '#', '$ref') },
  { weight: 2, arbitrary: fc.constantFrom('// c\n', '//', '/* c */', '/*\n*/', '/*', '/* open', '/', '*/', '/**/') },
  { weight: 4, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\r\n', '\n    ', '\ufeff', '\u00a0', '\f', '\v') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const soup = fc.array(soupToken, { maxLength: 120 }).map((a) => a.join(''));

test('token soup: the same events as jsonc-parser', () => {
  fc.assert(
    fc.property(soup, (text) => void assertSameAsOracle(text)),
    { numRuns: 3000 },
  );
  // Soup that starts like a spec, so that the recovery inside containers is exercised more than the top level.
  fc.assert(
    fc.property(soup, soup, (a, b) => void assertSameAsOracle('{"openapi": "3.0.0", "paths": {' + a + '}, "x": [' + b)),
    { numRuns: 1500 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void assertSameAsOracle(text)),
    { numRuns: 500 },
  );
});

/** Small real specs to mutate (mutating the large ones would spend the time on scanning, not on cases). */
const mutable = exampleSpecs
  .map((file) => readFileSync(file, 'utf8'))
  .filter((text) => text.length < 12_000)
  .slice(0, 12);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: soup }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: soupToken }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + 1);
  }
}

test('mutated real specs (truncated, deletions, insertions): the same events as jsonc-parser', () => {
  assert.ok(mutable.length >= 5, `only ${mutable.length} small specs`);
  fc.assert(
    fc.property(fc.constantFrom(...mutable), fc.array(mutation, { minLength: 1, maxLength: 4 }), (spec, mutations) => {
      assertSameAsOracle(mutations.reduce(mutate, spec));
    }),
    { numRuns: 1000 },
  );
});

// ---------------------------------------------------------------------------------------------
// Deep nesting: jsonc-parser recurses per level and overflows the stack; the scanner must not.

test('100,000 nested [ and { do not throw and report every level', () => {
  const n = 100_000;
  const count = (text: string) => {
    const counts = { '{': 0, '}': 0, '[': 0, ']': 0, key: 0, lit: 0, error: 0 };
    visitJsonOutline(text, {
      onObjectBegin: () => void counts['{']++,
      onObjectEnd: () => void counts['}']++,
      onArrayBegin: () => void counts['[']++,
      onArrayEnd: () => void counts[']']++,
      onObjectProperty: () => void counts.key++,
      onLiteralValue: () => void counts.lit++,
      onError: () => void counts.error++,
    });
    return counts;
  };
  assert.throws(() => oracle('['.repeat(n)), RangeError, 'jsonc-parser no longer overflows: the test below tests less than it claims');

  // Unclosed: every container is reported and closed at the end of the text, with an error for each.
  assert.deepEqual(count('['.repeat(n)), { '{': 0, '}': 0, '[': n, ']': n, key: 0, lit: 0, error: n });
  assert.deepEqual(count('{"a":'.repeat(n)), { '{': n, '}': n, '[': 0, ']': 0, key: n, lit: 0, error: n + 1 });
  assert.deepEqual(count('{"openapi": "3.0.0", "x": ' + '[{"k": '.repeat(n)), {
    '{': n + 1,
    '}': n + 1,
    '[': n,
    ']': n,
    key: n + 2,
    lit: 1,
    error: 2 * n + 2,
  });
  // Closed: no errors, and the ends are at their brackets.
  const closed = '['.repeat(n) + '1' + ']'.repeat(n);
  const ends: number[] = [];
  visitJsonOutline(closed, { onArrayEnd: (o) => void ends.push(o), onError: () => assert.fail('an error on balanced brackets') });
  assert.equal(ends.length, n);
  assert.equal(ends[0], n + 1);
  assert.equal(ends[n - 1], 2 * n);
  // Mismatched closers: what jsonc-parser does at shallow depth, at any depth.
  const mismatched = (depth: number) => '[{"a":'.repeat(depth) + '}'.repeat(2 * depth);
  const shallow = count(mismatched(50));
  assert.deepEqual(shallow, oracleCounts(mismatched(50)));
  assert.equal(shallow.error, 2 * 50 + 2);
  assert.deepEqual(count(mismatched(n)), {
    '{': n,
    '}': n,
    '[': n,
    ']': n,
    key: n,
    lit: 0,
    error: 2 * n + 2,
  });

  // Through outline.ts, as the spec scanner reads it.
  let begins = 0;
  visitJson('{"openapi": "3.0.0", "x": ' + '['.repeat(n), { onArrayBegin: () => void begins++ });
  assert.equal(begins, n);

  function oracleCounts(text: string) {
    const { events, errors } = oracle(text);
    const counts = { '{': 0, '}': 0, '[': 0, ']': 0, key: 0, lit: 0, error: errors.length };
    for (const e of events) {
      const kind = e.startsWith('key') ? 'key' : e.startsWith('lit') ? 'lit' : (e[0] as '{' | '}' | '[' | ']');
      counts[kind]++;
    }
    return counts;
  }
});

// ---------------------------------------------------------------------------------------------
// Skipping: a Begin that returns false hides its container's contents (the spec scanner skips what it never
// reads). What is left must be the full scan's events without those contents, comments and errors kept.

/** The events when every container whose `{`/`[` offset `skips` picks is skipped. */
function scanSkipping(text: string, skips: (offset: number) => boolean): Scanned {
  const { scanned, visitor } = recorder();
  visitJsonOutline(text, {
    ...visitor,
    onObjectBegin: (o) => (visitor.onObjectBegin(o), !skips(o)),
    onArrayBegin: (o) => (visitor.onArrayBegin(o), !skips(o)),
  });
  return scanned;
}

/** The full scan's events, less what lies inside the skipped containers (their comments stay). */
function withoutSkipped(full: Scanned, skips: (offset: number) => boolean): Scanned {
  const events: string[] = [];
  let depth = 0;
  for (const event of full.events) {
    const kind = event[0];
    const offset = Number(/@(\d+)/.exec(event)![1]);
    if (depth > 0) {
      if (kind === '{' || kind === '[') depth++;
      else if (kind === '}' || kind === ']') depth--;
      if (depth > 0 && !event.startsWith('comment')) continue;
    } else if ((kind === '{' || kind === '[') && skips(offset)) depth = 1;
    events.push(event);
  }
  return { events, errors: full.errors };
}

function assertSkipsRight(text: string, skips: (offset: number) => boolean, label: string): void {
  const expected = withoutSkipped(scan(text), skips);
  const actual = scanSkipping(text, skips);
  assertSameList(actual.events, expected.events, 'events', label, text);
  assertSameList(actual.errors, expected.errors, 'errors', label, text);
}

test('a Begin that returns false skips its contents; comments and errors are still reported', () => {
  const text = '{"a": {"b": [1, {"c": true}], /* kept */ "d": 01}, "e": [null, "x"], "f": {"g": 2}}';
  const skipped = scanSkipping(text, (o) => o === 6 || o === 56);
  assert.deepEqual(skipped.events, [
    '{@0',
    'key "a"@1+3',
    '{@6',
    'comment@30+10',
    '}@48',
    'key "e"@51+3',
    '[@56',
    ']@66',
    'key "f"@69+3',
    '{@74',
    'key "g"@75+3',
    'lit "2"@80+1',
    '}@81',
    '}@82',
  ]);
  assert.equal(skipped.errors.length, scan(text).errors.length, 'the invalid number inside is still an error');
  for (const file of exampleSpecs.slice(0, 15)) {
    const spec = readFileSync(file, 'utf8');
    assertSkipsRight(spec, (o) => o % 3 === 0, relative(examples, file));
  }
  fc.assert(
    fc.property(soup, fc.nat(4), (text, k) => assertSkipsRight(text, (o) => o % (k + 2) === 0, JSON.stringify(text))),
    { numRuns: 2000 },
  );
});

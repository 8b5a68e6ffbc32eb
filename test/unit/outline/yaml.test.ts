// The YAML outline scanner, checked against the `yaml` package as an oracle, plus robustness on malformed input.
// Run: node --import tsx --test test/unit/outline/yaml.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, stringify } from 'yaml';
import type { Node as YamlNode, Scalar } from 'yaml';

import { visitYaml } from '../../../server/src/service/outline';

// ---------------------------------------------------------------------------------------------
// Event lists. Ends carry no offset in the comparison: the yaml package has no equivalent of ours.

type Ev = readonly (string | number)[];

interface Scanned {
  events: Ev[];
  errors: string[];
  comments: [number, number][];
}

function scan(text: string): Scanned {
  const events: Ev[] = [];
  const errors: string[] = [];
  const comments: [number, number][] = [];
  visitYaml(text, {
    onDocumentBegin: () => events.push(['doc']),
    onObjectBegin: (o) => events.push(['{', o]),
    onObjectEnd: () => events.push(['}']),
    onArrayBegin: (o) => events.push(['[', o]),
    onArrayEnd: () => events.push([']']),
    onObjectProperty: (k, o, l) => events.push(['key', k, o, l]),
    onLiteralValue: (v, o, l) => events.push(['lit', v, o, l]),
    onAlias: (n, o, l) => events.push(['alias', n, o, l]),
    onComment: (o, l) => comments.push([o, l]),
    onError: (m, o, l) => errors.push(`${m} @${o}+${l}`),
  });
  return { events, errors, comments };
}

/**
 * The same events derived from the yaml package's documents (failsafe schema: every scalar is a string).
 * Our conventions, which the yaml package does not have, are applied here: a missing flow-mapping value is
 * an empty literal at the end of its key; a block scalar spans from its indicator to its last non-blank
 * character (just the indicators when it has no content); an alias key is reported as `*name`.
 */
function oracle(source: string): { events: Ev[]; errors: string[] } {
  // YAML 1.2 reads a lone CR as a line break and so does the scanner; the yaml package does not (eemeli/yaml#595).
  const text = source.replace(/\r(?!\n)/g, '\n');
  const events: Ev[] = [];
  const errors: string[] = [];
  for (const doc of parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false })) {
    for (const e of doc.errors) errors.push(e.message);
    events.push(['doc']);
    if (doc.contents != null) walk(doc.contents);
  }
  return { events, errors };

  function scalarLength(n: Scalar): number {
    const [s, e] = n.range!;
    if (n.type !== 'BLOCK_LITERAL' && n.type !== 'BLOCK_FOLDED') return e - s;
    const source = text.slice(s, e);
    const nl = source.indexOf('\n');
    if (nl < 0 || /^[ \r\n]*$/.test(source.slice(nl + 1))) {
      let h = s + 1;
      while (h < e && /[-+1-9]/.test(text[h])) h++;
      return h - s;
    }
    let end = e;
    while (end > s && ' \t\r\n'.includes(text[end - 1])) end--;
    return end - s;
  }

  function walk(n: YamlNode | null): void {
    if (isMap(n)) {
      events.push(['{', n.range![0]]);
      for (const pair of n.items) {
        const k = pair.key as YamlNode | null;
        if (isScalar(k)) events.push(['key', String(k.value ?? ''), k.range![0], k.range![1] - k.range![0]]);
        else if (isAlias(k)) events.push(['key', '*' + k.source, k.range![0], k.range![1] - k.range![0]]);
        else events.push(['key', 'COMPLEX KEY']);
        if (pair.value == null) events.push(['lit', '', isScalar(k) || isAlias(k) ? k.range![1] : -1, 0]);
        else walk(pair.value as YamlNode);
      }
      events.push(['}']);
    } else if (isSeq(n)) {
      events.push(['[', n.range![0]]);
      for (const item of n.items) walk(item as YamlNode);
      events.push([']']);
    } else if (isAlias(n)) {
      events.push(['alias', n.source, n.range![0], n.range![1] - n.range![0]]);
    } else if (isScalar(n)) {
      events.push(['lit', String(n.value ?? ''), n.range![0], scalarLength(n)]);
    } else {
      events.push(['UNKNOWN NODE']);
    }
  }
}

/** Asserts that the scanner and the oracle agree on `text`, which must be valid YAML for both. */
function assertSameAsOracle(text: string, label = JSON.stringify(text)): void {
  const expected = oracle(text);
  assert.deepEqual(expected.errors, [], `the oracle rejects ${label}`);
  const actual = scan(text);
  assert.deepEqual(actual.events, expected.events, `events differ for ${label}`);
  assert.deepEqual(actual.errors, [], `scanner errors for ${label}`);
}

/**
 * Scans `text` and checks the event contract: Begin/End balanced and properly nested, every property
 * followed by exactly one value, no property outside an object, offsets and lengths within the text.
 * Returns the number of events.
 */
function assertWellFormed(text: string): number {
  const len = text.length;
  const stack: string[] = [];
  const awaitingValue: boolean[] = [];
  let count = 0;
  // Messages are built only on failure: this runs for every event of many scans.
  const check = (ok: boolean, problem: string) => {
    if (!ok) assert.fail(`${problem} in ${JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)}`);
  };
  const span = (o: number, l = 0) => {
    if (!(Number.isInteger(o) && Number.isInteger(l) && o >= 0 && l >= 0 && o + l <= len))
      check(false, `offset ${o}+${l} outside the text (${len})`);
  };
  const value = () => {
    const t = stack.length - 1;
    if (t >= 0 && stack[t] === '{') {
      check(awaitingValue[t], 'a value without a property');
      awaitingValue[t] = false;
    }
  };
  visitYaml(text, {
    onDocumentBegin(o) {
      span(o);
      check(stack.length === 0, 'a document inside a collection');
      count++;
    },
    onObjectBegin(o) {
      span(o);
      value();
      stack.push('{');
      awaitingValue.push(false);
      count++;
    },
    onArrayBegin(o) {
      span(o);
      value();
      stack.push('[');
      awaitingValue.push(false);
      count++;
    },
    onObjectEnd(o) {
      span(o);
      check(stack.pop() === '{', 'an unbalanced object end');
      check(awaitingValue.pop() === false, 'a property without a value');
      count++;
    },
    onArrayEnd(o) {
      span(o);
      check(stack.pop() === '[', 'an unbalanced array end');
      awaitingValue.pop();
      count++;
    },
    onObjectProperty(k, o, l) {
      span(o, l);
      const t = stack.length - 1;
      check(t >= 0 && stack[t] === '{', 'a property outside an object');
      check(!awaitingValue[t], 'two properties in a row');
      check(typeof k === 'string', 'a key that is not a string');
      awaitingValue[t] = true;
      count++;
    },
    onLiteralValue(v, o, l) {
      span(o, l);
      value();
      check(typeof v === 'string', 'a value that is not a string');
      count++;
    },
    onAlias(_n, o, l) {
      span(o, l);
      value();
      count++;
    },
    onComment(o, l) {
      span(o, l);
      check(text[o] === '#', 'a comment not at #');
    },
    onError(m, o, l) {
      span(o, l);
      check(m.length > 0, 'an empty error message');
    },
  });
  check(stack.length === 0, 'collections left open');
  return count;
}

// ---------------------------------------------------------------------------------------------
// (a) Hand-written cases covering the constructs OpenAPI documents use.

const CASES: readonly string[] = [
  'a: 1\nb: two\n',
  'openapi: 3.0.3\npaths:\n  /pets:\n    get:\n      responses:\n        \'200\':\n          description: ok\n        "424":\n          description: failed dependency\n',
  // flow collections
  "schema: { $ref: '#/components/schemas/Pet' }\n",
  'tags: [a, b, "c d"]\n',
  'x: {a: 1, b: [x, y], c: {d: e}}\n',
  'a: [\n  1,\n  2\n]\nb: {\n  c: d,\n  e: f,\n}\n',
  'a: [a: 1, b, "c": d, e: ]\n',
  'a: {x, y: , : z}\n',
  'a: ["multi\n  line", plain\n  multi]\n',
  'e: []\nf: {}\ng: [[], {}]\n',
  'x: [a, b, ]\n',
  'x: {a: [b, {c: [d]}]}\n',
  'x:\n  - [a, b]\n  - {c: d}\n',
  'a: {"b":c, "d":[e]}\n',
  'a: [x,\n\n  y]\n',
  'a: [b, c]   # comment\n',
  'a: {b: c} # comment\n',
  'a: [*x , b]\n',
  '[*a : b]\n',
  // quoted keys and scalars
  '"key with spaces": 1\n\'k: v\': 2\nplain key with spaces: 3\n"a#b": 4\n',
  'a: "\\"quoted\\" \\\\ back"\n',
  'q: "a double\n  quoted \\t\n\n  string \\x41\\u00e9\\U0001F600 \\\n  joined"\n',
  "s: 'single ''quoted''\n  across lines'\n",
  "x: 'a\n\n\n  b'\n",
  'k: "a\\\n\n  b"\n',
  'a: "x\n  \n  y"\n',
  'a: "x" # c\nb: \'y\' # d\n',
  '"a":\n  - x\n',
  'a: "unicode é ü 日本"\nb: 😀\n',
  // block scalars
  'a: |\n  line1\n  line2\n\n  line4\nb: 1\n',
  'a: >-\n  folded\n  text\n\n  para\nb: 1\n',
  'a: |2\n    indented\n  base\n',
  'a: |+\n  keep\n\n\nb: 1\n',
  'a: |-\n  strip\n\n',
  'a: >\n  one\n    more\n  two\n',
  'a: >+\n  keep folded\n\nb: 1\n',
  'a: |\n  trailing more\n   \n    \nb: 1\n',
  'a: |\n\n  leading empty\n',
  'a: >2\n   more indented start\n  normal\n',
  '- |\n  in seq\n- >-\n  folded\n  in seq\n',
  'a: |\n  x\n  \ty\n',
  'a: >\n  x\n  \ty\n  z\n',
  'a: | # header comment\n  x\n# less indented comment ends it\nb: 1\n',
  // plain scalars
  'd: this is\n  a multi-line\n\n  plain scalar\ne: 1\n',
  'url: http://example.com:8080/x\nk:v: 1\nhash: a#b\n',
  'a: b#c\nd: "e # f"\ng: h # comment\n',
  'a: -1\nb: -x\nc: ?y\nd: :z\n',
  'a:    spaced    value   \n',
  'a: tab\there\nb: "tab\tin"\n',
  'a:   \t value\n',
  'a: x\n  \n  y\n',
  'a: x\n  \t\n  y\n',
  'a: 2001-12-14t21:59:43.10-05:00\n',
  'a: ---\nb: ...\n',
  'a:\n  "quoted value on next line"\nb:\n  plain value\n  next line\n',
  // block structure
  'params:\n  - name: x\n    in: query\n  - name: y\n    in: path\n    required: true\n',
  '- - a\n  - b\n- - - c\n- d\n',
  'key:\n- a\n- b\nother: 1\n',
  '  indented: root\n  map: 1\n',
  'a:\n  b:\n    c:\n      d: deep\n  e: back\nf: top\n',
  'seq:\n  - a: 1\n    b:\n      - x\n      - y\n  - c\n',
  '- a:\n    b: 1\n  c: 2\n- a:\n  - x\n',
  'a:\nb:\nc: \nd: # c\ne:\n  -\n  - \n  - x\n',
  'a: x\n\n\n\nb: y\n',
  'a:\n\n  b: 1\n',
  'a: 1\n  # indented comment\nb: 2\n',
  'a: 1\n: 2\nb: 3\n',
  // comments, line ends, BOM
  '# head\na: 1 # trailing\n# middle\nb:   # after key\n  c: 2\n  # indented\n',
  'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\nc: |\r\n  lit\r\n\r\n  eral\r\n',
  'a: 1\rb:\r  - x\r  - "y\r    z"\rc: |\r  lit\r\r  eral\r',
  '\ufeffa: 1\n',
  // documents and directives
  '---\na: 1\n---\nb: 2\n...\n---\n- c\n',
  '%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb\n',
  'a: 1\n...\n',
  '---\n',
  '---\n---\n',
  '--- # comment\n',
  '--- !!str\n',
  '--- text\n',
  '--- |\n  block doc\n',
  '',
  '# only a comment\n',
  'plain root scalar\nover two lines\n',
  '"quoted root"\n',
  '|\n literal root\n',
  '[1, 2, 3]\n',
  '{a: 1}\n',
  // anchors, aliases, merge keys, tags
  'base: &b\n  x: 1\nderived:\n  <<: *b\n  y: 2\nlist: [*b, &c z, *c]\n',
  'a: &anchor value\nb: *anchor\n',
  'a: *x\n*y : 2\n',
  'a: !!str 1\nb: !custom\n  c: d\nc: !<tag:yaml.org,2002:str> v\n',
  'x: !!map\n  a: 1\ny: !!seq\n- 1\n',
  'x: &a\n  - 1\ny: &b !!str\n  z\n',
  '- &a x\n- *a\n- ! y\n',
  'x: [&a 1, !!str 2, *a]\n',
  '&a key: v\n',
  'a: &x\nb: 1\n',
  'a: &x   # c\nb: 1\n',
  '- &x\n- y\n',
  '{a: &x , b: 1}\n',
  '{a: &x}\n',
  '[a: &x ]\n',
  '[a, &x , b]\n',
  '[&x]\n',
];

test('hand-written cases: same events as the yaml package', () => {
  for (const text of CASES) assertSameAsOracle(text);
});

test('event details: offsets, quotes, empty values, comments, documents', () => {
  const text = '# c\n---\n\'424\': x\n"a\\"b": [1, *r]\nk:\n- |\n  t\n...\n';
  const events: string[] = [];
  visitYaml(text, {
    onDocumentBegin: (o) => events.push(`doc@${o}`),
    onObjectBegin: (o) => events.push(`{@${o}`),
    onObjectEnd: (o) => events.push(`}@${o}`),
    onArrayBegin: (o) => events.push(`[@${o}`),
    onArrayEnd: (o) => events.push(`]@${o}`),
    onObjectProperty: (k, o, l) => events.push(`key ${k}@${o}+${l}`),
    onLiteralValue: (v, o, l) => events.push(`lit ${JSON.stringify(v)}@${o}+${l}`),
    onAlias: (n, o, l) => events.push(`alias ${n}@${o}+${l}`),
    onComment: (o, l) => events.push(`#@${o}+${l}`),
    onError: (m) => events.push(`error ${m}`),
  });
  assert.deepEqual(events, [
    '#@0+3',
    'doc@4',
    '{@8',
    'key 424@8+5', // the key token includes its quotes
    'lit "x"@15+1',
    'key a"b@17+6',
    '[@25', // flow collections begin and end at their brackets
    'lit "1"@26+1',
    'alias r@29+2',
    ']@31',
    'key k@33+1',
    '[@36', // an indentless sequence is the value of `k`
    'lit "t\\n"@38+5', // a block scalar spans from its indicator to its last content character
    ']@43', // block collections end at the end of their last value
    '}@43',
  ]);

  // An absent value is an empty literal after the indicator and its blanks.
  assert.deepEqual(scan('a:\nb: # c\nc:\n- \n').events, [
    ['doc'],
    ['{', 0],
    ['key', 'a', 0, 1],
    ['lit', '', 2, 0],
    ['key', 'b', 3, 1],
    ['lit', '', 6, 0],
    ['key', 'c', 10, 1],
    ['[', 13],
    ['lit', '', 15, 0],
    [']'],
    ['}'],
  ]);
  // Comments: `#` to the end of the line, CR excluded; `#` inside scalars is not a comment.
  assert.deepEqual(scan('a: b#c # d\r\ne: "#"  #f\n').comments, [
    [7, 3],
    [20, 2],
  ]);
  // A document with nothing in it.
  assert.deepEqual(scan('# just a comment\n').events, []);
  assert.deepEqual(scan('---\n').events, [['doc'], ['lit', '', 3, 0]]);
});

// ---------------------------------------------------------------------------------------------
// (b) Fixture files, also with CRLF line ends and a BOM.

test('a lone CR is a line break (YAML 1.2 5.4, and LSP), though the yaml package reads it as text', () => {
  assert.deepEqual(
    scan('a: 1\rb: 2\r').events.filter((e) => e[0] === 'key'),
    [
      ['key', 'a', 0, 1],
      ['key', 'b', 5, 1],
    ],
  );
});

test('fixtures: same events as the yaml package (LF, CRLF, lone CR, BOM)', () => {
  const dir = join(__dirname, '../../fixtures/yaml');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 4);
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    lines += text.split('\n').length;
    assertSameAsOracle(text, file);
    assertSameAsOracle(text.replace(/\n/g, '\r\n'), `${file} with CRLF`);
    assertSameAsOracle(text.replace(/\n/g, '\r'), `${file} with lone CRs`);
    assertSameAsOracle('\ufeff' + text, `${file} with a BOM`);
    assert.ok(assertWellFormed(text) > 0);
  }
  assert.ok(lines >= 300, `fixtures have ${lines} lines`);
});

// ---------------------------------------------------------------------------------------------
// (c) Property-based: random documents serialised by the yaml package in many styles.

const piece = fc.constantFrom(
  ...'abcXYZ019 :#-?,[]{}"\'\\&*!|>%@`\t\n\n é😀\r/.=~'.split(''),
  'ab',
  'x y',
  ': ',
  ' #',
  '- ',
  '\n  ',
  '  ',
  '---',
  '...',
  '\u2028',
  '\u0085',
  '\x07',
);
const text = (max: number) => fc.array(piece, { maxLength: max }).map((a) => a.join(''));
const key = fc.oneof(text(12), fc.constantFrom('200', '424', 'default', '$ref', '<<', 'a b', 'x:y', 'true', 'null', ''));
const { node: jsonLike } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(text(30), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
}));
const styles = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<Scalar.Type>,
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<Scalar.Type | null>,
  lineWidth: fc.constantFrom(0, 8, 15, 20, 40, 80),
  minContentWidth: fc.constantFrom(0, 5, 20),
  indent: fc.constantFrom(1, 2, 3, 4, 8),
  indentSeq: fc.boolean(),
  flowCollectionPadding: fc.boolean(),
  blockQuote: fc.constantFrom(true, false, 'literal', 'folded') as fc.Arbitrary<boolean | 'literal' | 'folded'>,
  doubleQuotedAsJSON: fc.boolean(),
  doubleQuotedMinMultiLineLength: fc.constantFrom(0, 10, 40),
  singleQuote: fc.constantFrom(null, true, false),
});
const variation = fc.record({ comments: fc.boolean(), crlf: fc.boolean(), json: fc.boolean(), seed: fc.nat() });

/** Adds trailing and full-line comments at pseudo-random lines. */
function withComments(source: string, seed: number): string {
  let s = seed || 1;
  const random = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return source
    .split('\n')
    .map((line) => {
      const r = random();
      if (r < 0.2) return `${line} # c${Math.floor(random() * 10)}`;
      if (r < 0.35) return `${' '.repeat(line.length - line.trimStart().length)}# full\n${line}`;
      return line;
    })
    .join('\n');
}

test('property: random documents in random styles match the yaml package', () => {
  let compared = 0;
  fc.assert(
    fc.property(fc.array(jsonLike, { minLength: 1, maxLength: 3 }), styles, variation, (docs, options, v) => {
      let source = v.json
        ? docs.map((d) => JSON.stringify(d, null, v.seed % 3 === 0 ? undefined : v.seed % 3)).join('\n---\n')
        : docs.map((d) => stringify(d, options)).join(docs.length > 1 ? '---\n' : '');
      if (v.comments) {
        // A comment can change the meaning (for instance inside a block scalar); keep only valid results.
        const commented = withComments(source, v.seed);
        if (oracle(commented).errors.length === 0) source = commented;
      }
      if (v.crlf) source = source.replace(/\n/g, '\r\n');
      const expected = oracle(source);
      if (expected.errors.length > 0) return; // the oracle rejects its own output: nothing to compare
      // Two constructs are left out: explicit keys (`? `, not supported) and a block `: value` line,
      // which the yaml package accepts at any deeper indentation.
      if (/^[ \t]*(- )*\? /m.test(source) && scan(source).errors.some((e) => e.startsWith('Explicit mapping keys'))) return;
      if (expected.events.some((e) => e[0] === 'key' && e[1] === '' && e[3] === 0 && /(^|\n)[ ]*$/.test(source.slice(0, e[2] as number))))
        return;
      const actual = scan(source);
      assert.deepEqual(actual.events, expected.events, `events differ for ${JSON.stringify(source)}`);
      assert.deepEqual(actual.errors, [], `scanner errors for ${JSON.stringify(source)}`);
      compared++;
    }),
    { numRuns: 400 },
  );
  assert.ok(compared >= 300, `only ${compared} of 400 generated documents were compared`);
});

// ---------------------------------------------------------------------------------------------
// Unsupported constructs are reported and skipped, keeping the rest of the outline.

test('explicit and complex keys are reported and skipped', () => {
  const explicit = scan('a: 1\n? complex\n  key\n: value\nb: 2\n');
  assert.match(explicit.errors[0], /Explicit mapping keys/);
  assert.deepEqual(explicit.events, [
    ['doc'],
    ['{', 0],
    ['key', 'a', 0, 1],
    ['lit', '1', 3, 1],
    ['key', 'b', 29, 1],
    ['lit', '2', 32, 1],
    ['}'],
  ]);

  const complexBlock = scan('a: 1\n[x]: 2\nb: 3\n');
  assert.match(complexBlock.errors[0], /Complex mapping keys/);
  assert.deepEqual(
    complexBlock.events.filter((e) => e[0] === 'key').map((e) => e[1]),
    ['a', 'b'],
  );

  const complexFlow = scan('{[x, y]: 1, b: 2}');
  assert.match(complexFlow.errors[0], /Complex mapping keys/);
  assert.deepEqual(complexFlow.events, [
    ['doc'],
    ['{', 0],
    ['key', '[x, y]', 1, 6],
    ['lit', '1', 9, 1],
    ['key', 'b', 12, 1],
    ['lit', '2', 15, 1],
    ['}'],
  ]);
  for (const t of ['? a\n: b\n', '- ? a\n  : b\n', '{? a : b}', '[? a]', 'a: ? b']) assertWellFormed(t);
});

// ---------------------------------------------------------------------------------------------
// (d) Malformed input: never throws, terminates, stays balanced, offsets stay in the text.

test('typical editing mistakes are reported and scanning resumes', () => {
  const cases: [string, RegExp, string[]][] = [
    ['a:\n  description: "unterminated\n  next: 1\nb: 2\n', /Missing closing "quote/, ['a', 'description', 'next', 'b']],
    ["a:\n  description: 'unterminated\nb: 2\n", /Missing closing 'quote/, ['a', 'description', 'b']],
    ['a:\n  tags: [x, y\n  next: 1\n', /Unterminated flow collection/, ['a', 'tags', 'next']],
    ['a: {x: [1, 2}\nb: 1\n', /Missing closing bracket/, ['a', 'x', 'b']],
    ['a: [1, 2]]\nb: 1\n', /Unexpected/, ['a', 'b']],
    ['a:\n\tb: 1\nc: 2\n', /Tabs are not allowed as indentation/, ['a', 'b', 'c']],
    ['a:\n  b: 1\n   c: 2\n  d: 3\n', /Bad indentation/, ['a', 'b', 'd']],
    ['a: b: c\nd: 1\n', /Nested mappings/, ['a', 'd']],
    ['- a\nb: 1\n', /Expected a sequence entry/, []],
    ['a: 1\n- b\nc: 2\n', /sequence entry is not allowed/, ['a', 'c']],
    ['a: "x"y\nb: 1\n', /Unexpected content/, ['a', 'b']],
    ['a: |x\n  t\nb: 1\n', /block scalar header/, ['a', 'b']],
    ['a: "\\q"\n', /Invalid escape/, ['a']],
  ];
  for (const [text, error, keys] of cases) {
    const r = scan(text);
    assert.ok(
      r.errors.some((e) => error.test(e)),
      `${JSON.stringify(text)}: expected ${error}, got ${JSON.stringify(r.errors)}`,
    );
    assert.deepEqual(
      r.events.filter((e) => e[0] === 'key').map((e) => e[1]),
      keys,
      JSON.stringify(text),
    );
    assertWellFormed(text);
  }
});

test('garbage the fuzz once broke still gets well-formed events', () => {
  // A tag, then a block sequence that cannot start there, as a key's value on the next line: the key still gets a value.
  for (const text of [':\n  ! - a: ', 'k:\n  !t - x\n', 'k:\n  &a - x\n']) assertWellFormed(text);
});

test('random garbage never breaks the event contract', () => {
  const token = fc.constantFrom(
    ...' \t\n\r\n:-?#,[]{}"\'\\&*!|>%@`abc01.<=+~'.split(''),
    '- ',
    ': ',
    '---\n',
    '...\n',
    '\n  ',
    '\n    ',
    '|-\n',
    '>+\n',
    '|2\n',
    '? ',
    '\ufeff',
    '\\u12',
    '\\x',
    'a: ',
    '- a: ',
    '\n\t',
    '%YAML 1.2\n',
  );
  fc.assert(
    fc.property(
      fc.array(token, { maxLength: 200 }).map((a) => a.join('')),
      (t) => void assertWellFormed(t),
    ),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => void assertWellFormed(t)),
    { numRuns: 300 },
  );
});

test('truncated and spliced fixtures never break the event contract', () => {
  const dir = join(__dirname, '../../fixtures/yaml');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (let i = 0; i <= text.length; i += 7) {
      assertWellFormed(text.slice(0, i));
      assertWellFormed(text.slice(i));
      assertWellFormed(text.slice(0, i) + text.slice(i + 13));
    }
  }
});

test('deep nesting: no recursion limits, linear time', () => {
  const n = 10_000;
  const samples: Record<string, string> = {
    'block mappings': Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' v\n',
    'block sequences': Array.from({ length: n }, (_, i) => ' '.repeat(i) + '-').join('\n') + ' v\n',
    'compact sequences': '- '.repeat(n) + 'x\n',
    'flow sequences': '['.repeat(n) + ']'.repeat(n),
    'unclosed flow sequences': '['.repeat(n),
    'flow mappings': '{a: '.repeat(n) + 'x' + '}'.repeat(n),
    'unclosed flow mappings': 'k: ' + '{a: ['.repeat(n) + '\nb: 1\n',
    'mismatched brackets': '{a: ['.repeat(n) + '}'.repeat(n),
  };
  for (const [name, text] of Object.entries(samples)) {
    const events = assertWellFormed(text);
    assert.ok(events >= n, `${name}: ${events} events`);
  }
});

test('aliases are never expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 30; i++)
    lines.push(
      `${String.fromCharCode(97 + (i % 26))}${i}: &a${i} [*a${i > 1 ? i - 1 : ''}, *a${i > 1 ? i - 1 : ''}, *a${i > 1 ? i - 1 : ''}]`,
    );
  const r = scan(lines.join('\n'));
  assert.equal(r.events.filter((e) => e[0] === 'alias').length, 29 * 3);
  assert.deepEqual(r.errors, []);
});

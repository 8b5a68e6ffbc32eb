/**
 * The judgement corpus (issue 14) is well formed: its labels match their schema, name unique sites, point at
 * lines their excerpts hold, and meet the issue's size floors. The excerpts themselves are written from
 * mirrors of the source repositories (scripts/judgement/excerpts.ts); when they are present, each must be the
 * excerpt that was labelled and hold its labels' tokens.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import Ajv from 'ajv';
import {
  JUDGEMENT_DIR,
  SCHEMA_FILE,
  LABELS_FILE,
  cutExcerpt,
  excerptLine,
  familyOf,
  loadDigests,
  loadLabels,
  parseRanges,
  sha256,
} from '../../scripts/judgement/corpus';

const labels = loadLabels();
const digests = loadDigests();
const casesDir = join(JUDGEMENT_DIR, 'cases');

test('labels.json matches labels.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  assert.ok(validate(JSON.parse(readFileSync(LABELS_FILE, 'utf8'))), ajv.errorsText(validate.errors));
});

test('every label has a unique id', () => {
  const seen = new Set<string>();
  const twice = labels.filter((l) => seen.size === seen.add(l.id).size).map((l) => l.id);
  assert.deepEqual(twice, []);
});

test('labels of one excerpt name the same source and ranges, and each excerpt has a recorded digest', () => {
  const first = new Map<string, string>();
  const wrong: string[] = [];
  for (const l of labels) {
    const source = `${l.repo} ${l.path} ${l.commit} ${l.lines}`;
    if ((first.get(l.file) ?? source) !== source) wrong.push(`${l.id}: ${l.file} is cut from ${first.get(l.file)}`);
    first.set(l.file, source);
    if (!digests[l.file]) wrong.push(`${l.id}: no digest for ${l.file}`);
  }
  assert.deepEqual(wrong, []);
});

test('each label line falls inside its excerpt and the ranges are in order', () => {
  const wrong: string[] = [];
  for (const l of labels) {
    const ranges = parseRanges(l.lines);
    const ordered = ranges.every(([a, b], i) => a <= b && (i === 0 || a > ranges[i - 1][1]));
    const length = ranges.reduce((n, [a, b]) => n + b - a + 1, 0) + ranges.length - 1;
    if (!ordered) wrong.push(`${l.id}: ranges ${l.lines} overlap or run backwards`);
    if (l.line > length) wrong.push(`${l.id}: line ${l.line} is past the excerpt's ${length} lines`);
  }
  assert.deepEqual(wrong, []);
});

test('excerpts, when written, are the labelled ones and hold each label token at its line', (t) => {
  if (!existsSync(casesDir)) {
    t.skip('excerpts not written: node --import tsx scripts/judgement/excerpts.ts');
    return;
  }
  const wrong: string[] = [];
  for (const l of labels) {
    const file = join(JUDGEMENT_DIR, l.file);
    if (!existsSync(file)) {
      wrong.push(`${l.id}: ${l.file} does not exist`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (sha256(text) !== digests[l.file]) wrong.push(`${l.id}: ${l.file} is not the excerpt that was labelled`);
    const lineText = text.split('\n')[l.line - 1] ?? '';
    if (!lineText.includes(l.text)) wrong.push(`${l.id}: ${l.file}:${l.line} does not hold ${l.text}`);
  }
  assert.deepEqual(wrong, []);
});

test("the corpus meets the issue's floors", () => {
  const uses424 = labels.filter((l) => l.code === 424);
  const repos = new Set(uses424.map((l) => l.repo));
  const families = new Set(uses424.map(familyOf).filter((f) => f !== 'openapi'));
  const neighbours = labels.filter((l) => l.code !== 424 && familyOf(l) !== 'openapi');
  assert.ok(uses424.length >= 80, `${uses424.length} uses of 424, the issue asks for 80`);
  assert.ok(repos.size >= 25, `424 uses from ${repos.size} repositories, the issue asks for 25`);
  assert.ok(families.size >= 8, `424 uses in ${families.size} language families (${[...families].join(', ')}), the issue asks for 8`);
  assert.ok(neighbours.length >= 30, `${neighbours.length} uses of 409/412/423, the issue asks for 30`);
  assert.ok(
    labels.some((l) => familyOf(l) === 'openapi'),
    'no OpenAPI spec in the corpus',
  );
});

test('an excerpt is its ranges in order, one empty line between two ranges', () => {
  const source = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
  assert.equal(cutExcerpt(source, '1-2,5'), 'a\nb\n\ne\n');
  assert.equal(excerptLine('1-2,5', 5), 4);
  assert.equal(excerptLine('1-2,5', 2), 2);
  assert.equal(excerptLine('1-2,5', 3), undefined);
});

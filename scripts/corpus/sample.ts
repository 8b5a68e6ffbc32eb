/**
 * Draws the samples to label (seeded, reproducible) and writes worksheets with each item in context:
 *
 *   node --import tsx scripts/corpus/sample.ts precision [PER_FAMILY=40] [SEED=424]
 *   node --import tsx scripts/corpus/sample.ts recall [PER_FAMILY=60] [SEED=424]
 *   node --import tsx scripts/corpus/sample.ts numbers [PER_FAMILY=15] [SEED=424]
 *
 * precision: sites the scanner reports as uses; recall: candidates of the independent search
 * (corpus.ts); numbers: only the reported uses written as numbers (a second precision stratum: measure.ts
 * weighs each stratum by its size), recorded as precision labels. Items already in test/corpus/labels.json are skipped, so a larger sample extends the
 * labelled one. Worksheets go to .bench/corpus/work/<kind>.txt and .json; a person judges each item
 * and records it in test/corpus/labels.json (see docs/corpus.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { type CorpusFile, candidates, corpusDir, isGenerated, lineOf, listFiles, random, readText, shuffle } from './corpus';
import { type Label, labelKey, loadLabels } from './labels';

const [mode = 'precision', perFamilyArg, seedArg] = process.argv.slice(2);
if (mode !== 'precision' && mode !== 'recall' && mode !== 'numbers')
  throw new Error('usage: sample.ts precision|recall|numbers [PER_FAMILY] [SEED]');
const kind = mode === 'recall' ? 'recall' : 'precision';
const perFamily = Number(perFamilyArg ?? (mode === 'precision' ? 40 : mode === 'numbers' ? 15 : 60));
const seed = Number(seedArg ?? 424);

interface Item {
  file: CorpusFile;
  start: number;
  end: number;
  text: string;
}

const service = getLanguageService();
const { files } = listFiles();
const labels = loadLabels();
const labelled = new Set([...labels.precision, ...labels.recall].map(labelKey));

const byFamily = new Map<string, Item[]>();
for (const file of files) {
  if (isGenerated(file)) continue;
  const text = readText(file);
  const items: Item[] =
    kind === 'precision'
      ? service
          .scan(TextDocument.create(`file:///corpus/${file.pkgId}/${file.path}`, file.languageId, 1, text))
          .sites.filter((s) => s.role !== 'mention' && (mode !== 'numbers' || s.spelling.kind === 'number'))
          .map((s) => ({ file, start: s.start, end: s.end, text: s.text }))
      : candidates(text).map((c) => ({ file, start: c.start, end: c.end, text: c.text }));
  const list = byFamily.get(file.family) ?? [];
  list.push(...items);
  byFamily.set(file.family, list);
}

const rand = random(seed);
const chosen: { family: string; label: Label; context: string }[] = [];
for (const [family, items] of [...byFamily].sort()) {
  let taken = 0;
  for (const item of shuffle(items, rand)) {
    if (taken >= perFamily) break;
    const text = readText(item.file);
    const label: Label = { pkg: item.file.pkgId, path: item.file.path, line: lineOf(text, item.start), text: item.text };
    const nth = occurrence(text, item.start, item.text);
    if (nth > 1) label.nth = nth;
    taken++;
    if (labelled.has(labelKey(label))) continue;
    chosen.push({ family, label, context: context(text, item.start, item.end) });
  }
}

const workDir = join(corpusDir, 'work');
mkdirSync(workDir, { recursive: true });
writeFileSync(
  join(workDir, `${kind}.json`),
  JSON.stringify(
    chosen.map((c) => ({ family: c.family, ...c.label })),
    null,
    1,
  ),
);
writeFileSync(
  join(workDir, `${kind}.txt`),
  chosen.map((c, i) => `#${i} [${c.family}] ${c.label.pkg} ${c.label.path}:${c.label.line} «${c.label.text}»\n${c.context}\n`).join('\n'),
);
console.log(`${chosen.length} new ${kind} items -> .bench/corpus/work/${kind}.txt`);

/** Which occurrence of `token` on its line the one at `start` is (1-based). */
function occurrence(text: string, start: number, token: string): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let n = 0;
  for (let i = text.indexOf(token, lineStart); i !== -1 && i <= start; i = text.indexOf(token, i + 1)) n++;
  return n;
}

function context(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let from = lineStart;
  for (let i = 0; i < 4 && from > 0; i++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = end;
  for (let i = 0; i < 3 && to !== -1; i++) to = text.indexOf('\n', to + 1);
  if (to === -1) to = text.length;
  const marked = text.slice(from, start) + '⟦' + text.slice(start, end) + '⟧' + text.slice(end, to);
  return marked
    .split('\n')
    .map((l) => '    ' + (l.length > 220 ? l.slice(0, 220) + '…' : l))
    .join('\n');
}

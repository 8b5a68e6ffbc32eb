/**
 * Records judgements of a worksheet (sample.ts) into test/corpus/labels.json.
 *
 *   node --import tsx scripts/corpus/record.ts precision|recall JUDGEMENTS.txt
 *
 * JUDGEMENTS.txt has one line per worksheet item: `<#> <code> [remark]`, where code is
 *   e  a status code that is emitted: set, returned, raised or declared as a response's status
 *   c  a status code that is checked: compared, matched, looked up, expected in a test
 *   d  a status code in a definition: a constant's value, an enum member's code, a reason-phrase table
 *   n  a name that stands for a response with a status: an exception class raised, a builder
 *      (`raise NotFound()`, `throw new Exception\Forbidden`, `ResponseEntity.created(...)`)
 *   t  a status code, how it is used not recorded (enough for precision)
 * or, for a token that is not an HTTP status code in code:
 *   cm  in a comment or doc comment        st  in a string, docstring or template text
 *   dn  the name being defined (its value is labelled instead)
 *   cl  a class, function or method declared or referenced by name (not a status value)
 *   im  an import
 *   nh  some other number or name (sizes, durations, Result::Ok, ...): not an HTTP status
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { corpusDir } from './corpus';
import { type Label, labelKey, labelsPath, loadLabels } from './labels';

const [kind, judgementsPath] = process.argv.slice(2);
if ((kind !== 'precision' && kind !== 'recall') || !judgementsPath) throw new Error('usage: record.ts precision|recall JUDGEMENTS.txt');

const items: (Label & { family: string })[] = JSON.parse(readFileSync(join(corpusDir, 'work', `${kind}.json`), 'utf8'));
const uses: Record<string, Label['use']> = { e: 'emit', c: 'check', d: 'define', n: 'named' };
const reasons: Record<string, string> = {
  cm: 'in a comment',
  st: 'in a string',
  dn: 'the name being defined',
  cl: 'a class or function name',
  im: 'an import',
  nh: 'not an HTTP status',
};

const labels = loadLabels();
const known = new Set(labels[kind].map(labelKey));
let added = 0;
for (const line of readFileSync(judgementsPath, 'utf8').split('\n')) {
  const match = /^#?(\d+)\s+(\w+)\s*(.*)$/.exec(line.trim());
  if (!match) continue;
  const [, index, code, remark] = match;
  const item = items[Number(index)];
  if (!item) throw new Error(`no worksheet item #${index}`);
  const { family: _family, ...label } = item;
  if (code in uses || code === 't') {
    label.status = true;
    if (code !== 't') label.use = uses[code];
    if (remark) label.reason = remark;
  } else if (code in reasons) {
    label.status = false;
    label.reason = remark ? `${reasons[code]}: ${remark}` : reasons[code];
  } else {
    throw new Error(`#${index}: unknown code ${code}`);
  }
  if (known.has(labelKey(label))) continue;
  known.add(labelKey(label));
  labels[kind].push(label);
  added++;
}
const order = (a: Label, b: Label) => (a.pkg + a.path).localeCompare(b.pkg + b.path) || a.line - b.line || a.text.localeCompare(b.text);
labels.precision.sort(order);
labels.recall.sort(order);
const out = {
  $comment:
    'Judged corpus sample (docs/corpus.md). precision: sites the scanner reported as uses; recall: candidates of the independent search. status: whether the token, in code, is an HTTP status code; use: emit | check | define | named.',
  precision: labels.precision,
  recall: labels.recall,
};
const list = (items: Label[]) => items.map((l) => `    ${JSON.stringify(l)}`).join(',\n');
const json = `{\n  "$comment": ${JSON.stringify(out.$comment)},\n  "precision": [\n${list(out.precision)}\n  ],\n  "recall": [\n${list(out.recall)}\n  ]\n}\n`;
// Written as the repository's Prettier settings would write it, so `npm run format` leaves it alone.
void (async () => {
  const options = (await resolveConfig(labelsPath)) ?? {};
  writeFileSync(labelsPath, await format(json, { ...options, filepath: labelsPath }));
  console.log(`${added} ${kind} labels added (${labels[kind].length} in all)`);
})();

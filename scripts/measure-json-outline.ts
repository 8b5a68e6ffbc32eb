// Times the JSON outline scanner against jsonc-parser's visit (what it replaced) and JSON.parse.
// Run: node --import tsx scripts/measure-json-outline.ts <file.json>...
// Prints, for each file, the median of 7 runs of each after a first run (also printed: it is what a one-shot
// CLI sees): JSON.parse, jsonc-parser visit with the options outline.ts used, and visitJsonOutline (both
// counting events only).
import { readFileSync } from 'node:fs';
import { visit as visitJsonc } from 'jsonc-parser';

import { visitJsonOutline } from '../server/src/service/outline';
import { countingVisitor, measure } from './timing';

const RUNS = 7;

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node --import tsx scripts/measure-json-outline.ts <file.json>...');
  process.exit(2);
}

for (const path of paths) {
  const text = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text);
  console.log(`${path}: ${(bytes / 1e6).toFixed(1)} MB; median of ${RUNS} runs`);
  const parse = measure('JSON.parse', bytes, RUNS, () => (JSON.parse(text) == null ? 0 : 1));
  const jsonc = measure('jsonc-parser visit (counting)', bytes, RUNS, () => {
    const counter = { n: 0 };
    visitJsonc(text, countingVisitor(counter), { allowTrailingComma: true, disallowComments: false });
    return counter.n;
  });
  const ours = measure('visitJsonOutline (counting)', bytes, RUNS, () => {
    const counter = { n: 0 };
    visitJsonOutline(text, countingVisitor(counter));
    return counter.n;
  });
  console.log(`visitJsonOutline: ${(jsonc / ours).toFixed(2)}x faster than jsonc-parser visit, ${(ours / parse).toFixed(2)}x JSON.parse\n`);
}

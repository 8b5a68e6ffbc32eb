// Times the YAML outline scanner against the `yaml` package (and jsonc-parser on a JSON file).
// Run: node --import tsx scripts/measure-yaml-outline.ts <file.yaml> [file.json]
// Prints the median of 5 runs of each (after a first run, also printed): yaml Lexer, yaml Parser (CST), yaml parseDocument, visitYaml
// (counting events only) and, given a JSON file, jsonc-parser visit (counting events only).
import { readFileSync } from 'node:fs';
import { Lexer, Parser, parseDocument } from 'yaml';
import { visit as visitJson } from 'jsonc-parser';

import { visitYaml } from '../server/src/service/outline';
import { countingVisitor, measure } from './timing';

const RUNS = 5;

const [yamlPath, jsonPath] = process.argv.slice(2);
if (!yamlPath) {
  console.error('usage: node --import tsx scripts/measure-yaml-outline.ts <file.yaml> [file.json]');
  process.exit(2);
}

const yamlText = readFileSync(yamlPath, 'utf8');
const yamlBytes = Buffer.byteLength(yamlText);
console.log(`${yamlPath}: ${(yamlBytes / 1e6).toFixed(1)} MB, ${yamlText.split('\n').length} lines; median of ${RUNS} runs`);

measure('yaml Lexer', yamlBytes, RUNS, () => {
  let n = 0;
  for (const _token of new Lexer().lex(yamlText)) n++;
  return n;
});
measure('yaml Parser (CST)', yamlBytes, RUNS, () => {
  let n = 0;
  for (const _token of new Parser().parse(yamlText)) n++;
  return n;
});
measure('yaml parseDocument', yamlBytes, RUNS, () => {
  const doc = parseDocument(yamlText);
  return doc.errors.length === 0 ? 1 : 0;
});
measure('visitYaml (counting events)', yamlBytes, RUNS, () => {
  const counter = { n: 0 };
  visitYaml(yamlText, countingVisitor(counter));
  return counter.n;
});

if (jsonPath) {
  const jsonText = readFileSync(jsonPath, 'utf8');
  const jsonBytes = Buffer.byteLength(jsonText);
  console.log(`${jsonPath}: ${(jsonBytes / 1e6).toFixed(1)} MB`);
  measure('jsonc-parser visit (counting)', jsonBytes, RUNS, () => {
    const counter = { n: 0 };
    visitJson(jsonText, countingVisitor(counter));
    return counter.n;
  });
}

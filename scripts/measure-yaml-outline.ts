// Times the YAML outline scanner against the `yaml` package (and jsonc-parser on a JSON file).
// Run: node --import tsx scripts/measure-yaml-outline.ts <file.yaml> [file.json]
// Prints the median of 5 runs of each: yaml Lexer, yaml Parser (CST), yaml parseDocument, visitYaml
// (counting events only) and, given a JSON file, jsonc-parser visit (counting events only).
import { readFileSync } from 'node:fs';
import { Lexer, Parser, parseDocument } from 'yaml';
import { visit as visitJson } from 'jsonc-parser';

import { type OutlineVisitor, visitYaml } from '../server/src/service/scanners/openapi/yamlOutline';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(label: string, sizeBytes: number, run: () => number): void {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    count = run();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  const mbPerS = sizeBytes / 1e6 / (ms / 1000);
  console.log(
    `${label.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})` +
      `  ${mbPerS.toFixed(0).padStart(4)} MB/s  ${count} ${count === 1 ? 'result' : 'items'}`,
  );
}

function countingYamlVisitor(counter: { n: number }): OutlineVisitor {
  const inc = () => {
    counter.n++;
  };
  return {
    onDocumentBegin: inc,
    onObjectBegin: inc,
    onObjectProperty: inc,
    onObjectEnd: inc,
    onArrayBegin: inc,
    onArrayEnd: inc,
    onLiteralValue: inc,
    onAlias: inc,
    onComment: inc,
    onError: inc,
  };
}

const [yamlPath, jsonPath] = process.argv.slice(2);
if (!yamlPath) {
  console.error('usage: node --import tsx scripts/measure-yaml-outline.ts <file.yaml> [file.json]');
  process.exit(2);
}

const yamlText = readFileSync(yamlPath, 'utf8');
const yamlBytes = Buffer.byteLength(yamlText);
console.log(`${yamlPath}: ${(yamlBytes / 1e6).toFixed(1)} MB, ${yamlText.split('\n').length} lines; median of ${RUNS} runs`);

measure('yaml Lexer', yamlBytes, () => {
  let n = 0;
  for (const _token of new Lexer().lex(yamlText)) n++;
  return n;
});
measure('yaml Parser (CST)', yamlBytes, () => {
  let n = 0;
  for (const _token of new Parser().parse(yamlText)) n++;
  return n;
});
measure('yaml parseDocument', yamlBytes, () => {
  const doc = parseDocument(yamlText);
  return doc.errors.length === 0 ? 1 : 0;
});
measure('visitYaml (counting events)', yamlBytes, () => {
  const counter = { n: 0 };
  visitYaml(yamlText, countingYamlVisitor(counter));
  return counter.n;
});

if (jsonPath) {
  const jsonText = readFileSync(jsonPath, 'utf8');
  const jsonBytes = Buffer.byteLength(jsonText);
  console.log(`${jsonPath}: ${(jsonBytes / 1e6).toFixed(1)} MB`);
  measure('jsonc-parser visit (counting)', jsonBytes, () => {
    let n = 0;
    const inc = () => {
      n++;
    };
    visitJson(jsonText, {
      onObjectBegin: inc,
      onObjectProperty: inc,
      onObjectEnd: inc,
      onArrayBegin: inc,
      onArrayEnd: inc,
      onLiteralValue: inc,
      onComment: inc,
      onError: inc,
    });
    return n;
  });
}

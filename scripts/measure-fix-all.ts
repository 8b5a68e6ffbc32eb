// Times fix-all (what `source.fixAll.httpStatusLens` and `--fix` cost) on generated OpenAPI specs of ~1 MB:
// one with 60 fixable 424s among 6,000 responses, one where all 6,000 are fixable; and a plain check of each.
// Run: node --import tsx scripts/measure-fix-all.ts
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/service';
import { measure } from './timing';

const RUNS = 7;

function spec(operations: number, fixableEvery: number): string {
  const lines = ['openapi: 3.0.3', 'info: { title: t, version: "1" }', 'paths:'];
  for (let i = 0; i < operations; i++) {
    const key = i % fixableEvery === 0 ? "'424'" : "'404'";
    lines.push(`  /orders${i}:`, '    put:', '      responses:', "        '200':", '          description: ok');
    lines.push(`        ${key}:`, `          description: The order ${i} is locked by another user`);
  }
  return lines.join('\n') + '\n';
}

for (const [label, fixableEvery] of [
  ['60 fixes', 100],
  ['6,000 fixes', 1],
] as const) {
  const text = spec(6000, fixableEvery);
  const service = getLanguageService();
  const document = TextDocument.create('file:///measure.yaml', 'yaml', 1, text);
  measure(`check, ${label}`, text.length, RUNS, () => service.doValidation(document).length);
  measure(`fix all, ${label}`, text.length, RUNS, () => service.doFixAll(document).edits.length);
}

/**
 * Conditional and fallback chains in a status context (issue 20, item 1): the work of checking, hovering and
 * fixing grows linearly with the chain, in every family that has them. Growth is judged by counts that do
 * not depend on the machine's load: what the service asks of the document (calls, characters read) and the
 * characters its string and regex operations look at (the builtins are counted while it runs).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentLike, getLanguageService } from '../../server/src/service';
import { readOperations } from '../../server/src/routes';
import { countingBuiltins } from './workCounter';

const chains: [language: string, form: string, make: (n: number) => string][] = [
  ['python', '424 if x else …', (n) => 'abort(' + '424 if x else '.repeat(n) + '409)\n'],
  ['python', '424 or …', (n) => 'abort(' + '424 or '.repeat(n) + '409)\n'],
  ['typescript', 'x ? 424 : …', (n) => 'res.status(' + 'x ? 424 : '.repeat(n) + '409);\n'],
  ['typescript', '424 || …', (n) => 'res.status(' + '424 || '.repeat(n) + '409);\n'],
  ['javascript', '424 ?? …', (n) => 'res.status(' + '424 ?? '.repeat(n) + '409);\n'],
  ['typescript', 'x ? x ? … 424 : 409 …', (n) => 'res.status(' + 'x ? '.repeat(n) + '424' + ' : 409'.repeat(n) + ');\n'],
  ['ruby', 'x ? 424 : …', (n) => 'head(' + 'x ? 424 : '.repeat(n) + '409)\n'],
  ['ruby', '424 || …', (n) => 'head(' + '424 || '.repeat(n) + '409)\n'],
  ['php', '$x ? 424 : …', (n) => '<?php abort(' + '$x ? 424 : '.repeat(n) + '409);\n'],
  ['php', '424 ?? …', (n) => '<?php abort(' + '424 ?? '.repeat(n) + '409);\n'],
  ['java', 'x ? 424 : …', (n) => 'return ResponseEntity.status(' + 'x ? 424 : '.repeat(n) + '409);\n'],
  ['csharp', 'x ? 424 : …', (n) => 'return StatusCode(' + 'x ? 424 : '.repeat(n) + '409);\n'],
  ['kotlin', 'if (x) 424 else …', (n) => 'call.respond(HttpStatusCode.fromValue(' + 'if (x) 424 else '.repeat(n) + '409))\n'],
];

/** The document, counting every call the service makes on it and every character it reads. */
function counted(uri: string, languageId: string, text: string): { document: DocumentLike; work: () => number } {
  const inner = TextDocument.create(uri, languageId, 1, text);
  let calls = 0;
  let read = 0;
  const document: DocumentLike = {
    uri,
    languageId,
    version: 1,
    getText: (range) => {
      calls++;
      const slice = inner.getText(range);
      read += slice.length;
      return slice;
    },
    positionAt: (offset) => (calls++, inner.positionAt(offset)),
    offsetAt: (position) => (calls++, inner.offsetAt(position)),
  };
  return { document, work: () => calls + read };
}

function workFor(languageId: string, text: string, n: number): { work: number; sites: number } {
  const service = getLanguageService();
  const { document, work } = counted(`file:///chain-${n}`, languageId, text);
  const { result: sites, steps } = countingBuiltins(() => {
    const diagnostics = service.doValidation(document);
    const last = diagnostics.at(-1);
    if (last) {
      service.doHover(document, last.range.start);
      service.doCodeActions(document, [last], diagnostics);
    }
    return service.scan(document).sites.length;
  });
  return { work: work() + steps, sites };
}

describe('conditional chains grow linearly', () => {
  for (const [language, form, make] of chains) {
    test(`${language}: ${form}`, () => {
      const n = 500;
      const small = workFor(language, make(n), n);
      const large = workFor(language, make(4 * n), 4 * n);
      assert.ok(large.sites >= 4 * n, `every branch is a site (${large.sites} at n=${4 * n})`);
      const growth = large.work / small.work;
      assert.ok(growth <= 4.5, `work grew x${growth.toFixed(2)} for x4 the chain (${small.work} -> ${large.work}): super-linear`);
    });
  }
});

/** An operation's responses all on one line (a minified spec): the route join's reader of a spec stays linear. */
const oneLineSpecs: [format: string, make: (n: number) => string][] = [
  [
    'json',
    (n) =>
      `{"openapi":"3.0.0","paths":{"/a":{"get":{"responses":{${Array.from({ length: n }, (_, i) => `"${400 + (i % 100)}${i}":{"description":"d"}`).join(',')}}}}}}`,
  ],
  [
    'yaml',
    (n) =>
      `openapi: 3.0.0\npaths: {/a: {get: {responses: {${Array.from({ length: n }, (_, i) => `"${400 + (i % 100)}${i}": {description: d}`).join(', ')}}}}}\n`,
  ],
];

describe('spec operations on one line grow linearly', () => {
  for (const [format, make] of oneLineSpecs) {
    test(format, () => {
      const work = (n: number) => countingBuiltins(() => readOperations('file:///spec', make(n), format === 'yaml')).steps;
      const growth = work(8_000) / work(2_000);
      assert.ok(growth <= 4.5, `work grew x${growth.toFixed(2)} for x4 the responses: super-linear`);
    });
  }
});

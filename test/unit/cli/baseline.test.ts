// Baselines: record today's findings, then report only new ones, across unrelated edits.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { type LineAt, fingerprint, lineReader } from '../../../server/src/cli/baseline';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
import { defaultSettings, getLanguageService, readOnlyDocument } from '../../../server/src/service';
import { lintFile } from '../../../server/src/cli/lintFile';
import type { Finding } from '../../../server/src/cli/findings';
import { lintHere, makeTree, read, removeTrees } from './helpers';

after(removeTrees);

const HANDLERS = [
  "import express from 'express';",
  '',
  "app.put('/orders/:id', (req, res) => {",
  "  return res.status(424).json({ error: 'The order is locked by another user' });",
  '});',
  '',
  "app.get('/invoice', (req, res) => {",
  "  res.status(424).send('The billing service timed out');",
  '});',
  '',
].join('\n');

const SPEC = "openapi: 3.1.0\npaths:\n  /a:\n    put:\n      responses:\n        '424':\n          description: The order is locked.\n";

describe('--write-baseline and --baseline', () => {
  test('a baseline hides what it records, through unrelated edits, and shows what is new', async () => {
    const dir = makeTree({ 'src/handlers.ts': HANDLERS, 'api.yaml': SPEC });
    const written = await lintHere(['lint', '--write-baseline', '.http-status-lens-baseline.json'], dir);
    assert.equal(written.code, 0);
    assert.match(written.stderr, /wrote 3 findings to the baseline/);
    assert.match(written.stdout, /No problems found in 2 files\.\n3 known problems in the baseline not shown\./);
    const baseline = JSON.parse(read(dir, '.http-status-lens-baseline.json'));
    assert.deepEqual(Object.keys(baseline.findings), ['api.yaml', 'src/handlers.ts'], 'paths relative to the baseline file');

    // Unrelated edits: lines added above, the handler renamed, the spec grown.
    const edited = HANDLERS.replace(
      "import express from 'express';",
      "import express from 'express';\nimport cors from 'cors';\n\n// Orders.",
    ).replace("'/invoice'", "'/invoices/:id'");
    fs.writeFileSync(path.join(dir, 'src/handlers.ts'), edited);
    fs.writeFileSync(
      path.join(dir, 'api.yaml'),
      SPEC.replace('paths:\n', "paths:\n  /b:\n    get:\n      responses:\n        '200':\n          description: Fine.\n"),
    );
    const same = await lintHere(['lint', '-f', 'json', '--baseline', '.http-status-lens-baseline.json'], dir);
    assert.equal(same.stdout, '[]\n');
    assert.equal(same.code, 0);

    // A new finding of a rule already in the file is reported; the old ones stay hidden.
    fs.writeFileSync(
      path.join(dir, 'src/handlers.ts'),
      edited + "app.delete('/x', (req, res) => res.status(424).json({ error: 'The order is locked by the warehouse' }));\n",
    );
    const fresh = await lintHere(['lint', '-f', 'json', '--baseline', '.http-status-lens-baseline.json', '--max-warnings', '0'], dir);
    const findings = JSON.parse(fresh.stdout) as { line: number; ruleId: string }[];
    assert.deepEqual(
      findings.map((f) => [f.line, f.ruleId]),
      [[13, '424-for-lock']],
    );
    assert.equal(fresh.code, 1);
  });

  test('fixed findings make the baseline stale, which is said once', async () => {
    const dir = makeTree({ 'api.yaml': SPEC });
    await lintHere(['lint', '--write-baseline', 'base.json'], dir);
    fs.writeFileSync(path.join(dir, 'api.yaml'), SPEC.replace("'424'", "'423'"));
    const run = await lintHere(['lint', '--baseline', 'base.json'], dir);
    assert.match(run.stderr, /1 finding in the baseline no longer occurs; --write-baseline base\.json drops them/);
    assert.equal(run.code, 0);
  });

  test('a missing or foreign baseline file is a usage error', async () => {
    const dir = makeTree({ 'api.yaml': SPEC, 'other.json': '{"findings": []}' });
    const missing = await lintHere(['lint', '--baseline', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the baseline .*nope\.json: ENOENT/);
    const foreign = await lintHere(['lint', '--baseline', 'other.json'], dir);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /not a baseline/);
  });
});

describe('fingerprints', () => {
  const at = (line: number, ruleId = '424-for-lock') => ({ line, ruleId }) as Finding;
  const linesOf = (...lines: string[]): LineAt => lineReader(TextDocument.create('file:///f', 'yaml', 1, lines.join('\r\n')));

  test('the same line text gives the same print wherever it is; indentation does not matter', () => {
    assert.equal(fingerprint(linesOf('x', '  res.status(424)'), at(2)), fingerprint(linesOf('res.status(424)'), at(1)));
    assert.notEqual(fingerprint(linesOf('res.status(424)'), at(1)), fingerprint(linesOf('res.status(424)'), at(1, '424-for-conflict')));
  });

  test('a line that is only a response key takes the next line into account', () => {
    const lines = linesOf(
      "        '424':",
      '          description: The order is locked.',
      "        '424':",
      '',
      '          description: Another reason.',
    );
    assert.notEqual(fingerprint(lines, at(1)), fingerprint(lines, at(3)));
    assert.equal(fingerprint(lines, at(1)), fingerprint(linesOf("'424':", 'description: The order is locked.'), at(1)));
  });
});

test("a file's fingerprints are its findings', in order, past the parts they are gathered in (lintFile.ts)", () => {
  // 5,000 findings, one a line, each line its own text: more than one part of 4,096.
  const responses = Array.from({ length: 10_000 }, (_, i) => `        '${i % 2 ? 424 : 409}':\n          description: locked ${i}`);
  const text = `openapi: 3.1.0\npaths:\n  /a:\n    put:\n      responses:\n${responses.join('\n')}\n`;
  const task = { index: 0, absolute: '/prints/spec.yaml', display: 'spec.yaml', languageId: 'yaml', settingsIndex: 0, text };
  const report = lintFile(getLanguageService(), task, defaultSettings(), 'off', false);
  const findings = report.findings.toArray();
  assert.equal(findings.length, 5_000);
  const lines = lineReader(readOnlyDocument('file:///prints/spec.yaml', 'yaml', 1, text, TextDocument.create));
  assert.deepEqual(
    report.fingerprints,
    findings.map((finding) => fingerprint(lines, finding)),
  );
  assert.equal(new Set(report.fingerprints).size, 5_000);
});

test('lineReader reads the lines a split at CR, LF and CRLF gives, one at a time, from either kind of document', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', ' ', '424', '\n', '\r', '\r\n', 'é'), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const split = text.split(/\r\n|\r|\n/);
      const documents = [
        TextDocument.create('file:///f', 'yaml', 1, text),
        readOnlyDocument('file:///f', 'yaml', 1, text, TextDocument.create),
      ];
      for (const document of documents) {
        const lineAt = lineReader(document);
        assert.deepEqual(
          split.map((_, i) => lineAt(i)),
          split,
        );
        assert.equal(lineAt(split.length), undefined);
        assert.equal(lineAt(-1), undefined);
      }
    }),
  );
});

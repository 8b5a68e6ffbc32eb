// The pre-commit hook (.pre-commit-hooks.yaml): its file pattern is exactly the extensions the linter reads
// (data/languages.json), and its entry, run the way pre-commit runs it (the staged files as arguments, the
// repository root as the working directory), lints those files and fails on a finding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import * as knowledge from '../../../server/src/knowledge';
import { CLI, makeTree, root } from './helpers';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}
const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'http-status-lens')!;

describe('the pre-commit hook', () => {
  test('is declared with id http-status-lens, runs the package bin, and matches exactly the files the linter reads', () => {
    assert.ok(hook, 'a hook with id http-status-lens');
    assert.equal(hook.language, 'node');
    assert.match(hook.entry, /^http-status-lens lint\b/);
    const files = new RegExp(hook.files);
    const extensions = knowledge.languageIds().flatMap((id) => knowledge.language(id)!.extensions ?? []);
    for (const extension of extensions) assert.ok(files.test(`src/a${extension}`), `the hook passes *${extension} files`);
    for (const other of ['README.md', 'a.txt', 'Makefile', 'a.tsbuildinfo', 'a.json.bak', 'a.pyc'])
      assert.ok(!files.test(other), `the hook does not pass ${other}`);
  });

  test('its entry, given the staged files as pre-commit gives them, fails on a finding and passes once fixed', () => {
    const repo = makeTree({
      'api/orders.ts': "app.put('/x', (req, res) => res.status(424).send('The order is locked by another user'));\n",
      'api/ok.py': 'abort(409)\n',
      'docs/openapi.yaml': "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
    });
    const staged = ['api/orders.ts', 'api/ok.py', 'docs/openapi.yaml'].filter((file) => new RegExp(hook.files).test(file));
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'http-status-lens');
    const run = () => spawnSync(process.execPath, [CLI, ...args, ...staged], { cwd: repo, encoding: 'utf8' });
    const failing = run();
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /api\/orders\.ts:1:\d+\s+warning .*424-for-lock/);
    fs.writeFileSync(
      path.join(repo, 'api/orders.ts'),
      "app.put('/x', (req, res) => res.status(423).send('The order is locked by another user'));\n",
    );
    const passing = run();
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  });
});

// --fix and --fix-dry-run: the preferred fixes, written atomically, idempotent, never into a file that
// does not parse; the dry-run diff is a patch that gives the same result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { fixDocument } from '../../../server/src/cli/fix';
import type { LanguageService } from '../../../server/src/service';
import { defaultSettings, getLanguageService } from '../../../server/src/service';
import { CLI, copyProject, lintHere, makeTree, read, removeTrees } from './helpers';

after(removeTrees);

const FIXED = ['api.yaml', 'handlers.ts', 'orders.json'];

function snapshot(dir: string): Map<string, { text: string; mtimeMs: number }> {
  const files = new Map<string, { text: string; mtimeMs: number }>();
  const visit = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const name = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) visit(name);
      else files.set(name, { text: read(dir, name), mtimeMs: fs.statSync(path.join(dir, name)).mtimeMs });
    }
  };
  visit('');
  return files;
}

describe('--fix', () => {
  test('applies the preferred fixes, reports what is left, and a second run changes nothing', async () => {
    const dir = copyProject();
    const before = snapshot(dir);
    const first = await lintHere(['lint', '--fix'], dir);
    assert.equal(first.code, 1, 'the unregistered 499 (an error in this config) has no automatic fix');
    const after1 = snapshot(dir);
    const changed = [...after1.keys()].filter((name) => after1.get(name)!.text !== before.get(name)!.text);
    assert.deepEqual(changed.sort(), FIXED);
    assert.match(read(dir, 'api.yaml'), /'423':\n {10}description: The order is locked/);
    assert.match(read(dir, 'handlers.ts'), /res\.status\(504\)\.send\('The billing service timed out'\)/);
    assert.match(read(dir, 'orders.json'), /"409": \{ "description": "An order with this reference already exists\." \}/);
    assert.match(first.stdout, /Fixed 3 files\./);
    assert.doesNotMatch(first.stdout, /424-for-lock|424-for-conflict|424-for-upstream-failure/);
    assert.match(first.stdout, /unregistered-status-code/);
    assert.deepEqual([...after1.keys()].sort(), [...before.keys()].sort(), 'no temporary file is left behind');

    const second = await lintHere(['lint', '--fix'], dir);
    assert.equal(second.stdout, first.stdout.replace('Fixed 3 files.\n', ''));
    assert.deepEqual(snapshot(dir), after1, 'not one byte and not one mtime changed');
  });

  test('--fix-dry-run prints a patch that gives exactly what --fix writes', async () => {
    const fixed = copyProject();
    await lintHere(['lint', '--fix'], fixed);
    const patched = copyProject();
    const diff = (await lintHere(['lint', '--fix-dry-run'], patched)).stdout;
    const apply = spawnSync('git', ['apply', '--unsafe-paths', '-'], { cwd: patched, input: diff, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);
    for (const name of FIXED) assert.equal(read(patched, name), read(fixed, name), name);
  });

  test('leaves a spec with syntax errors alone and says so', async () => {
    const broken =
      "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      responses:\n        '424':\n          description: The order is locked.\n  bad: [unclosed\n";
    const dir = makeTree({ 'api.yaml': broken });
    const run = await lintHere(['lint', '--fix'], dir);
    assert.equal(read(dir, 'api.yaml'), broken);
    assert.match(run.stderr, /api\.yaml: not fixed: the file has syntax errors/);
  });

  test('the scanned model says whether a spec parses, JSON or YAML, so --fix reads it once', () => {
    const service = getLanguageService();
    const scan = (uri: string, languageId: string, text: string) =>
      service.scan(TextDocument.create(uri, languageId, 1, text)).syntaxErrors;
    assert.equal(scan('file:///a.yaml', 'yaml', 'openapi: 3.1.0\npaths: {}\n'), 0);
    assert.ok(scan('file:///b.yaml', 'yaml', 'openapi: 3.1.0\npaths:\n  bad: [unclosed\n')! > 0);
    assert.equal(scan('file:///c.json', 'json', '{"openapi": "3.1.0", "paths": {}}'), 0);
    assert.ok(scan('file:///d.json', 'json', '{"openapi": "3.1.0", "paths": {"/x": {]}}')! > 0);
  });

  test('keeps CRLF line ends and a byte order mark; leaves hints alone', async () => {
    const text =
      "\uFEFFopenapi: 3.1.0\r\npaths:\r\n  /x:\r\n    get:\r\n      responses:\r\n        '424':\r\n          description: The order is locked.\r\n";
    const dir = makeTree({ 'api.yaml': text, 'hint.yaml': text });
    await lintHere(['lint', '--fix', 'api.yaml'], dir);
    assert.equal(read(dir, 'api.yaml'), text.replace("'424'", "'423'"));
    await lintHere(['lint', '--fix', '--rule', '424-for-lock=hint', 'hint.yaml'], dir);
    assert.equal(read(dir, 'hint.yaml'), text);
  });

  describe('the file system (issue 20, item 2)', () => {
    const LOCKED =
      "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      responses:\n        '424':\n          description: The order is locked.\n";
    const isRoot = process.getuid?.() === 0;

    test('a read-only file (mode 444) is skipped with a message and exit 2, even for root', async () => {
      const dir = makeTree({ 'api.yaml': LOCKED, 'ok.yaml': LOCKED });
      fs.chmodSync(path.join(dir, 'api.yaml'), 0o444);
      const run = await lintHere(['lint', '--fix'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /api\.yaml: not fixed: it is read-only \(mode 444\)/);
      assert.equal(read(dir, 'api.yaml'), LOCKED);
      assert.equal(read(dir, 'ok.yaml'), LOCKED.replace("'424'", "'423'"), 'the other files are still fixed');
      assert.equal(fs.statSync(path.join(dir, 'api.yaml')).mode & 0o777, 0o444);
    });

    test("another user's file that the user may not write is skipped", { skip: !isRoot && 'needs root to run as another user' }, () => {
      const dir = makeTree({ 'api.yaml': LOCKED });
      fs.chmodSync(dir, 0o777);
      const run = spawnSync(process.execPath, [CLI, 'lint', '--fix', '.'], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534 });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /api\.yaml: not fixed: it may not be written \(EACCES\)/);
      assert.equal(read(dir, 'api.yaml'), LOCKED);
    });

    test('the inode, hard links, mode, owner and group are kept; no temporary file is left', async () => {
      const dir = makeTree({ 'api.yaml': LOCKED });
      const file = path.join(dir, 'api.yaml');
      fs.linkSync(file, path.join(dir, 'other-name.txt'));
      fs.chmodSync(file, 0o640);
      if (isRoot) fs.chownSync(file, 65534, 65534);
      const before = fs.statSync(file);
      const run = await lintHere(['lint', '--fix', 'api.yaml'], dir);
      assert.equal(run.code, 0, run.stderr);
      const after = fs.statSync(file);
      assert.equal(read(dir, 'api.yaml'), LOCKED.replace("'424'", "'423'"));
      assert.equal(read(dir, 'other-name.txt'), read(dir, 'api.yaml'), 'the other name sees the fix');
      assert.deepEqual([after.ino, after.nlink, after.mode, after.uid, after.gid], [before.ino, 2, before.mode, before.uid, before.gid]);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'api.yaml', 'other-name.txt']);
    });

    test('a symbolic link is followed and stays a link', async () => {
      const dir = makeTree({ 'real/api.yaml': LOCKED });
      fs.symlinkSync('real/api.yaml', path.join(dir, 'api.yaml'));
      await lintHere(['lint', '--fix', 'api.yaml'], dir);
      assert.ok(fs.lstatSync(path.join(dir, 'api.yaml')).isSymbolicLink());
      assert.equal(read(dir, 'real/api.yaml'), LOCKED.replace("'424'", "'423'"));
    });
  });

  test('fixes that undo each other are not applied', () => {
    // A stand-in service whose one fix turns A into B and B back into A.
    const flip = (document: TextDocument): Diagnostic[] => {
      const next = document.getText() === 'A' ? 'B' : 'A';
      const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: next };
      return [
        {
          range: edit.range,
          message: 'flip',
          data: { fixes: [{ title: 'flip', isPreferred: true, edit: { changes: { [document.uri]: [edit] } } }] },
        },
      ];
    };
    const service = { doValidation: flip, scan: () => ({ kind: 'code', sites: [] }) } as unknown as LanguageService;
    const result = fixDocument(service, TextDocument.create('file:///flip.ts', 'typescript', 1, 'A'), defaultSettings());
    assert.equal(result.document.getText(), 'A');
    assert.equal(result.applied, 0);
    assert.match(result.refused!, /undo each other/);
  });
});

describe('unified diffs', () => {
  const cases: [string, string, string][] = [
    ['a change in the middle', 'a\nb\nc\nd\ne\nf\ng\nh\ni\n', 'a\nb\nc\nd\nE\nf\ng\nh\ni\n'],
    [
      'lines added and removed',
      '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n',
      '0\n1\n2\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n13.5\n14\n15\n16\n',
    ],
    ['no newline at the end', 'x\ny', 'x\nz'],
    ['from empty', '', 'new\n'],
  ];
  for (const [name, before, after] of cases) {
    test(`${name}: patch(1) turns the old text into the new`, () => {
      const dir = makeTree({ 'f.txt': before }, { git: false });
      const diff = unifiedDiff('f.txt', before, after);
      const patch = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff, encoding: 'utf8' });
      assert.equal(patch.status, 0, patch.stdout + patch.stderr + diff);
      assert.equal(read(dir, 'f.txt'), after);
    });
  }

  test('the hunk header and context of a one-line change', () => {
    assert.equal(
      unifiedDiff('f', 'a\nb\nc\nd\ne\nf\ng\nh\ni\n', 'a\nb\nc\nd\nE\nf\ng\nh\ni\n'),
      '--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
    assert.equal(unifiedDiff('f', 'same\n', 'same\n'), '');
  });
});

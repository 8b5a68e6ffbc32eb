// Which files the CLI lints: directory walks, .gitignore, the config's "ignore", the built-in list, globs,
// files named on the command line, languages, and paths that cannot be read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { globMatcher, splitGlob } from '../../../server/src/cli/glob';
import { filesOf, lintHere, makeTree, removeTrees } from './helpers';

/** A handler with one finding, so every linted file shows up in the JSON report. */
const HANDLER = "import express from 'express';\napp.get('/x', (req, res) => res.status(424).send('The upstream service timed out'));\n";
const SPEC = "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      responses:\n        '424':\n          description: The order is locked.\n";

after(removeTrees);

describe('walking directories', () => {
  test('lints code and OpenAPI files in name order, leaves other YAML/JSON and other files alone', async () => {
    const dir = makeTree({
      'b.ts': HANDLER,
      'a/spec.yaml': SPEC,
      'a/z.js': HANDLER,
      'a.tsx': HANDLER,
      'plain.yaml': "retries:\n  '424': 3\n",
      'data.json': '{"responses": {"424": {"description": "locked"}}}',
      'README.md': 'res.status(424)',
    });
    const run = await lintHere(['lint', '-f', 'json'], dir);
    assert.deepEqual(filesOf(run), ['a/spec.yaml', 'a/z.js', 'a.tsx', 'b.ts']);
  });

  test('a file that several paths name (a directory, a file in it) is linted once, where first found', async () => {
    const dir = makeTree({ 'src/a.ts': HANDLER, 'src/b.ts': HANDLER, 'c.ts': HANDLER });
    // Each file has one finding: a file linted twice would show twice.
    const linted = (run: Awaited<ReturnType<typeof lintHere>>) => (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
    // `src` and `.` match only files taken already: no path is unmatched (as in ESLint).
    const named = await lintHere(['lint', '-f', 'json', 'src/b.ts', 'src', 'c.ts', '.'], dir);
    assert.equal(named.code, 0, named.stderr);
    assert.equal((await lintHere(['lint', 'src/a.ts', 'src/**/*.ts'], dir)).code, 0, 'a glob matching a file already named');
    assert.deepEqual(
      linted(named),
      ['src/b.ts', 'src/a.ts', 'c.ts'].map((file) => path.normalize(file)),
    );
    // With --cache, the project's files (walked for their carriers) are taken once too, and so reused.
    const cached = ['lint', '-f', 'json', '--cache', 'src', 'src/a.ts', 'c.ts'];
    for (let run = 0; run < 2; run++)
      assert.deepEqual(
        linted(await lintHere(cached, dir)),
        ['src/a.ts', 'src/b.ts', 'c.ts'].map((file) => path.normalize(file)),
      );
  });

  test('respects .gitignore files at every level, and the repository info/exclude', async () => {
    const dir = makeTree({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/x.ts': HANDLER,
      'src/keep.ts': HANDLER,
      'src/skip.gen.ts': HANDLER,
      'src/.gitignore': 'local.ts\n!keep-anyway.gen.ts\n',
      'src/local.ts': HANDLER,
      'src/keep-anyway.gen.ts': HANDLER,
      'src/excluded.ts': HANDLER,
      '.git/info/exclude': 'src/excluded.ts\n',
    });
    const run = await lintHere(['lint', '-f', 'json'], dir);
    assert.deepEqual(filesOf(run), ['src/keep-anyway.gen.ts', 'src/keep.ts']);
    // Walking from below the repository root still applies the .gitignore files above.
    const below = await lintHere(['lint', '-f', 'json', '.'], path.join(dir, 'src'));
    assert.deepEqual(filesOf(below), ['keep-anyway.gen.ts', 'keep.ts']);
  });

  test('with directory patterns only, a walk that starts inside an excluded directory finds nothing there', async () => {
    const dir = makeTree({ '.gitignore': 'generated/\n', 'generated/x.ts': HANDLER, 'generated/deep/y.ts': HANDLER, 'src/a.ts': HANDLER });
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json'], dir)), ['src/a.ts']);
    for (const top of ['generated', 'generated/deep']) {
      const inside = await lintHere(['lint', '-f', 'json', '--no-error-on-unmatched-pattern', top], dir);
      assert.deepEqual(filesOf(inside), [], top);
    }
  });

  test('the config\'s "ignore" patterns are relative to its file and can re-include', async () => {
    const dir = makeTree({
      '.http-status-lens.json': JSON.stringify({ ignore: ['fixtures/', '**/*.draft.yaml'] }),
      'fixtures/bad.ts': HANDLER,
      'api/v1.draft.yaml': SPEC,
      'api/v1.yaml': SPEC,
      'pkg/.http-status-lens.json': JSON.stringify({ ignore: ['/only-here.ts', '!*.draft.yaml'] }),
      'pkg/only-here.ts': HANDLER,
      'pkg/sub/only-here.ts': HANDLER,
      'pkg/v2.draft.yaml': SPEC,
    });
    const run = await lintHere(['lint', '-f', 'json'], dir);
    assert.deepEqual(filesOf(run), ['api/v1.yaml', 'pkg/sub/only-here.ts', 'pkg/v2.draft.yaml']);
  });

  test('skips node_modules, dist, build and hidden directories unless the config re-includes them', async () => {
    const files = { 'node_modules/m/index.js': HANDLER, 'dist/out.js': HANDLER, '.cache/x.ts': HANDLER, 'src/a.ts': HANDLER };
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json'], makeTree(files))), ['src/a.ts']);
    const reincluded = makeTree({ ...files, '.http-status-lens.json': '{"ignore": ["!dist/"]}' });
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json'], reincluded)), ['dist/out.js', 'src/a.ts']);
    // A directory named on the command line is walked even when its name is on the built-in list.
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json', 'dist'], makeTree(files))), ['dist/out.js']);
  });

  test('a file over the size limit is skipped with a note, not read', async () => {
    const dir = makeTree({ 'a.ts': HANDLER });
    const huge = path.join(dir, 'huge.yaml');
    fs.writeFileSync(huge, SPEC);
    fs.truncateSync(huge, 41 * 1024 * 1024); // sparse: nothing is written
    const run = await lintHere(['lint', '-f', 'json'], dir);
    assert.deepEqual(filesOf(run), ['a.ts']);
    assert.match(run.stderr, /huge\.yaml: skipped \(larger than 40 MB\)/);
    assert.equal(run.code, 0);
  });

  test('"languages" limits what is linted', async () => {
    const dir = makeTree({ '.http-status-lens.json': '{"languages": ["yaml"]}', 'a.ts': HANDLER, 'spec.yaml': SPEC });
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json'], dir)), ['spec.yaml']);
  });
});

describe('file names that are not UTF-8 (issue 20, item 7)', () => {
  const tree = () => {
    const dir = makeTree({});
    fs.writeFileSync(Buffer.from(`${dir}/bad\xff\xfename.ts`, 'latin1'), HANDLER);
    fs.mkdirSync(Buffer.from(`${dir}/dir\xff`, 'latin1'));
    fs.writeFileSync(Buffer.from(`${dir}/dir\xff/in.yaml`, 'latin1'), SPEC);
    return dir;
  };
  const read = (dir: string, name: string) => fs.readFileSync(Buffer.from(`${dir}/${name}`, 'latin1'), 'utf8');

  for (const concurrency of ['off', '2']) {
    test(`are linted and fixed by their bytes, shown lossily (workers: ${concurrency})`, async () => {
      const dir = tree();
      const run = await lintHere(['lint', '-f', 'json', '--concurrency', concurrency, '.'], dir);
      assert.equal(run.stderr, '');
      assert.deepEqual(
        (JSON.parse(run.stdout) as { file: string; ruleId: string }[]).map((f) => `${f.file} ${f.ruleId}`),
        ['bad\ufffd\ufffdname.ts 424-for-upstream-failure', 'dir\ufffd/in.yaml 424-for-lock'],
      );
      const fixed = await lintHere(['lint', '--fix', '--concurrency', concurrency, '.'], dir);
      assert.equal(fixed.code, 0, fixed.stderr);
      assert.match(read(dir, 'bad\xff\xfename.ts'), /res\.status\(504\)/);
      assert.match(read(dir, 'dir\xff/in.yaml'), /'423':/);
      assert.deepEqual(fs.readdirSync(dir, { encoding: 'latin1' }).sort(), ['.git', 'bad\xff\xfename.ts', 'dir\xff']);
    });
  }
});

describe('named files and globs', () => {
  test('a named file is linted; one that is ignored is skipped (a pre-commit hook passes those too)', async () => {
    const dir = makeTree({
      '.gitignore': 'gen/\n',
      'gen/a.ts': HANDLER,
      'b.ts': HANDLER,
      '.http-status-lens.json': '{"ignore": ["c.ts"]}',
      'c.ts': HANDLER,
    });
    const run = await lintHere(['lint', '-f', 'json', 'gen/a.ts', 'b.ts', 'c.ts', 'b.ts'], dir);
    assert.deepEqual(filesOf(run), ['b.ts']);
    // Said on stderr, as ESLint does, so nobody wonders why a named file gave nothing.
    assert.match(run.stderr, /gen\/a\.ts is ignored .* not linted/);
    assert.match(run.stderr, /c\.ts is ignored .* not linted/);
  });

  test('globs match below their fixed part; a glob may name directories', async () => {
    const dir = makeTree({
      'packages/a/src/x.ts': HANDLER,
      'packages/b/src/y.ts': HANDLER,
      'packages/b/test/z.ts': HANDLER,
      'packages/b/api.yaml': SPEC,
    });
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json', 'packages/**/*.ts'], dir)), [
      'packages/a/src/x.ts',
      'packages/b/src/y.ts',
      'packages/b/test/z.ts',
    ]);
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json', 'packages/*/src'], dir)), [
      'packages/a/src/x.ts',
      'packages/b/src/y.ts',
    ]);
    assert.deepEqual(filesOf(await lintHere(['lint', '-f', 'json', 'packages/b/*.{yaml,yml}'], dir)), ['packages/b/api.yaml']);
  });

  test('a glob that matches nothing and a path that does not exist are errors (exit 2)', async () => {
    const dir = makeTree({ 'a.ts': HANDLER });
    const glob = await lintHere(['lint', 'src/**/*.ts'], dir);
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /no files to lint match "src\/\*\*\/\*\.ts"/);
    const missing = await lintHere(['lint', 'a.ts', 'nope.ts'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.ts: no such file or directory/);
    assert.equal(missing.stdout, '');
    const braces = await lintHere(['lint', '{a,b}'.repeat(12) + '.ts'], dir);
    assert.equal(braces.code, 2);
    assert.match(braces.stderr, /cannot use the glob .*: more than 1024 alternatives in its braces/);
  });

  test('a folder named on the command line with nothing to lint is an error, unless allowed (as in ESLint)', async () => {
    const dir = makeTree({ 'src/a.ts': HANDLER, 'docs/readme.md': '# x\n', 'vendor/b.ts': HANDLER, '.gitignore': 'vendor/\n' });
    const empty = await lintHere(['lint', 'docs'], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no files to lint in "docs"/);
    assert.match(empty.stderr, /--no-error-on-unmatched-pattern/);
    const ignored = await lintHere(['lint', 'vendor'], dir);
    assert.equal(ignored.code, 2, 'every file in it is ignored');
    const allowed = await lintHere(['lint', '--no-error-on-unmatched-pattern', 'docs', 'src/**/*.py'], dir);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(allowed.stdout, 'No problems found in 0 files.\n');
    assert.equal((await lintHere(['lint', 'docs', 'src'], dir)).code, 2, 'one empty folder among others still counts');
  });

  test(
    'an unreadable directory inside the tree: the rest is linted, then exit 2',
    { skip: process.getuid?.() === 0 ? 'root can read everything' : false },
    async () => {
      const dir = makeTree({ 'ok.ts': HANDLER, 'locked/x.ts': HANDLER });
      fs.chmodSync(path.join(dir, 'locked'), 0);
      try {
        const run = await lintHere(['lint', '-f', 'json'], dir);
        assert.equal(run.code, 2);
        assert.deepEqual(filesOf(run), ['ok.ts']);
        assert.match(run.stderr, /cannot read .*locked: EACCES/);
      } finally {
        fs.chmodSync(path.join(dir, 'locked'), 0o755);
      }
    },
  );
});

describe('glob matching', () => {
  const cases: [string, string, boolean][] = [
    ['*.ts', 'a.ts', true],
    ['*.ts', 'src/a.ts', false],
    ['**/*.ts', 'a.ts', true],
    ['**/*.ts', 'src/deep/a.ts', true],
    ['src/**', 'src/a/b.yaml', true],
    ['src/**/test/*.ts', 'src/test/a.ts', true],
    ['src/**/test/*.ts', 'src/x/y/test/a.ts', true],
    ['?.ts', 'ab.ts', false],
    ['[ab].ts', 'b.ts', true],
    ['[!ab].ts', 'b.ts', false],
    ['*.{ts,js}', 'a.js', true],
    ['*.{ts,js}', 'a.yaml', false],
    ['a.b', 'axb', false],
  ];
  for (const [glob, file, expected] of cases) {
    test(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(globMatcher(glob)(file), expected));
  }

  test('the fixed part of a glob is where the walk starts', () => {
    assert.deepEqual(splitGlob('packages/*/src/**/*.ts'), { base: 'packages', pattern: '*/src/**/*.ts' });
    assert.deepEqual(splitGlob('*.yaml'), { base: '.', pattern: '*.yaml' });
    assert.deepEqual(splitGlob('/abs/**/x.ts'), { base: '/abs', pattern: '**/x.ts' });
  });
});

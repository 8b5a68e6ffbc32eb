// --stdin with --stdin-filename: text piped by an editor or a hook is linted as the named file would be
// (its language, its config, its ignores), and reported under that name.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintHere, makeTree, runCli } from './helpers';

const LOCKED = "app.put('/x', (req, res) => res.status(424).send('The order is locked by another user'));\n";

interface Found {
  file: string;
  line: number;
  ruleId: string;
}
const findings = (stdout: string) => JSON.parse(stdout) as Found[];

describe('--stdin', () => {
  test('the text is linted as the named file and reported under its name', async () => {
    const dir = makeTree({});
    const run = await lintHere(['lint', '--stdin', '--stdin-filename', 'src/orders.ts', '-f', 'json'], dir, {}, LOCKED);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      findings(run.stdout).map((f) => [f.file, f.line, f.ruleId]),
      [['src/orders.ts', 1, '424-for-lock']],
    );
  });

  test('the name picks the language: the same text as Python is not a TypeScript handler', async () => {
    const dir = makeTree({});
    const python = "abort(424, 'The order is locked by another user')\n";
    const asPython = await lintHere(['lint', '--stdin', '--stdin-filename', 'app.py', '-f', 'json'], dir, {}, python);
    assert.deepEqual(
      findings(asPython.stdout).map((f) => f.ruleId),
      ['424-for-lock'],
    );
    const asText = await lintHere(['lint', '--stdin', '--stdin-filename', 'notes.txt', '-f', 'json'], dir, {}, python);
    assert.equal(asText.stdout, '[]\n');
    assert.match(asText.stderr, /notes\.txt: not linted \(no supported language/);
    assert.equal(asText.code, 0);
  });

  test("the name's folder picks the config, and its ignores apply", async () => {
    const dir = makeTree({
      'api/.http-status-lens.json': '{ "rules": { "424-for-lock": "error" } }',
      '.http-status-lens.json': '{ "ignore": ["generated/"] }',
    });
    const run = await lintHere(['lint', '--stdin', '--stdin-filename', 'api/orders.ts'], dir, {}, LOCKED);
    assert.equal(run.code, 1, 'the folder config makes it an error');
    assert.match(run.stdout, /api\/orders\.ts:1:\d+\s+error/);
    const ignored = await lintHere(['lint', '--stdin', '--stdin-filename', 'generated/x.ts'], dir, {}, LOCKED);
    assert.equal(ignored.code, 0);
    assert.match(ignored.stderr, /generated\/x\.ts is ignored/);
  });

  test('--fix-dry-run prints the diff of the piped text; --fix is refused', async () => {
    const dir = makeTree({});
    const diff = await lintHere(['lint', '--stdin', '--stdin-filename', 'a.ts', '--fix-dry-run'], dir, {}, LOCKED);
    assert.match(diff.stdout, /^--- a\/a\.ts\n\+\+\+ b\/a\.ts\n/m);
    assert.match(diff.stdout, /^\+.*res\.status\(423\)/m);
    const write = await lintHere(['lint', '--stdin', '--stdin-filename', 'a.ts', '--fix'], dir, {}, LOCKED);
    assert.equal(write.code, 2);
    assert.match(write.stderr, /--fix cannot write standard input back; use --fix-dry-run/);
  });

  test('usage mistakes: no file name, paths beside it, a file name without --stdin', async () => {
    const dir = makeTree({});
    for (const [args, message] of [
      [['--stdin'], /--stdin needs --stdin-filename/],
      [['--stdin', '--stdin-filename', 'a.ts', 'src'], /give no paths with it/],
      [['--stdin-filename', 'a.ts'], /only used with --stdin/],
    ] as const) {
      const run = await lintHere(['lint', ...args], dir, {}, LOCKED);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });

  test('the bundle reads standard input to its end', () => {
    const dir = makeTree({});
    const big = '// filler line\n'.repeat(20_000) + LOCKED;
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'big.ts', '-f', 'json'], dir, {}, big);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      findings(run.stdout).map((f) => [f.line, f.ruleId]),
      [[20_001, '424-for-lock']],
    );
  });
});

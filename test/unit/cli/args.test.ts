// Command-line arguments: every option, and a clear usage error for every mistake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LintOptions, UsageError, parseArgs } from '../../../server/src/cli/args';

function options(...argv: string[]): LintOptions {
  const parsed = parseArgs(argv);
  assert.equal(parsed.command, 'lint');
  return (parsed as { options: LintOptions }).options;
}

describe('parseArgs', () => {
  test('defaults: stylish, no warning limit, the current directory', () => {
    assert.deepEqual(options('lint'), {
      format: 'stylish',
      maxWarnings: -1,
      quiet: false,
      rules: {},
      noConfig: false,
      fix: 'off',
      concurrency: 'auto',
      stdin: false,
      errorOnUnmatchedPattern: true,
      paths: ['.'],
    });
  });

  test('every option, in both spellings where there are two', () => {
    const all = options(
      'lint',
      'src',
      '-f',
      'sarif',
      '--max-warnings=3',
      '--quiet',
      '--rule',
      '424-for-lock=off',
      '--rule=424-for-conflict=error,unregistered-status-code=hint',
      '-c',
      'ci.json',
      '--fix',
      '--baseline',
      'b.json',
      '--write-baseline',
      'w.json',
      '--concurrency',
      '2',
      '--no-color',
      '--no-error-on-unmatched-pattern',
      'specs/**/*.yaml',
    );
    assert.deepEqual(all, {
      format: 'sarif',
      maxWarnings: 3,
      quiet: true,
      rules: { '424-for-lock': 'off', '424-for-conflict': 'error', 'unregistered-status-code': 'hint' },
      config: 'ci.json',
      noConfig: false,
      fix: 'write',
      baseline: 'b.json',
      writeBaseline: 'w.json',
      concurrency: 2,
      color: false,
      stdin: false,
      errorOnUnmatchedPattern: false,
      paths: ['src', 'specs/**/*.yaml'],
    });
    assert.equal(options('lint', '--format', 'github').format, 'github');
    assert.equal(options('lint', '--fix-dry-run').fix, 'dry-run');
    assert.equal(options('lint', '--no-config').noConfig, true);
    assert.equal(options('lint', '--max-warnings', '-1').maxWarnings, -1);
    assert.deepEqual(options('lint', '--', '--weird-file.ts').paths, ['--weird-file.ts']);
  });

  test('help and version win over everything else', () => {
    assert.deepEqual(parseArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['lint', '--bogus', '-h']), { command: 'help' });
    assert.deepEqual(parseArgs(['lint', '--', '-h']).command, 'lint');
    assert.deepEqual(parseArgs(['-v']), { command: 'version' });
    assert.deepEqual(parseArgs(['--version']), { command: 'version' });
  });

  const mistakes: [string[], RegExp][] = [
    [[], /missing command: expected "lint"/],
    [['check'], /unknown command "check"/],
    [['lint', '--frobnicate'], /unknown option "--frobnicate"/],
    [['lint', '-x'], /unknown option "-x"/],
    [['lint', '--format', 'xml'], /unknown format "xml" \(expected stylish, json, sarif, github, junit\)/],
    [['lint', '--format'], /--format needs a value/],
    [['lint', '--format', '--quiet'], /--format needs a value/],
    [['lint', '--max-warnings', 'many'], /--max-warnings needs a whole number >= -1, got "many"/],
    [['lint', '--max-warnings', '1.5'], /whole number/],
    [['lint', '--rule', '424-for-lock'], /--rule needs ID=SEVERITY/],
    [['lint', '--rule', 'no-such-rule=off'], /unknown rule "no-such-rule"/],
    [['lint', '--rule', '424-for-lock=loud'], /unknown severity "loud"/],
    [['lint', '--quiet=yes'], /--quiet takes no value/],
    [['lint', '--fix', '--fix-dry-run'], /cannot be combined/],
    [['lint', '--config', 'a.json', '--no-config'], /--config and --no-config cannot be combined/],
    [['lint', '--fix-dry-run', '-f', 'json'], /--fix-dry-run prints a diff; it cannot be combined with --format json/],
    [['lint', '--concurrency', '0'], /--concurrency needs a whole number >= 1/],
  ];
  for (const [argv, message] of mistakes) {
    test(`usage error: ${argv.join(' ') || '(nothing)'}`, () => {
      assert.throws(
        () => parseArgs(argv),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }
});

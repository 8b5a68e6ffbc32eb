// Every output format on the fixture project, against golden files; SARIF also against the SARIF 2.1.0
// schema; and the real bundle: --version, --help, exit codes, the same JSON as in-process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { ruleIds } from '../../../server/src/service/rules';
import { countingBuiltinsAsync } from '../workCounter';
import { oneLineResponses } from '../../fuzz/hostile';
import { assertGolden, fixtures, lintHere, makeTree, project, root, runCli } from './helpers';

const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('output formats (golden files for test/fixtures/cli/project)', () => {
  test('stylish: grouped per file, file:line:column, a summary; no colour off a terminal', async () => {
    const run = await lintHere(['lint']);
    assert.equal(run.code, 1, 'an error-severity finding (unregistered-status-code is "error" in the fixture config)');
    assert.doesNotMatch(run.stdout, /\u001b\[/);
    assertGolden('stylish.txt', run.stdout);
  });

  test('stylish with --color, FORCE_COLOR; never with NO_COLOR', async () => {
    const run = await lintHere(['lint', '--color', 'api.yaml']);
    assert.match(run.stdout, /\u001b\[31merror/);
    assert.match(run.stdout, /\u001b\[33mwarning/);
    assert.match((await lintHere(['lint', 'api.yaml'], project, { FORCE_COLOR: '1' })).stdout, /\u001b\[/);
    assert.doesNotMatch((await lintHere(['lint', 'api.yaml'], project, { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout, /\u001b\[/);
  });

  test('json: the DESIGN.md contract, 1-based', async () => {
    const run = await lintHere(['lint', '--format', 'json']);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    for (const f of findings)
      // `related`: the other file a project rule's finding rests on (status-not-in-spec: the operation in the spec).
      assert.deepEqual(
        Object.keys(f).filter((k) => k !== 'related'),
        ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'fixes'],
      );
    const lock = findings.find((f) => f.ruleId === '424-for-lock')!;
    assert.deepEqual([lock.file, lock.line, lock.column, lock.endLine, lock.endColumn], ['api.yaml', 12, 10, 12, 13]);
    assert.equal(run.stdout, JSON.stringify(findings, null, 2) + '\n', 'streamed output is exactly JSON.stringify of the whole array');
    assertGolden('json.txt', run.stdout);
  });

  test('json with no findings is an empty array', async () => {
    const run = await lintHere(['lint', '--format', 'json', 'not-a-spec.yaml']);
    assert.equal(run.stdout, '[]\n');
    assert.equal(run.code, 0);
  });

  test('github: workflow commands with file, line, col, endLine, endColumn and the rule as title', async () => {
    const run = await lintHere(['lint', '--format', 'github']);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines)
      assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S/);
    assert.ok(
      lines.includes(
        lines.find((l) => l.startsWith('::warning file=api.yaml,line=12,col=10,endLine=12,endColumn=13,title=424-for-lock::'))!,
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('::error file=api.yaml,line=19,col=10,')));
    assertGolden('github.txt', run.stdout);
    const fromRepositoryRoot = await lintHere(['lint', '--format', 'github', 'api.yaml'], project, { GITHUB_WORKSPACE: root });
    assert.match(fromRepositoryRoot.stdout, /^::warning file=test\/fixtures\/cli\/project\/api\.yaml,line=12,/);
  });

  test('sarif: valid SARIF 2.1.0 with rules, help URIs, regions, fingerprints and fixes', async () => {
    const run = await lintHere(['lint', '--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    const errors = validateSarif(log);
    assert.deepEqual(errors, [], 'schema errors');
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    assert.deepEqual(
      rules.map((r) => r.id),
      [...ruleIds],
    );
    for (const rule of rules) {
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.ok(fs.existsSync(path.join(root, 'docs/rules', `${rule.id}.md`)), `the help page of ${rule.id} exists`);
      assert.ok(rule.shortDescription.text.length > 10);
    }
    const lock = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === '424-for-lock');
    assert.equal(rules[lock.ruleIndex].id, '424-for-lock');
    assert.equal(lock.level, 'warning');
    assert.deepEqual(lock.locations[0].physicalLocation, {
      artifactLocation: { uri: 'api.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 10, endLine: 12, endColumn: 13 },
    });
    assert.match(lock.partialFingerprints['httpStatusLens/v1'], /^[0-9a-f]{16}$/);
    assert.equal(lock.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '423');
    const unregistered = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'unregistered-status-code');
    assert.equal(unregistered.level, 'error');
    const normalised = run.stdout.replaceAll(pathToFileURL(project).href + '/', 'file:///PROJECT/');
    assertGolden('sarif.json', normalised);
  });

  test('junit: one testsuite per file, one failing testcase per finding, a passing one for a clean file', async () => {
    const run = await lintHere(['lint', '--format', 'junit']);
    const json = JSON.parse((await lintHere(['lint', '--format', 'json'])).stdout) as {
      file: string;
      ruleId: string;
      line: number;
      column: number;
    }[];
    assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="http-status-lens" /);
    const suites = [...run.stdout.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)];
    const files = [...new Set(json.map((f) => f.file))];
    for (const file of files) {
      const suite = suites.find((m) => m[1] === file);
      assert.ok(suite, `a testsuite for ${file}`);
      assert.equal(Number(suite[3]), json.filter((f) => f.file === file).length);
    }
    assert.ok(
      suites.some((m) => m[3] === '0' && m[2] === '1'),
      'a clean file is one passing testcase',
    );
    assert.equal((run.stdout.match(/<failure /g) ?? []).length, json.length);
    const total = /<testsuites [^>]*tests="(\d+)" failures="(\d+)"/.exec(run.stdout)!;
    assert.equal(Number(total[2]), json.length);
    assert.equal(
      Number(total[1]),
      suites.reduce((sum, m) => sum + Number(m[2]), 0),
    );
    assertGolden('junit.xml', run.stdout);
  });

  test('junit of more than fits a block: the suites kept in a temporary file, copied out whole and removed', async () => {
    // 1,500 findings (~1 MB of XML) in a file whose name is two-byte characters: some are cut between two
    // reads of the temporary file.
    const name = `${'é'.repeat(100)}.json`;
    const dir = makeTree({ [name]: oneLineResponses(3_000) });
    const spools = () => fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith('http-status-lens-junit-'));
    const before = new Set(spools());
    const run = await lintHere(['lint', '-f', 'junit', '--no-config'], dir);
    assert.ok(run.stdout.length > 500_000);
    assert.ok(
      run.stdout.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="http-status-lens" tests="1500" failures="1500" errors="0" time="0">\n' +
          `  <testsuite name="${name}" tests="1500" failures="1500" errors="0" skipped="0" time="0">\n`,
      ),
    );
    assert.ok(run.stdout.endsWith('    </testcase>\n  </testsuite>\n</testsuites>\n'));
    assert.equal((run.stdout.match(/<testcase /g) ?? []).length, 1500);
    assert.equal((run.stdout.match(new RegExp(`classname="${name}"`, 'g')) ?? []).length, 1500);
    assert.doesNotMatch(run.stdout, /\uFFFD/);
    assert.deepEqual(
      spools().filter((entry) => !before.has(entry)),
      [],
      'the temporary file is removed',
    );
  });

  test('junit escapes what XML cannot hold as text', async () => {
    const dir = makeTree({ 'a&b<c>.ts': "app.get('/x', (req, res) => res.status(424).send('locked \\u0001 \"x\"'));\n" });
    const run = await lintHere(['lint', '-f', 'junit', '--no-config'], dir);
    assert.match(run.stdout, /<testsuite name="a&amp;b&lt;c&gt;\.ts"/);
    assert.doesNotMatch(run.stdout, /<testsuite name="a&b/);
  });

  test('what a finding rests on: SARIF relatedLocations, JSON related (1-based)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-related-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(
        path.join(dir, 'invoice.go'),
        'package api\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tinv, err := h.billing.InvoiceFor(r.Context(), id)\n\tif err != nil {\n\t\tw.WriteHeader(424)\n\t}\n}\n',
      );
      const json = JSON.parse((await lintHere(['lint', '--format', 'json'], dir)).stdout);
      assert.equal(json.length, 1);
      assert.equal(json[0].ruleId, '424-for-upstream-failure');
      assert.deepEqual(json[0].related, [
        { line: 4, column: 14, endLine: 4, endColumn: 34, message: 'the call whose failure leads to it: h.billing.InvoiceFor(...)' },
      ]);
      const log = JSON.parse((await lintHere(['lint', '--format', 'sarif'], dir)).stdout);
      assert.deepEqual(validateSarif(log), []);
      const [result] = log.runs[0].results;
      assert.deepEqual(result.relatedLocations, [
        {
          id: 0,
          physicalLocation: {
            artifactLocation: { uri: 'invoice.go', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 14, endLine: 4, endColumn: 34 },
          },
          message: { text: 'the call whose failure leads to it: h.billing.InvoiceFor(...)' },
        },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--fix-dry-run: a unified diff and nothing else; the files stay as they are', async () => {
    const before = fs.readFileSync(path.join(project, 'api.yaml'), 'utf8');
    const run = await lintHere(['lint', '--fix-dry-run']);
    assert.equal(fs.readFileSync(path.join(project, 'api.yaml'), 'utf8'), before);
    assert.match(run.stdout, /^--- a\/api\.yaml\n\+\+\+ b\/api\.yaml\n@@ /);
    assertGolden('fix-dry-run.diff', run.stdout);
  });
});

describe('--quiet and --max-warnings', () => {
  test('--quiet reports errors only', async () => {
    const run = await lintHere(['lint', '-f', 'json', '--quiet']);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { ruleId: string }[]).map((f) => f.ruleId),
      ['unregistered-status-code'],
    );
    assert.equal(run.code, 1);
  });

  test('hidden warnings still count against --max-warnings (as in ESLint)', async () => {
    const quiet = await lintHere(['lint', '--quiet', '--max-warnings', '0', 'handlers.ts']);
    assert.equal(quiet.stdout, 'No problems found in 1 file.\n');
    assert.equal(quiet.code, 1);
    assert.equal((await lintHere(['lint', '--quiet', 'handlers.ts'])).code, 0);
  });

  test('info and hint findings never fail the run', async () => {
    const run = await lintHere(['lint', '--rule', '424-for-upstream-failure=info', '--max-warnings', '0', 'handlers.ts']);
    assert.match(run.stdout, /info {5}424 Failed Dependency/);
    assert.equal(run.code, 0);
  });
});

describe('the bundle (dist/cli.js)', () => {
  test('--version prints the package version', () => {
    const run = runCli(['--version']);
    assert.deepEqual([run.code, run.stdout], [0, `${version}\n`]);
  });

  test('--help lists every option and format', () => {
    const run = runCli(['lint', '--help']);
    assert.equal(run.code, 0);
    for (const option of [
      '--format',
      '--max-warnings',
      '--quiet',
      '--rule',
      '--config',
      '--no-config',
      '--fix',
      '--fix-dry-run',
      '--baseline',
      '--write-baseline',
      '--concurrency',
      '--stdin',
      '--stdin-filename',
      '--no-error-on-unmatched-pattern',
    ]) {
      assert.ok(run.stdout.includes(option), option);
    }
    assert.match(run.stdout, /stylish.*json.*sarif.*github.*junit/);
  });

  test('exit codes: 1 for an error finding, 0 within the limits, 2 for a usage error', () => {
    assert.equal(runCli(['lint']).code, 1);
    const clean = runCli(['lint', 'handlers.ts', '--max-warnings', '1']);
    assert.equal(clean.code, 0, clean.stderr);
    const over = runCli(['lint', 'handlers.ts', '--max-warnings', '0']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warning, more than --max-warnings 0/);
    const unknown = runCli(['lint', '--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option "--frobnicate"/);
    assert.equal(unknown.stdout, '');
  });

  test('the same JSON in the bundle as in this process, sarif included', async () => {
    for (const format of ['json', 'github']) {
      assert.equal(runCli(['lint', '-f', format]).stdout, (await lintHere(['lint', '-f', format])).stdout, format);
    }
    const sarif = JSON.parse(runCli(['lint', '-f', 'sarif']).stdout);
    assert.equal(sarif.runs[0].tool.driver.version, version);
    assert.deepEqual(validateSarif(sarif), []);
  });
});

function validateSarif(log: unknown): string[] {
  // The schema is draft-04 (only its top-level "id" says so); Ajv reads it as draft-07 once that is dropped.
  const schema = JSON.parse(fs.readFileSync(path.join(fixtures, 'sarif-schema-2.1.0.json'), 'utf8'));
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({
    allErrors: true,
    // One pattern in the schema (a language tag) is not valid with the u flag.
    unicodeRegExp: false,
    strict: false,
    formats: {
      uri: (s: string) => URL.canParse(s),
      'uri-reference': (s: string) => URL.canParse(s, 'file:///base/'),
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
    },
  });
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('a one-line spec with thousands of findings (issue 20, item 5)', () => {
  /** One operation with n response keys, most of them not registered codes: a finding each. */
  const spec = (n: number) =>
    JSON.stringify({
      openapi: '3.1.0',
      paths: {
        '/p': {
          get: {
            responses: Object.fromEntries(
              Array.from({ length: n }, (_, i) => [`${100 + (i % 500)}${i >= 500 ? `x${i}` : ''}`, { description: 'd' }]),
            ),
          },
        },
      },
    });
  for (const args of [[], ['--rule', 'unregistered-status-code=error', '--quiet']]) {
    test(`the work of linting grows linearly ${args.join(' ')}`, async () => {
      const work = async (n: number) => {
        const dir = makeTree({ 'api.json': spec(n) });
        const { result, steps } = await countingBuiltinsAsync(() =>
          lintHere(['lint', '-f', 'json', '--concurrency', 'off', ...args, 'api.json'], dir),
        );
        assert.ok((JSON.parse(result.stdout) as unknown[]).length > n * 0.9);
        return steps;
      };
      const small = await work(1000);
      const large = await work(8000);
      assert.ok(large / small <= 9, `work grew x${(large / small).toFixed(2)} for x8 the keys (${small} -> ${large}): super-linear`);
    });
  }
});

/**
 * The CLI (dist/cli.js) on random projects: mutated sources and specs of every language, binary files,
 * files that are not UTF-8, BOM and CRLF files, broken configs. It must never crash (no internal error,
 * exit 0/1/2 only), report positions inside the files, and `--fix` must lose nothing: no stray temporary
 * files, files that are not UTF-8 untouched, BOM and line ends kept, only status tokens changed, and a
 * second `--fix` changes nothing. A few projects in `npm test`; FUZZ_CLI_RUNS for more.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../server/src/cli/findings';
import * as knowledge from '../../server/src/knowledge';
import { getLanguageService } from '../../server/src/service';
import { ruleIds } from '../../server/src/service/rules';
import { binaryDocument, mutatedSeed } from './arbitraries';
import { root } from './corpus';
import { makeDocument } from './invariants';

const cli = path.join(root, 'dist/cli.js');
const EXTENSION: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  python: '.py',
  go: '.go',
  java: '.java',
  kotlin: '.kt',
  csharp: '.cs',
  php: '.php',
  ruby: '.rb',
  rust: '.rs',
  yaml: '.yaml',
  json: '.json',
  jsonc: '.jsonc',
};

interface ProjectFile {
  name: string;
  bytes: Buffer;
}

const textFile = mutatedSeed.map((d) => ({ languageId: d.languageId, bytes: Buffer.from(d.text, 'utf8') }));
const oddFile = fc.oneof(
  // Not UTF-8: a source whose comment is Latin-1.
  fc.constant({
    languageId: 'typescript',
    bytes: Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9, 0xff]), Buffer.from("\nres.status(424).json({ error: 'locked' });\n")]),
  }),
  // BOM and CRLF.
  fc.constant({ languageId: 'python', bytes: Buffer.from('\ufeffdef f():\r\n    abort(424)  # the order is locked\r\n', 'utf8') }),
  binaryDocument.map((d) => ({ languageId: d.languageId, bytes: Buffer.from(d.text, 'latin1') })),
);
const config = fc.oneof(
  fc.constant(undefined),
  fc.constant('{ "rules": { "424-for-lock": "error" }, "ignore": ["vendor/"] }'),
  fc.constant('{ "rules": { "424-for-lock": "loud" }, "languages": 3, }'),
  fc.constant('not json at all'),
  fc.constant('\u0000\u0001'),
);
const project = fc.record({
  files: fc.array(fc.oneof({ weight: 4, arbitrary: textFile }, { weight: 1, arbitrary: oddFile }), { minLength: 1, maxLength: 6 }),
  config,
});

function write(dir: string, files: { languageId: string; bytes: Buffer }[], configText: string | undefined): ProjectFile[] {
  const written = files.map((f, i) => ({ name: `f${i}${EXTENSION[f.languageId] ?? '.txt'}`, bytes: f.bytes }));
  for (const f of written) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  if (configText !== undefined) fs.writeFileSync(path.join(dir, '.http-status-lens.json'), configText);
  return written;
}

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.ok(result.status === 0 || result.status === 1 || result.status === 2, `exit ${result.status ?? result.signal}: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at \S+ \(|TypeError|RangeError|ReferenceError/, 'no crash');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isUtf8 = (bytes: Buffer) => Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
const words = (text: string) => text.match(/[A-Za-z0-9_]+|[^A-Za-z0-9_]/gu) ?? [];

/** A line of a spec that declares a response, as status-not-in-spec's preferred fix adds one: `'404':`, `description: ...`. */
const DECLARED = /^\s*(["']?[1-5]\d\d["']?\s*:.*|["']?description["']?\s*:.*|\}\s*,?)\s*$/;

/**
 * What --fix may have done to one file: only whole status tokens replaced, nothing else; and in a spec, besides,
 * responses declared (status-not-in-spec's preferred fix), every line it had kept in order.
 */
function checkFixed(name: string, before: Buffer, after: Buffer): void {
  if (before.equals(after)) return;
  assert.ok(isUtf8(before), `${name}: a file that is not UTF-8 was rewritten`);
  let [a, b] = [before.toString('utf8'), after.toString('utf8')];
  assert.equal(b.startsWith('\ufeff'), a.startsWith('\ufeff'), `${name}: the byte-order mark changed`);
  if (/\.(ya?ml|json)$/.test(name) && b.split('\n').length > a.split('\n').length) b = withoutDeclared(name, a, b);
  assert.equal(b.split('\r\n').length, a.split('\r\n').length, `${name}: CRLF line ends changed`);
  assert.equal(b.split('\n').length, a.split('\n').length, `${name}: lines were added or removed`);
  const [wa, wb] = [words(a), words(b)];
  assert.equal(wb.length, wa.length, `${name}: more than tokens changed`);
  const languageId = knowledge.languageForFile(name)!;
  const sites = getLanguageService()
    .scan(makeDocument(languageId, a))
    .sites.filter((s) => s.role === 'use');
  let offset = 0;
  for (let i = 0; i < wa.length; offset += wa[i].length, i++) {
    if (wa[i] === wb[i]) continue;
    assert.match(wa[i], /^\w+$/, `${name}: a non-word token changed at ${offset}`);
    assert.ok(
      sites.some((s) => s.start <= offset && offset < s.end),
      `${name}: "${wa[i]}" -> "${wb[i]}" at ${offset} is not a status site`,
    );
  }
}

/** `after` without the lines the fix added to declare responses; fails when a line of `before` is gone. */
function withoutDeclared(name: string, before: string, after: string): string {
  const [a, b] = [before.split('\n'), after.split('\n')];
  const same = (x: string, y: string) => x.replace(/\b\d{3}\b/g, '#') === y.replace(/\b\d{3}\b/g, '#');
  const kept: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && same(a[i], line)) (kept.push(line), i++);
    else assert.match(line, DECLARED, `${name}: a line added that declares no response: ${JSON.stringify(line)}`);
  }
  assert.equal(i, a.length, `${name}: a line of the spec was lost: ${JSON.stringify(a[i])}`);
  return kept.join('\n');
}

function checkReport(dir: string, stdout: string): void {
  const findings = JSON.parse(stdout) as Finding[];
  assert.ok(Array.isArray(findings));
  for (const f of findings) {
    const file = path.resolve(dir, f.file);
    assert.ok(fs.existsSync(file), `${f.file} exists`);
    const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
    assert.ok(
      f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length,
      `${f.file}: line ${f.line}-${f.endLine} of ${lines.length}`,
    );
    assert.ok(f.column >= 1 && f.column <= lines[f.line - 1].length + 1, `${f.file}:${f.line}: column ${f.column}`);
    assert.ok(f.endColumn >= 1 && f.endColumn <= lines[f.endLine - 1].length + 1, `${f.file}:${f.endLine}: end column ${f.endColumn}`);
    assert.ok((ruleIds as string[]).includes(f.ruleId), f.ruleId);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity), f.severity);
  }
}

describe('fuzz: the CLI on random projects', { skip: !fs.existsSync(cli) && 'run npm run build' }, () => {
  test('lint reports inside the files; --fix loses nothing and settles', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(project, ({ files, config: configText }) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-cli-fuzz-'));
        try {
          const written = write(dir, files, configText);
          const linted = run(['lint', '--format', 'json', '--no-color', '.'], dir);
          if (linted.status !== 2 || linted.stdout.trim().startsWith('[')) checkReport(dir, linted.stdout);
          run(['lint', '--fix', '.'], dir);
          const names = fs.readdirSync(dir).sort();
          assert.deepEqual(
            names,
            [...written.map((f) => f.name), ...(configText === undefined ? [] : ['.http-status-lens.json'])].sort(),
            'no temporary file left behind, none lost',
          );
          const once = written.map((f) => fs.readFileSync(path.join(dir, f.name)));
          written.forEach((f, i) => checkFixed(f.name, f.bytes, once[i]));
          run(['lint', '--fix', '.'], dir);
          written.forEach((f, i) =>
            assert.ok(fs.readFileSync(path.join(dir, f.name)).equals(once[i]), `${f.name}: a second --fix changed it again`),
          );
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.FUZZ_CLI_RUNS ?? 5), endOnFailure: true },
    );
  });

  test('a config file nested 100,000 deep is a configuration problem, not a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-cli-deep-'));
    try {
      fs.writeFileSync(path.join(dir, '.http-status-lens.json'), '['.repeat(100_000));
      fs.writeFileSync(path.join(dir, 'a.ts'), "res.status(424).json({ error: 'locked' });\n");
      const result = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
      assert.doesNotMatch(result.stderr, /internal error/);
      assert.match(result.stderr, /\.http-status-lens\.json:1:1: nested too deeply/);
      assert.equal(result.status, 2, 'a configuration error');
      assert.equal(JSON.parse(result.stdout).length, 1, 'the file is still linted with the defaults');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The CLI and the workspace (issue 16): carriers across files, --cache, --shard. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parseArgs } from '../../../server/src/cli/args';
import { type Run, lintHere, makeTree, removeTrees, runCli } from './helpers';

after(removeTrees);

const declaration = `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
public class FailedDependencyException extends RuntimeException {
    public FailedDependencyException(String message) { super(message); }
}
`;
const use = `class CouponService {
    void create(String code) {
        if (exists(code)) throw new FailedDependencyException("This coupon code is already taken");
    }
}
`;

/** A cache file (see server/src/cli/cache.ts): its header, and its file lines' fields by name. */
interface CacheFile {
  header: Record<string, unknown>;
  files: Record<string, string[]>;
}
const FIELDS = ['size', 'mtimeMs', 'settings', 'dependencies', 'report', 'facts'];

function readCache(file: string): CacheFile {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'the file ends with a line break');
  const files: CacheFile['files'] = {};
  for (const line of lines) {
    const [name, ...fields] = line.split('\t');
    assert.equal(fields.length, FIELDS.length, line);
    files[name] = fields;
  }
  return { header: JSON.parse(header) as Record<string, unknown>, files };
}

function writeCache(file: string, cache: CacheFile): void {
  const lines = Object.entries(cache.files).map(([name, fields]) => [name, ...fields].join('\t'));
  fs.writeFileSync(file, [JSON.stringify(cache.header), ...lines, ''].join('\n'));
}

function rules(run: Run): string[] {
  return (JSON.parse(run.stdout) as { file: string; ruleId: string }[]).map((f) => `${f.file.split(path.sep).join('/')}: ${f.ruleId}`);
}

test('a use is judged by a carrier declared in a file that is not linted (the project is read first)', async () => {
  const dir = makeTree({ 'src/errors/FailedDependencyException.java': declaration, 'src/coupons/CouponService.java': use });
  const run = await lintHere(['lint', 'src/coupons', '--format', 'json'], dir);
  assert.deepEqual(rules(run), ['src/coupons/CouponService.java: 424-for-conflict']);
  const all = await lintHere(['lint', '--format', 'json'], dir);
  assert.deepEqual(rules(all), ['src/coupons/CouponService.java: 424-for-conflict']);
});

test('--cache reuses the result of an unchanged file, and lints again when a carrier it uses changes', async () => {
  const dir = makeTree({ 'src/errors/FailedDependencyException.java': declaration, 'src/coupons/CouponService.java': use });
  const file = path.join(dir, 'src/coupons/CouponService.java');
  const time = new Date('2026-01-01T00:00:00Z');
  fs.utimesSync(file, time, time);
  const first = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(first), ['src/coupons/CouponService.java: 424-for-conflict']);
  assert.ok(fs.existsSync(path.join(dir, '.http-status-lens-cache')));
  // Same size and time, other words: only a reused result still says 424-for-conflict.
  fs.writeFileSync(file, use.replace('already taken', 'xxxxxxx xxxxx'));
  fs.utimesSync(file, time, time);
  const second = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(second), ['src/coupons/CouponService.java: 424-for-conflict']);
  // The carrier changes to 409: the unchanged use depends on it, so it is linted again (and now clean).
  fs.writeFileSync(path.join(dir, 'src/errors/FailedDependencyException.java'), declaration.replace('FAILED_DEPENDENCY', 'CONFLICT'));
  const third = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(third), []);
});

test('--cache in the CLI run where the files are (asked for by their relative paths): a changed file is linted again', () => {
  // A carrier whose name says nothing by itself: without a use, it is judged where it stands (a type named after
  // the code would define it, and say nothing either way).
  const named = (text: string) => text.replaceAll('FailedDependencyException', 'CouponTakenException');
  const dir = makeTree({ 'src/errors/CouponTakenException.java': named(declaration), 'src/coupons/CouponService.java': named(use) });
  const file = path.join(dir, 'src/coupons/CouponService.java');
  const lint = (cwd = dir, ...paths: string[]) =>
    runCli(['lint', '--cache', '--cache-location', dir + '/', '--format', 'json', ...paths], cwd);
  const conflict = ['src/coupons/CouponService.java: 424-for-conflict'];
  // Without the use, the carrier is a 424 nobody throws for a dependency.
  const unused = ['src/errors/CouponTakenException.java: 424-without-dependency'];
  assert.deepEqual(rules(lint()), conflict);
  // Another exception of the same size (not the carrier), written later: linted again.
  const other = named(use).replace('new CouponTakenException', 'new IllegalStateExceptio');
  assert.equal(other.length, named(use).length);
  const later = new Date(fs.statSync(file).mtimeMs + 5_000);
  fs.writeFileSync(file, other);
  fs.utimesSync(file, later, later);
  assert.deepEqual(rules(lint()), unused);
  // Another size, at the same time: linted again.
  fs.writeFileSync(file, `${named(use)}\n`);
  fs.utimesSync(file, later, later);
  assert.deepEqual(rules(lint()), conflict);
  // Run from a directory below, over `..`: a file inside it is asked for by its relative path, one outside
  // by its absolute path (as each is shown).
  const below = path.join(dir, 'src/errors');
  const shown = (run: Run) => rules(run).map((line) => line.replace(`${dir.split(path.sep).join('/')}/`, ''));
  assert.deepEqual(shown(lint(below, '../..')), conflict);
  const evenLater = new Date(later.getTime() + 5_000);
  fs.writeFileSync(file, other);
  fs.utimesSync(file, evenLater, evenLater);
  assert.deepEqual(shown(lint(below, '../..')), ['CouponTakenException.java: 424-without-dependency']);
  fs.writeFileSync(path.join(below, 'CouponTakenException.java'), named(declaration).replace('FAILED_DEPENDENCY', 'CONFLICT'));
  assert.deepEqual(shown(lint(below, '../..')), []);
});

test('--cache trusts the stored dependency keys only while no carrier fact changed, came or went', async () => {
  // A name that says nothing by itself, so that only the declaration makes the use a 424.
  const named = (text: string) => text.replaceAll('FailedDependencyException', 'CouponTakenException');
  const dir = makeTree({ 'src/errors/CouponTakenException.java': named(declaration), 'src/coupons/CouponService.java': named(use) });
  const carrier = path.join(dir, 'src/errors/CouponTakenException.java');
  const lint = (...paths: string[]) => lintHere(['lint', '--cache', '--format', 'json', ...paths], dir);
  assert.deepEqual(rules(await lint()), ['src/coupons/CouponService.java: 424-for-conflict']);
  // A change that leaves the carrier as it was (a comment at the end): the use keeps its result.
  fs.appendFileSync(carrier, '// reviewed\n');
  assert.deepEqual(rules(await lint()), ['src/coupons/CouponService.java: 424-for-conflict']);
  // The carrier becomes 409 in a run over its own folder: the use, not linted then, is judged again by the
  // next whole run, although no file changed in between.
  fs.writeFileSync(carrier, named(declaration).replace('FAILED_DEPENDENCY', 'CONFLICT'));
  await lint('src/errors');
  assert.deepEqual(rules(await lint()), []);
  // Back to 424, then the carrier's file goes: the use stands for nothing any more.
  fs.writeFileSync(carrier, named(declaration));
  assert.deepEqual(rules(await lint()), ['src/coupons/CouponService.java: 424-for-conflict']);
  fs.rmSync(carrier);
  assert.deepEqual(rules(await lint()), []);
});

test('exception types mapped by type switches in handlers that are not linted: Kotlin `when`, C# `switch`, Ruby `case`', async () => {
  const dir = makeTree({
    'handlers/ApiErrors.kt': `fun statusOf(e: Throwable): HttpStatus = when (e) {
    is CouponTakenException -> HttpStatus.FAILED_DEPENDENCY
    else -> HttpStatus.INTERNAL_SERVER_ERROR
}
`,
    'handlers/ExceptionMiddleware.cs': `public class ExceptionMiddleware
{
    private static Task Handle(HttpContext context, Exception exception)
    {
        context.Response.StatusCode = exception switch { DocumentLockedException => 424, _ => 500 };
        return Task.CompletedTask;
    }
}
`,
    'handlers/application_controller.rb': `class ApplicationController < ActionController::API
  rescue_from StandardError do |e|
    case e
    when GatewayTimedOut then head :failed_dependency
    end
  end
end
`,
    'services/CouponService.kt': `class CouponService { fun create() { throw CouponTakenException("This coupon code is already taken") } }\n`,
    'services/DocumentService.cs': `public class DocumentService { public void Edit() { throw new DocumentLockedException("The document is locked"); } }\n`,
    'services/payments.rb': `class Payments\n  def charge\n    raise GatewayTimedOut, "The payment gateway timed out"\n  end\nend\n`,
  });
  const run = await lintHere(['lint', 'services', '--format', 'json'], dir);
  assert.deepEqual(rules(run).sort(), [
    'services/CouponService.kt: 424-for-conflict',
    'services/DocumentService.cs: 424-for-lock',
    'services/payments.rb: 424-for-upstream-failure',
  ]);
  // The C# arm now maps to 409: the unchanged use depends on it and is linted again (and now clean).
  const cached = await lintHere(['lint', 'services', '--cache', '--format', 'json'], dir);
  assert.equal(rules(cached).length, 3);
  const middleware = path.join(dir, 'handlers/ExceptionMiddleware.cs');
  fs.writeFileSync(middleware, fs.readFileSync(middleware, 'utf8').replace('=> 424', '=> 409'));
  const again = await lintHere(['lint', 'services', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(again).sort(), ['services/CouponService.kt: 424-for-conflict', 'services/payments.rb: 424-for-upstream-failure']);
});

test('a run over specs alone does not read the project for carriers (only code uses them)', async () => {
  const spec = 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n';
  const dir = makeTree({
    'openapi.yaml': spec,
    'src/errors/FailedDependencyException.java': declaration,
    'src/coupons/CouponService.java': use,
  });
  await lintHere(['lint', '--cache', '--format', 'json', 'openapi.yaml'], dir);
  const cached = Object.keys(readCache(path.join(dir, '.http-status-lens-cache')).files);
  assert.ok(!cached.some((file) => file.endsWith('.java')), `no Java file read: ${cached.join(', ')}`);
  await lintHere(['lint', '--cache', '--format', 'json', 'openapi.yaml', 'src/coupons'], dir);
  const both = Object.keys(readCache(path.join(dir, '.http-status-lens-cache')).files);
  assert.ok(
    both.some((file) => file.endsWith('FailedDependencyException.java')),
    `the carrier's file is read: ${both.join(', ')}`,
  );
});

test('--cache: a config change or another tool version lints again', async () => {
  const dir = makeTree({ 'src/A.java': `class A { void f() { return ResponseEntity.status(424).body("The row is locked"); } }\n` });
  const first = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(first), ['src/A.java: 424-for-lock']);
  fs.writeFileSync(path.join(dir, '.http-status-lens.json'), JSON.stringify({ rules: { '424-for-lock': 'off' } }));
  const second = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(second), []);
  const cache = readCache(path.join(dir, '.http-status-lens-cache'));
  assert.equal(cache.header.version, '0.0.0-test');
  cache.header.version = '0.0.0-older';
  writeCache(path.join(dir, '.http-status-lens-cache'), cache);
  fs.rmSync(path.join(dir, '.http-status-lens.json'));
  const third = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(third), ['src/A.java: 424-for-lock']);
});

test('--cache-location takes a file or a directory; a damaged or foreign cache is said and rewritten', async () => {
  const dir = makeTree({ 'src/A.java': `class A { void f() { return ResponseEntity.status(424).body("The row is locked"); } }\n` });
  await lintHere(['lint', '--cache', '--cache-location', 'tmp/', '--format', 'json'], dir);
  const good = path.join(dir, 'tmp/.http-status-lens-cache');
  assert.ok(fs.existsSync(good));
  const text = fs.readFileSync(good, 'utf8');
  const cases: [string, RegExp][] = [
    ['{ not json', /the cache .*my-cache is damaged; it is rewritten/],
    // Cut: the last line, or its line break, is missing.
    [text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1), /is damaged; it is rewritten/],
    [text.slice(0, -1), /is damaged; it is rewritten/],
    // A line more than the header counts.
    [text + text.slice(text.indexOf('\n') + 1), /is damaged; it is rewritten/],
    // The format of earlier versions: one JSON document.
    [JSON.stringify({ format: 3, version: '0.0.0-test', settings: [], root: dir, files: {} }), /written in another format/],
  ];
  for (const [damaged, message] of cases) {
    fs.writeFileSync(path.join(dir, 'my-cache'), damaged);
    const run = await lintHere(['lint', '--cache', '--cache-location', 'my-cache', '--format', 'json'], dir);
    assert.match(run.stderr, message, damaged);
    assert.deepEqual(rules(run), ['src/A.java: 424-for-lock']);
    assert.equal(readCache(path.join(dir, 'my-cache')).header.format, 4);
    assert.deepEqual(Object.keys(readCache(path.join(dir, 'my-cache')).files), ['src/A.java']);
  }
});

test('--cache: entries of another shape in a cache that still parses are not used; their files are linted again', async () => {
  const dir = makeTree({
    'src/errors.ts': `export class RowLocked extends HttpException { constructor(m: string) { super(m, HttpStatus.FAILED_DEPENDENCY); } }\n`,
    'src/orders.ts': `export function lock() { throw new RowLocked('The row is locked by another editor'); }\n`,
  });
  const first = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  const expected = rules(first);
  assert.ok(expected.length > 0);
  const file = path.join(dir, '.http-status-lens-cache');
  // Each damage is done to every file's line (FIELDS: size, mtimeMs, settings, dependencies, report, facts).
  const field = (name: string, value: string) => (fields: string[]) => (fields[FIELDS.indexOf(name)] = value);
  const damaged = [
    field('facts', JSON.stringify({ family: 'typescript', uses: 5, carriers: ['x'] })),
    field('facts', JSON.stringify({ family: 'typescript', subclasses: [{}], uses: [[1, 'a']] })),
    field('facts', '{ not json'),
    (fields: string[]) => ((fields[2] = '0'), (fields[4] = JSON.stringify({ findings: 'bad' }))),
    (fields: string[]) => ((fields[2] = '0'), (fields[4] = JSON.stringify({ findings: [{ ruleId: 7 }], fingerprints: ['x'] }))),
    field('settings', '42'),
    field('settings', 'x'),
    field('size', 'big'),
    field('dependencies', '"not a JSON string'),
    (fields: string[]) => fields.pop(),
    (fields: string[]) => fields.push('more'),
  ];
  for (const damage of damaged) {
    const cache = readCache(file);
    for (const fields of Object.values(cache.files)) damage(fields);
    // Written by hand: readCache would refuse a line of another shape.
    const write = () =>
      fs.writeFileSync(
        file,
        [JSON.stringify(cache.header), ...Object.entries(cache.files).map(([name, fields]) => [name, ...fields].join('\t')), ''].join('\n'),
      );
    write();
    const run = await lintHere(['lint', '--cache', '--format', 'json'], dir);
    assert.equal(run.stderr, '', damage.toString());
    assert.deepEqual(rules(run), expected, damage.toString());
    // With the use changed too, the model is built from the damaged copies: their files are read instead.
    write();
    fs.appendFileSync(path.join(dir, 'src/orders.ts'), '// changed\n');
    const changed = await lintHere(['lint', '--cache', '--format', 'json'], dir);
    assert.equal(changed.stderr, '', damage.toString());
    assert.deepEqual(rules(changed), expected, damage.toString());
  }
});

test('--cache: names and dependency keys with a tab or line break, or a leading quote, are kept', async () => {
  const dir = makeTree({
    'src/errors.ts': `export class RowLocked extends HttpException { constructor(m: string) { super(m, HttpStatus.FAILED_DEPENDENCY); } }\n`,
    'src/"odd\tname\n.ts': `export function lock() { throw new RowLocked('The row is locked by another editor'); }\n`,
  });
  const first = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(first), ['src/"odd\tname\n.ts: 424-for-lock']);
  const text = fs.readFileSync(path.join(dir, '.http-status-lens-cache'), 'utf8');
  assert.equal(text.split('\n').length, 4, 'a header, two file lines and the last line break');
  assert.ok(text.includes(JSON.stringify('src/"odd\tname\n.ts') + '\t'), text);
  const second = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(second), rules(first));
  assert.equal(fs.readFileSync(path.join(dir, '.http-status-lens-cache'), 'utf8'), text);
  // The entry is found by its name read back: a stored report emptied by hand is what the next run gives.
  const fields = text
    .split('\n')
    .find((line) => line.startsWith('"'))!
    .split('\t');
  assert.notEqual(fields[5], '', 'a report is stored');
  fs.writeFileSync(
    path.join(dir, '.http-status-lens-cache'),
    text.replace(fields.join('\t'), [...fields.slice(0, 5), '', fields[6]].join('\t')),
  );
  const third = await lintHere(['lint', '--cache', '--format', 'json'], dir);
  assert.deepEqual(rules(third), []);
});

test('--shard i/n: every file in exactly one shard, the same on every run', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++)
    files[`src/F${i}.java`] = `class F${i} { void f() { return ResponseEntity.status(424).body("The row is locked"); } }\n`;
  const dir = makeTree(files);
  const seen: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const run = await lintHere(['lint', '--shard', `${i}/3`, '--format', 'json'], dir);
    assert.equal(run.code, 0);
    const shard = rules(run).map((r) => r.split(':')[0]);
    assert.ok(shard.length > 0 && shard.length < 12, `shard ${i} has ${shard.length} files`);
    const again = await lintHere(['lint', '--shard', `${i}/3`, '--format', 'json'], dir);
    assert.deepEqual(
      rules(again).map((r) => r.split(':')[0]),
      shard,
    );
    seen.push(...shard);
  }
  assert.deepEqual(seen.sort(), Object.keys(files).sort());
  const wrong = await lintHere(['lint', '--shard', '0/3'], dir);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--shard needs I\/N/);
});

test('parseArgs reads --cache, --cache-location and --shard', () => {
  const parsed = parseArgs(['lint', '--cache', '--cache-location=.cache/', '--shard', '2/4', 'src']);
  assert.equal(parsed.command, 'lint');
  if (parsed.command !== 'lint') return;
  assert.equal(parsed.options.cache, true);
  assert.equal(parsed.options.cacheLocation, '.cache/');
  assert.deepEqual(parsed.options.shard, { index: 2, count: 4 });
  assert.throws(() => parseArgs(['lint', '--shard', '3']), /--shard needs I\/N/);
});

test('worker threads judge uses by the same carriers (the model travels as plain data)', async () => {
  const dir = makeTree({ 'src/errors/FailedDependencyException.java': declaration, 'src/coupons/CouponService.java': use });
  const run = await lintHere(['lint', '--concurrency', '2', '--format', 'json'], dir);
  assert.deepEqual(rules(run), ['src/coupons/CouponService.java: 424-for-conflict']);
});

test('files read as they are linted: a use of a carrier declared in a later file is linted again with it; the rest keep their first findings', async () => {
  const files: Record<string, string> = {
    // Sorted before the declaration: its first lint has no carrier to go by.
    'src/a/CouponService.java': use,
    'src/a/Locks.java': `class Locks { ResponseEntity<?> f() { return ResponseEntity.status(424).body("The row is locked"); } }\n`,
    'src/z/FailedDependencyException.java': declaration,
  };
  // Enough files for the workers to share them.
  for (let i = 0; i < 40; i++) files[`src/m/Plain${i}.java`] = `class Plain${i} { int f() { return ${i}; } }\n`;
  const dir = makeTree(files);
  const expected = ['src/a/CouponService.java: 424-for-conflict', 'src/a/Locks.java: 424-for-lock'];
  for (const concurrency of ['off', '2']) {
    const run = await lintHere(['lint', '--concurrency', concurrency, '--format', 'json'], dir);
    assert.deepEqual(rules(run), expected, `--concurrency ${concurrency}`);
    const cached = await lintHere(['lint', '--concurrency', concurrency, '--cache', '--format', 'json'], dir);
    assert.deepEqual(rules(cached), expected, `--concurrency ${concurrency} --cache`);
    fs.rmSync(path.join(dir, '.http-status-lens-cache'));
  }
});

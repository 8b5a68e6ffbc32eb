// .http-status-lens.json: validation with positions, the cascade, precedence in the CLI (defaults < config
// files, outermost first < --rule; --config, --no-config) and in the server (defaults < VS Code settings <
// config files), bad config, and the shipped JSON schema agreeing with the validator.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import Ajv from 'ajv';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ConfigCascade, parseConfig, positionAt } from '../../../server/src/config';
import { untrustedBecause } from '../../../server/src/config/cascade';
import { DiskConfigSource } from '../../../server/src/editorSettings/diskConfig';
import { SettingsStore } from '../../../server/src/editorSettings/store';
import * as knowledge from '../../../server/src/knowledge';
import { ruleIds } from '../../../server/src/service/rules';
import { severities } from '../../../server/src/service/rules/presets';
import { filesOf, lintHere, makeTree, removeTrees, root } from './helpers';

after(removeTrees);

const LOCK = "import express from 'express';\napp.put('/x', (req, res) => res.status(424).json({ error: 'The order is locked' }));\n";
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/http-status-lens.schema.json'), 'utf8'));

/** The text each problem of a config points at. */
function problemsOf(text: string): { message: string; at: string; fatal: boolean }[] {
  return parseConfig(text, '/x/.http-status-lens.json').problems.map((p) => ({
    message: p.message,
    at: text.slice(p.offset, p.offset + p.length),
    fatal: p.fatal,
  }));
}

describe('reading a config file', () => {
  test('a valid file: every key, comments and trailing commas tolerated', () => {
    const config = parseConfig(
      '{\n  // shared with CI\n  "$schema": "x", "root": true,\n  "rules": { "424-for-lock": "error" },\n  "languages": ["yaml"], "dependencyWords": ["saga"], "ignore": ["gen/"],\n}',
      '/p/.http-status-lens.json',
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(
      [config.root, config.settings, config.ignore, config.directory],
      [true, { rules: { '424-for-lock': 'error' }, languages: ['yaml'], dependencyWords: ['saga'] }, ['gen/'], '/p'],
    );
  });

  test('each invalid value is a problem at its own text; the rest still applies', () => {
    const text =
      '{\n  "rules": { "424-for-lok": "off", "424-for-lock": "loud", "424-for-conflict": "error" },\n  "languages": ["yaml", "cobol"],\n  "ignore": "gen/",\n  "rule": {}\n}';
    assert.deepEqual(
      problemsOf(text).map((p) => p.at),
      ['"rule"', '"424-for-lok"', '"loud"', '"cobol"', '"gen/"'],
    );
    const messages = problemsOf(text).map((p) => p.message);
    assert.equal(messages[0], 'ignoring unknown setting "rule" (did you mean "rules"?)');
    assert.equal(messages[1], 'ignoring "424-for-lok" in "rules" (not a rule id; did you mean "424-for-lock"?)');
    assert.equal(
      messages[2],
      'ignoring "rules.424-for-lock": "loud" is not a severity (off, hint, info, warning, error); the rule keeps its severity ("warning" by default)',
    );
    assert.match(messages[3], /^ignoring "cobol" in "languages" \(not a supported language id; supported: typescript, /);
    const config = parseConfig(text, '/x/.http-status-lens.json');
    assert.deepEqual(config.settings, { rules: { '424-for-conflict': 'error' }, languages: ['yaml'] });
    const { line, character } = positionAt(text, config.problems[2].offset);
    assert.deepEqual([line, character], [1, 51]);
  });

  test('a mistyped id is ignored, with the id it resembles; the rest of that setting applies', () => {
    const typo = parseConfig('{ "languages": ["typescrpt", "python"], "rules": { "424-for-lock": "warn" } }', '/x/.http-status-lens.json');
    assert.deepEqual(
      typo.problems.map((p) => p.message),
      [
        'ignoring "rules.424-for-lock": "warn" is not a severity (off, hint, info, warning, error; did you mean "warning"?); the rule keeps its severity ("warning" by default)',
        'ignoring "typescrpt" in "languages" (not a supported language id; did you mean "typescript"?)',
      ],
    );
    assert.deepEqual(typo.settings, { rules: {}, languages: ['python'] });
  });

  test('a "languages" list of nothing but unknown ids is left out, not read as "analyse nothing"', () => {
    const config = parseConfig('{ "languages": ["typescrpt"] }', '/x/.http-status-lens.json');
    assert.deepEqual(
      config.problems.map((p) => p.message),
      [
        'ignoring "typescrpt" in "languages" (not a supported language id; did you mean "typescript"?); no supported id is left, so "languages" is ignored and every language stays analysed',
      ],
    );
    assert.equal(config.settings.languages, undefined, 'the setting is left out: the value below it applies');
    assert.deepEqual(parseConfig('{ "languages": [] }', '/x/c.json').settings.languages, [], 'an empty list is meant: nothing analysed');
  });

  test('a file that is not JSON, or not an object, counts as empty', () => {
    const broken = problemsOf('{ "rules": { "424-for-lock": "off" ');
    assert.ok(broken.length > 0 && broken.every((p) => p.fatal && /not valid JSON/.test(p.message)));
    assert.deepEqual(parseConfig('{ "rules": { "424-for-lock": "off" ', '/x/c.json').settings, {});
    assert.match(problemsOf('[1, 2]')[0].message, /expected an object, got an array/);
    assert.match(problemsOf('')[0].message, /not valid JSON|empty/);
  });
});

describe('the cascade', () => {
  test('outermost first, nearest last; "root": true and the repository root stop the search', () => {
    const dir = makeTree({
      '.http-status-lens.json': '{"rules": {"424-for-lock": "error"}}',
      'a/.http-status-lens.json': '{"rules": {"424-for-lock": "off"}}',
      'a/b/c/.keep': '',
      'r/.http-status-lens.json': '{"root": true}',
    });
    const cascade = new ConfigCascade();
    assert.deepEqual(
      cascade.chainFor(path.join(dir, 'a/b/c')).map((f) => path.relative(dir, f.path)),
      ['.http-status-lens.json', 'a/.http-status-lens.json'],
    );
    assert.deepEqual(
      cascade.chainFor(path.join(dir, 'r')).map((f) => path.relative(dir, f.path)),
      ['r/.http-status-lens.json'],
    );
    assert.equal(cascade.chainFor(path.join(dir, 'a/b')), cascade.chainFor(path.join(dir, 'a/b/c')), 'chains are shared, not rebuilt');
  });
});

describe('configs from outside the project (issue 20, item 3)', () => {
  const isRoot = process.getuid?.() === 0;
  const problems = async (dir: string) => {
    const run = await lintHere(['lint', '-f', 'json', '--no-error-on-unmatched-pattern', '.'], dir);
    return { found: (JSON.parse(run.stdout) as unknown[]).length, stderr: run.stderr };
  };

  test('without a repository the cascade stops at the working directory', async () => {
    const dir = makeTree({ '.http-status-lens.json': '{"ignore": ["**"]}', 'proj/a.ts': LOCK }, { git: false });
    assert.equal((await problems(path.join(dir, 'proj'))).found, 1, 'the config above the working directory is not read');
    assert.equal((await problems(dir)).found, 0, 'the one in the working directory is');
    // A path given outside the working directory is its own boundary.
    const run = await lintHere(['lint', '-f', 'json', path.join(dir, 'proj')], makeTree({}, { git: false }));
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
  });

  test('inside a repository it still reaches the repository root from a subdirectory', async () => {
    const dir = makeTree({ '.http-status-lens.json': '{"ignore": ["**"]}', 'proj/a.ts': LOCK });
    assert.equal((await problems(path.join(dir, 'proj'))).found, 0);
  });

  test('a config in a directory writable by others is judged by who owns it', () => {
    const dirStat = (mode: number, uid: number) => ({ mode: 0o40000 | mode, uid });
    const at = '/tmp';
    assert.match(
      untrustedBecause(dirStat(0o1777, 0), { mode: 0o644, uid: 1000 }, at, 1000)!,
      /writable by others and the directory is not yours/,
    );
    assert.match(untrustedBecause(dirStat(0o1777, 0), { mode: 0o644, uid: 1000 }, at, 0)!, /the file is not yours/, 'root too');
    assert.equal(untrustedBecause(dirStat(0o1777, 1000), { mode: 0o644, uid: 1000 }, at, 1000), undefined);
    assert.equal(untrustedBecause(dirStat(0o755, 0), { mode: 0o644, uid: 0 }, at, 1000), undefined, 'a root-owned project is fine');
    assert.match(untrustedBecause(dirStat(0o755, 1000), { mode: 0o666, uid: 0 }, at, 1000)!, /it is writable by others/);
    assert.equal(untrustedBecause(dirStat(0o1777, 0), { mode: 0o644, uid: 5 }, at, undefined), undefined, 'no uids (Windows)');
  });

  test(
    'a config another user left in a world-writable directory is skipped with a warning',
    { skip: !isRoot && 'needs root to chown' },
    async () => {
      const dir = makeTree({ '.http-status-lens.json': '{"ignore": ["**"]}', 'a.ts': LOCK }, { git: false });
      fs.chmodSync(dir, 0o1777);
      fs.chownSync(dir, 65534, 65534);
      fs.chownSync(path.join(dir, '.http-status-lens.json'), 65534, 65534);
      const { found, stderr } = await problems(dir);
      assert.equal(found, 1);
      assert.match(stderr, /\.http-status-lens\.json is not used: its directory .* is writable by others and the directory is not yours/);
    },
  );
});

describe('precedence in the CLI', () => {
  const tree = () =>
    makeTree({
      '.http-status-lens.json': '{"rules": {"424-for-lock": "error"}}',
      'a.ts': LOCK,
      'legacy/.http-status-lens.json': '{"rules": {"424-for-lock": "off"}}',
      'legacy/b.ts': LOCK,
      'other.json': '{"root": true, "rules": {"424-for-lock": "info"}}',
    });
  const severities = async (args: string[], dir: string) =>
    (JSON.parse((await lintHere(['lint', '-f', 'json', ...args], dir)).stdout) as { file: string; severity: string }[]).map(
      (f) => `${f.file} ${f.severity}`,
    );

  test('defaults < outer config < nearer config < --rule', async () => {
    const dir = tree();
    assert.deepEqual(await severities([], dir), ['a.ts error']);
    assert.deepEqual(await severities(['--rule', '424-for-lock=hint'], dir), ['a.ts hint', 'legacy/b.ts hint']);
  });

  test('--config FILE replaces the cascade; --no-config uses the defaults', async () => {
    const dir = tree();
    assert.deepEqual(await severities(['--config', 'other.json'], dir), ['a.ts info', 'legacy/b.ts info']);
    assert.deepEqual(await severities(['--no-config'], dir), ['a.ts warning', 'legacy/b.ts warning']);
  });

  test('an invalid config: each problem on stderr with its position, the defaults for it, exit 2', async () => {
    const dir = makeTree({
      '.http-status-lens.json': '{\n  "rules": {"424-for-lock": "loud"},\n  "ignore": ["gen/"]\n}',
      'a.ts': LOCK,
      'gen/x.ts': LOCK,
    });
    const run = await lintHere(['lint', '-f', 'json'], dir);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /\.http-status-lens\.json:2:29: ignoring "rules\.424-for-lock": "loud" is not a severity .*; the rule keeps its severity \("warning" by default\)\n/,
    );
    assert.doesNotMatch(run.stderr, /the default applies/, 'each message says what happens itself');
    assert.deepEqual(filesOf(run), ['a.ts'], 'the valid part (ignore) still applies; findings are still reported');
    const broken = makeTree({ '.http-status-lens.json': '{"rules": ', 'a.ts': LOCK });
    const brokenRun = await lintHere(['lint'], broken);
    assert.equal(brokenRun.code, 2);
    assert.match(brokenRun.stderr, /not valid JSON/);
  });

  test('a --config file that does not exist, or --config with --no-config, is a usage error', async () => {
    const dir = tree();
    const missing = await lintHere(['lint', '--config', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the config file nope\.json/);
    assert.equal((await lintHere(['lint', '--config', 'other.json', '--no-config'], dir)).code, 2);
  });
});

describe('precedence in the server', () => {
  /** A SettingsStore over a fake connection that records what it would send. */
  function store(editorSettings: unknown, folders: string[]) {
    const published: PublishDiagnosticsParams[] = [];
    const messages: string[] = [];
    let watched: ((params: { changes: { uri: string; type: number }[] }) => void) | undefined;
    const connection = {
      client: { register: async () => ({}) },
      workspace: {
        getConfiguration: async () => editorSettings,
        getWorkspaceFolders: async () => folders.map((f) => ({ uri: pathToFileURL(f).href, name: 'w' })),
      },
      sendNotification: async (_type: unknown, p: { message: string }) => void messages.push(p.message),
      sendDiagnostics: async (p: PublishDiagnosticsParams) => void published.push(p),
      onDidChangeWatchedFiles: (handler: typeof watched) => (watched = handler),
    } as unknown as Connection;
    const settings = new SettingsStore(connection, new DiskConfigSource());
    settings.initialize({
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    });
    settings.register();
    return { settings, published, messages, fileChanged: (uri: string) => watched!({ changes: [{ uri, type: 2 }] }) };
  }

  test('defaults < VS Code settings < config files; dependency words from both', async () => {
    const dir = makeTree({
      '.http-status-lens.json': '{"rules": {"424-for-lock": "off"}, "dependencyWords": ["fan-out"]}',
      'src/a.ts': LOCK,
    });
    const { settings } = store({ rules: { '424-for-lock': 'error', '424-for-conflict': 'error' }, dependencyWords: ['saga'] }, [dir]);
    const resolved = await settings.get(pathToFileURL(path.join(dir, 'src/a.ts')).href);
    assert.equal(resolved.rules['424-for-lock'], 'off', 'the config file wins over VS Code');
    assert.equal(resolved.rules['424-for-conflict'], 'error', 'VS Code settings apply where the file says nothing');
    assert.deepEqual(resolved.dependencyWords, ['saga', 'fan-out']);
  });

  test('an invalid config is a diagnostic on the config file and the defaults apply; fixing it clears it', async () => {
    const dir = makeTree({ '.http-status-lens.json': '{\n  "rules": {"424-for-lock": "loud"}\n}', 'a.ts': LOCK });
    const { settings, published, messages, fileChanged } = store({}, [dir]);
    const configUri = pathToFileURL(path.join(dir, '.http-status-lens.json')).href;
    const resolved = await settings.get(pathToFileURL(path.join(dir, 'a.ts')).href);
    assert.equal(resolved.rules['424-for-lock'], 'warning');
    const [diagnostics] = published;
    assert.equal(diagnostics.uri, configUri);
    assert.deepEqual(
      diagnostics.diagnostics.map((d) => [d.range.start, d.code, d.source]),
      [[{ line: 1, character: 28 }, 'invalid-config', 'http-status-lens']],
    );
    assert.equal(messages.length, 1);
    fs.writeFileSync(path.join(dir, '.http-status-lens.json'), '{"rules": {"424-for-lock": "error"}}');
    let changed = false;
    settings.onDidChange(() => (changed = true));
    fileChanged(configUri);
    assert.ok(changed);
    assert.equal((await settings.get(pathToFileURL(path.join(dir, 'a.ts')).href)).rules['424-for-lock'], 'error');
    assert.deepEqual(published.at(-1), { uri: configUri, diagnostics: [] });
  });

  test('files ignored by the config get no language; nothing outside the workspace folder is read', async () => {
    const dir = makeTree({
      '.http-status-lens.json': '{"ignore": ["gen/"], "rules": {"424-for-lock": "off"}}',
      'gen/a.ts': LOCK,
      'ws/b.ts': LOCK,
    });
    const { settings } = store({}, [path.join(dir, 'ws')]);
    assert.deepEqual(
      (await settings.get(pathToFileURL(path.join(dir, 'ws/b.ts')).href)).rules['424-for-lock'],
      'warning',
      'the config above the folder is not read',
    );
    const whole = store({}, [dir]).settings;
    assert.deepEqual((await whole.get(pathToFileURL(path.join(dir, 'gen/a.ts')).href)).languages, []);
    assert.ok((await whole.get(pathToFileURL(path.join(dir, 'ws/b.ts')).href)).languages.includes('typescript'));
  });
});

describe('untrusted configs in the editor', () => {
  test(
    'a config another user left in a world-writable folder is not used, and the user is told',
    { skip: process.getuid?.() !== 0 && 'needs root to chown' },
    async () => {
      const dir = makeTree({ '.http-status-lens.json': '{"rules": {"424-for-lock": "off"}}', 'a.ts': LOCK }, { git: false });
      fs.chmodSync(dir, 0o1777);
      fs.chownSync(path.join(dir, '.http-status-lens.json'), 65534, 65534);
      const messages: string[] = [];
      const connection = {
        client: { register: async () => ({}) },
        workspace: { getConfiguration: async () => ({}), getWorkspaceFolders: async () => [{ uri: pathToFileURL(dir).href, name: 'w' }] },
        sendNotification: async (_type: unknown, p: { message: string }) => void messages.push(p.message),
        sendDiagnostics: async () => undefined,
        onDidChangeWatchedFiles: () => undefined,
      } as unknown as Connection;
      const settings = new SettingsStore(connection, new DiskConfigSource());
      settings.initialize({ workspace: { configuration: true, workspaceFolders: true } });
      assert.equal((await settings.get(pathToFileURL(path.join(dir, 'a.ts')).href)).rules['424-for-lock'], 'warning');
      assert.ok(
        messages.some((m) => /does not use .*writable by others and the file is not yours/.test(m)),
        messages.join('\n'),
      );
    },
  );
});

describe('the JSON schema (schemas/http-status-lens.schema.json)', () => {
  test('names every rule, severity and language the validator knows', () => {
    assert.deepEqual(
      Object.keys(schema.properties.rules.properties).sort(),
      [...ruleIds].sort(),
      'rules: update the schema when a rule is added',
    );
    assert.deepEqual(schema.definitions.severity.enum, [...severities]);
    assert.deepEqual(
      [...schema.properties.languages.items.enum].sort(),
      knowledge.languageIds().sort(),
      'languages: update the schema when a language is added to data/languages.json',
    );
  });

  test('accepts what the validator accepts and rejects what it reports', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const samples = [
      '{}',
      '{"root": true, "rules": {"424-for-lock": "error"}, "languages": ["yaml", "typescript"], "dependencyWords": ["saga"], "ignore": ["gen/"]}',
      '{"rules": {"424-for-lok": "off"}}',
      '{"rules": {"424-for-lock": "loud"}}',
      '{"languages": ["cobol"]}',
      '{"ignore": "gen/"}',
      '{"ignore": [""]}',
      '{"root": "yes"}',
      '{"rule": {}}',
      '[]',
      '{"rules": {"status-not-in-spec": ["error", {"defaultCovers": "errors"}], "spec-status-never-returned": ["info", {"exempt": [404]}]}}',
      '{"rules": {"spec-status-never-returned": ["info"]}}',
      '{"rules": {"status-not-in-spec": ["warning", {"defaultCovers": "some"}]}}',
      '{"rules": {"status-not-in-spec": ["warning", {"defaultCover": "all"}]}}',
      '{"rules": {"spec-status-never-returned": ["info", {"exempt": [999]}]}}',
      '{"rules": {"spec-status-never-returned": ["info", {}, 1]}}',
      '{"specs": [{"spec": "services/orders/openapi.yaml", "handlers": ["services/orders/**"]}]}',
      '{"specs": [{"spec": "a.yaml"}]}',
      '{"specs": [{"spec": "a.yaml", "handlers": []}]}',
      '{"specs": [{"spec": "a.yaml", "handlers": ["a/**"], "handler": []}]}',
      '{"specs": "a.yaml"}',
      '{"rules": {"424-for-lock": ["error"]}}',
      '{"rules": {"424-for-lock": ["error", {}]}}',
    ];
    for (const sample of samples) {
      const byValidator = parseConfig(sample, '/x/.http-status-lens.json').problems.length === 0;
      assert.equal(validate(JSON.parse(sample)), byValidator, sample);
    }
  });

  test('VS Code reads a copy that completes but never reports: each mistake shows once in Problems, from the server', async () => {
    const { editorSchema } = await import('../../../scripts/editor-schema.mjs');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.http-status-lens.json', url: './dist/config.schema.json' }]);
    const built = JSON.parse(fs.readFileSync(path.join(root, 'dist/config.schema.json'), 'utf8'));
    assert.deepEqual(editorSchema(schema), built, 'dist/config.schema.json is built from the published schema');
    const constraints = new Set(['type', 'enum', 'additionalProperties', 'propertyNames', 'uniqueItems', 'minLength', 'pattern']);
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        assert.ok(
          !constraints.has(key) || where.endsWith('.examples') || where.endsWith('.default'),
          `${where}.${key} would be reported by VS Code`,
        );
        if (key !== 'examples' && key !== 'default') visit(value, `${where}.${key}`);
      }
    };
    visit(built, '$');
    assert.deepEqual(built.definitions.severity.examples, [...severities], 'the severities are still completed');
    assert.deepEqual(built.properties.languages.items.examples, schema.properties.languages.items.enum, 'and the language ids');
    assert.deepEqual(Object.keys(built.properties.rules.properties), Object.keys(schema.properties.rules.properties), 'and the rule ids');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(built);
    for (const sample of ['{"rules": {"424-for-lok": "off"}}', '{"languages": ["typescrpt"]}', '{"root": "yes"}', '{"rule": {}}'])
      assert.equal(validate(JSON.parse(sample)), true, `${sample}: only the server reports it`);
  });
});

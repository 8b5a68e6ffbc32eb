/**
 * The project rules' config (issue 17): `specs` pins specs to their handlers in a monorepo, the options of
 * status-not-in-spec (`defaultCovers`) and spec-status-never-returned (`exempt`), ESLint's
 * `"rule": ["severity", { options }]` form. Read with a problem for each bad value, and honoured the same
 * way by the CLI and by the editor's join over the open documents.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChain, parseConfig } from '../../../server/src/config';
import { OpenProject } from '../../../server/src/handlers/project';
import * as knowledge from '../../../server/src/knowledge';
import { defaultSettings, getLanguageService } from '../../../server/src/service';
import { lintHere, makeTree, removeTrees } from './helpers';

after(removeTrees);

/** The text each problem of a config points at. */
function problemsOf(text: string): { message: string; at: string }[] {
  return parseConfig(text, '/x/.http-status-lens.json').problems.map((p) => ({
    message: p.message,
    at: text.slice(p.offset, p.offset + p.length),
  }));
}

const spec = (extra = '') => `openapi: 3.0.0
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: OK
${extra}`;
const handler =
  "router.get('/orders/:id', (req, res) => {\n  if (!req.user) return res.status(401).end();\n  res.status(410).end();\n});\n";

describe('reading the project rules config', () => {
  test('rule options in ESLint form, and specs with paths relative to the file', () => {
    const config = parseConfig(
      JSON.stringify({
        rules: {
          'status-not-in-spec': ['error', { defaultCovers: 'errors' }],
          'spec-status-never-returned': ['info', { exempt: [404, 500] }],
        },
        specs: [{ spec: 'services/orders/openapi.yaml', handlers: ['services/orders/**'] }],
      }),
      '/repo/.http-status-lens.json',
    );
    assert.deepEqual(config.problems, []);
    const settings = applyChain(defaultSettings(), [config]);
    assert.equal(settings.rules['status-not-in-spec'], 'error');
    assert.deepEqual(settings.ruleOptions['status-not-in-spec'], { defaultCovers: 'errors' });
    assert.deepEqual(settings.ruleOptions['spec-status-never-returned'], { exempt: [404, 500] });
    assert.deepEqual(settings.specs, [{ base: '/repo', spec: ['services/orders/openapi.yaml'], handlers: ['services/orders/**'] }]);
  });

  test('the defaults: default covers every code; the exempt codes are the framework codes of the knowledge', () => {
    const settings = defaultSettings();
    assert.deepEqual(settings.ruleOptions['status-not-in-spec'], { defaultCovers: 'all' });
    assert.deepEqual(settings.ruleOptions['spec-status-never-returned'].exempt, [400, 401, 403, 404, 405, 406, 415, 422, 429, 500, 503]);
    assert.deepEqual(new Set(settings.ruleOptions['spec-status-never-returned'].exempt), knowledge.frameworkCodes);
    assert.deepEqual(settings.specs, []);
  });

  test('each bad value is a problem at its text that says what happens; the rest applies', () => {
    const text = `{
  "rules": {
    "status-not-in-spec": ["warning", { "defaultCover": "all", "defaultCovers": "some" }],
    "spec-status-never-returned": ["info", { "exempt": [404, "500", 999] }],
    "424-for-lock": ["error", { "x": 1 }],
    "424-for-conflict": ["error", "loud", 3],
    "unregistered-status-code": ["loud"]
  },
  "specs": [
    "openapi.yaml",
    { "spec": "a/openapi.yaml" },
    { "spec": "b/openapi.yaml", "handlers": [""], "handler": [] },
    { "handlers": ["c/**"] },
    { "spec": "d/openapi.yaml", "handlers": ["d/**", 3] }
  ]
}`;
    const problems = problemsOf(text);
    const find = (pattern: RegExp) => problems.find((p) => pattern.test(p.message));
    assert.deepEqual(find(/"defaultCover" in the options/), {
      message:
        'ignoring "defaultCover" in the options of "rules.status-not-in-spec" (not an option of the rule; did you mean "defaultCovers"?)',
      at: '"defaultCover"',
    });
    assert.equal(find(/"some" is not one of all, errors, none/)?.at, '"some"');
    assert.match(find(/"some"/)!.message, /a `default` response keeps covering every code/);
    assert.equal(find(/ignoring "500" in "exempt"/)?.at, '"500"');
    assert.equal(find(/ignoring 999 in "exempt"/)?.at, '999');
    assert.deepEqual(find(/options of "rules.424-for-lock"/), {
      message: 'ignoring the options of "rules.424-for-lock": the rule takes no options',
      at: '{ "x": 1 }',
    });
    assert.match(
      find(/rules.424-for-conflict": expected a severity or \[severity, options\], got an array of 3/)!.message,
      /keeps its severity/,
    );
    assert.equal(find(/"loud" is not a severity/)?.at, '"loud"');
    assert.equal(find(/ignoring this "specs" entry: expected \{/)?.at, '"openapi.yaml"');
    assert.match(
      find(/"handlers" must be a non-empty array .* got nothing; a\/openapi.yaml joins with any handler/)!.message,
      /a\/openapi/,
    );
    assert.equal(find(/"handler" in a "specs" entry/)?.message, 'ignoring "handler" in a "specs" entry (did you mean "handlers"?)');
    assert.equal(find(/ignoring this "handlers" pattern/)?.at, '""');
    assert.match(find(/"spec" must be the spec's path .* got nothing; its handlers join with any spec/)!.message, /spec/);
    const settings = applyChain(defaultSettings(), [parseConfig(text, '/x/.http-status-lens.json')]);
    // What was valid still applies.
    assert.deepEqual(settings.ruleOptions['spec-status-never-returned'].exempt, [404]);
    assert.deepEqual(settings.ruleOptions['status-not-in-spec'].defaultCovers, 'all');
    assert.equal(settings.rules['424-for-lock'], 'error');
    assert.equal(settings.rules['424-for-conflict'], 'warning');
    assert.deepEqual(
      settings.specs.map((p) => [p.spec[0], p.handlers]),
      [['d/openapi.yaml', ['d/**']]],
      'an entry is used only with a spec and a handler pattern',
    );
  });

  test('config files further down add pins and replace options', () => {
    const outer = parseConfig(
      '{"specs": [{"spec": "a.yaml", "handlers": ["a/**"]}], "rules": {"spec-status-never-returned": ["info", {"exempt": [404]}]}}',
      '/r/.http-status-lens.json',
    );
    const inner = parseConfig(
      '{"specs": [{"spec": "b.yaml", "handlers": ["**"]}], "rules": {"spec-status-never-returned": ["info", {"exempt": [500]}]}}',
      '/r/b/.http-status-lens.json',
    );
    const settings = applyChain(defaultSettings(), [outer, inner]);
    assert.deepEqual(
      settings.specs.map((p) => `${p.base}:${p.spec[0]}`),
      ['/r:a.yaml', '/r/b:b.yaml'],
    );
    assert.deepEqual(settings.ruleOptions['spec-status-never-returned'].exempt, [500], 'a list replaces the one above it, as in ESLint');
  });
});

/** Two services with the same path in a monorepo, each spec pinned to its handlers. */
const monorepo = {
  '.http-status-lens.json': JSON.stringify({
    specs: [
      { spec: 'services/orders/openapi.yaml', handlers: ['services/orders/**'] },
      { spec: 'services/returns/openapi.yaml', handlers: ['services/returns/**'] },
    ],
  }),
  'services/orders/openapi.yaml': spec("        '410':\n          description: Gone\n"),
  'services/orders/src/routes.js': handler,
  'services/returns/openapi.yaml': spec("        '401':\n          description: Unauthorized\n"),
  'services/returns/src/routes.js': handler,
};

describe('the CLI honours the project config', () => {
  const findings = async (dir: string) =>
    (
      JSON.parse((await lintHere(['lint', '-f', 'json', '.'], dir)).stdout) as {
        file: string;
        line: number;
        ruleId: string;
        message: string;
      }[]
    )
      .filter((f) => f.ruleId === 'status-not-in-spec' || f.ruleId === 'spec-status-never-returned')
      .map((f) => `${f.file}:${f.line} ${f.ruleId}`);

  test('specs: each service joins its own spec; without the pins two specs declare the path and nothing is checked', async () => {
    assert.deepEqual(await findings(makeTree(monorepo)), [
      'services/orders/src/routes.js:2 status-not-in-spec',
      'services/returns/src/routes.js:3 status-not-in-spec',
    ]);
    assert.deepEqual(await findings(makeTree({ ...monorepo, '.http-status-lens.json': '{}' })), []);
  });

  test('a pinned spec answers only for its handlers; a handler no pin names joins the unpinned specs', async () => {
    const dir = makeTree({
      '.http-status-lens.json': JSON.stringify({ specs: [{ spec: 'orders/openapi.yaml', handlers: ['orders/**'] }] }),
      'orders/openapi.yaml': spec("        '401':\n          description: Unauthorized\n        '410':\n          description: Gone\n"),
      'legacy/routes.js': handler,
    });
    assert.deepEqual(await findings(dir), [], 'legacy/ is not pinned, and the only spec is pinned to orders/');
  });

  test('defaultCovers: "errors" makes a default response cover 4xx and 5xx only; "none" nothing', async () => {
    const files = (covers: string) => ({
      '.http-status-lens.json': JSON.stringify({ rules: { 'status-not-in-spec': ['warning', { defaultCovers: covers }] } }),
      'openapi.yaml': spec('        default:\n          description: An error\n').replace("'200'", "'204'"),
      'routes.js': handler.replace('res.status(410).end();', 'if (req.query.new) return res.status(201).end();\n  res.status(410).end();'),
    });
    assert.deepEqual(await findings(makeTree(files('all'))), []);
    assert.deepEqual(await findings(makeTree(files('errors'))), ['routes.js:3 status-not-in-spec']);
    assert.deepEqual(await findings(makeTree(files('none'))), [
      'routes.js:2 status-not-in-spec',
      'routes.js:3 status-not-in-spec',
      'routes.js:4 status-not-in-spec',
    ]);
  });

  test('exempt: the codes spec-status-never-returned leaves alone', async () => {
    const files = (exempt?: number[]) => ({
      '.http-status-lens.json': JSON.stringify({ rules: { 'spec-status-never-returned': exempt ? ['info', { exempt }] : 'info' } }),
      'openapi.yaml': spec("        '404':\n          description: Not found\n        '409':\n          description: Conflict\n"),
      'routes.js': "router.get('/orders/:id', (req, res) => {\n  res.status(200).end();\n});\n",
    });
    assert.deepEqual(await findings(makeTree(files())), ['openapi.yaml:10 spec-status-never-returned'], '404 exempt by default');
    assert.deepEqual(await findings(makeTree(files([409]))), ['openapi.yaml:8 spec-status-never-returned']);
  });
});

describe('the editor honours the same config', () => {
  const service = getLanguageService();
  /** The open documents of a tree, each checked with the settings of its config chain (as the server's store gives them). */
  function openTree(dir: string, files: Record<string, string>, configText: string) {
    const settings = applyChain(defaultSettings(), [parseConfig(configText, path.join(dir, '.http-status-lens.json'))]);
    const open = new Map<string, TextDocument>();
    for (const [name, text] of Object.entries(files)) {
      if (name.endsWith('.json')) continue;
      const uri = pathToFileURL(path.join(dir, name)).href;
      open.set(uri, TextDocument.create(uri, name.endsWith('.js') ? 'javascript' : 'yaml', 1, text));
    }
    const documents = { all: () => [...open.values()], get: (uri: string) => open.get(uri) } as unknown as TextDocuments<TextDocument>;
    const project = new OpenProject(
      documents,
      service,
      (m) => assert.fail(m),
      () => {},
      { settleMs: 1, rebuildBudgetMs: 1000 },
    );
    // Each document checked once (its settings recorded), then the join is current for all.
    for (const document of open.values()) project.diagnostics(document, settings);
    return (name: string) =>
      project
        .diagnostics(open.get(pathToFileURL(path.join(dir, name)).href)!, settings)
        .filter((d) => d.code === 'status-not-in-spec')
        .map((d) => d.range.start.line + 1);
  }

  test('specs pins and defaultCovers give the editor the CLI findings', () => {
    const dir = '/work/monorepo';
    const found = openTree(dir, monorepo, monorepo['.http-status-lens.json']);
    assert.deepEqual(found('services/orders/src/routes.js'), [2]);
    assert.deepEqual(found('services/returns/src/routes.js'), [3]);
    const unpinned = openTree(dir, monorepo, '{}');
    assert.deepEqual(unpinned('services/orders/src/routes.js'), [], 'two specs declare the path');
    const defaults = {
      'openapi.yaml': spec('        default:\n          description: An error\n'),
      'routes.js': handler,
    };
    assert.deepEqual(openTree(dir, defaults, '{}')('routes.js'), []);
    assert.deepEqual(
      openTree(dir, defaults, '{"rules": {"status-not-in-spec": ["warning", {"defaultCovers": "none"}]}}')('routes.js'),
      [2, 3],
    );
  });
});

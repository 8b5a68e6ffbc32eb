/**
 * Handlers and a spec open together: the hover of a handler's status says whether its operation declares it,
 * go to definition lands on the response key, find references from the key lists the handler sites.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './client';

const handler = `router.get('/orders/:id', (req, res) => {
  if (!order) return res.status(404).end();
  res.status(410).end();
});
`;
const spec = `openapi: 3.0.0
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: OK
        '404':
          description: Not found
`;
const code = 'file:///tmp/project-test/orders.js';
const yaml = 'file:///tmp/project-test/openapi.yaml';

describe('project navigation over the open documents', () => {
  const client = new TestClient();
  let handlerDiagnostics: Diagnostic[] = [];
  before(async () => {
    const result = (await client.initialize()) as { capabilities: { definitionProvider?: boolean; referencesProvider?: boolean } };
    assert.equal(result.capabilities.definitionProvider, true);
    assert.equal(result.capabilities.referencesProvider, true);
    await client.open(yaml, 'yaml', spec);
    handlerDiagnostics = await client.open(code, 'javascript', handler);
  });
  after(() => client.shutdown());

  test('hover: the status explanation, then whether the operation declares it', async () => {
    const declared = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: code },
      position: positionOf(handler, '404', 1),
    })) as Hover;
    assert.match((declared.contents as MarkupContent).value, /Not Found[\s\S]*---\n\nDeclared in openapi\.yaml, GET \/orders\/\{id\}\.$/);
    const missing = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: code },
      position: positionOf(handler, '410', 1),
    })) as Hover;
    assert.match((missing.contents as MarkupContent).value, /Not declared by GET \/orders\/\{id\} in openapi\.yaml\.$/);
  });

  test('diagnostics: status-not-in-spec on the handler, with the operation as related information and a fix on the spec', async () => {
    const found = handlerDiagnostics.filter((d) => d.code === 'status-not-in-spec');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].range.start, positionOf(handler, '410'));
    assert.equal(found[0].relatedInformation?.[0].location.uri, yaml);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: code },
      range: found[0].range,
      context: { diagnostics: found },
    })) as CodeAction[];
    const declare = actions.find((a) => a.isPreferred)!;
    assert.equal(declare.title, 'Declare 410 Gone in GET /orders/{id} (openapi.yaml)');
    assert.deepEqual(Object.keys(declare.edit!.changes!), [yaml]);
  });

  test('definition: from the handler status to the response key', async () => {
    const found = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: code },
      position: positionOf(handler, '404', 1),
    })) as Location[];
    assert.deepEqual(found, [{ uri: yaml, range: { start: positionOf(spec, "'404'", 1), end: positionOf(spec, "'404'", 4) } }]);
  });

  test('references: from the response key to the handler sites', async () => {
    const found = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: yaml },
      position: positionOf(spec, "'404'", 2),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(found, [{ uri: code, range: { start: positionOf(handler, '404'), end: positionOf(handler, '404', 3) } }]);
  });
});

describe('project navigation: a handler in another open file', () => {
  const client = new TestClient();
  const routes = 'file:///tmp/project-test-2/routes.js';
  const controller = 'file:///tmp/project-test-2/controller.js';
  const controllerText = 'function show(req, res) {\n  res.status(410).end();\n}\nmodule.exports = { show };\n';
  after(() => client.shutdown());

  test('the route file names the handler, the controller file gets the finding', async () => {
    await client.initialize();
    await client.open('file:///tmp/project-test-2/openapi.yaml', 'yaml', spec);
    await client.open(routes, 'javascript', "const { show } = require('./controller');\nrouter.get('/orders/:id', show);\n");
    const found = (await client.open(controller, 'javascript', controllerText)).filter((d) => d.code === 'status-not-in-spec');
    assert.deepEqual(
      found.map((d) => d.range.start),
      [positionOf(controllerText, '410')],
    );
  });
});

describe('project config in the editor: specs pinned in a monorepo, defaultCovers', () => {
  const client = new TestClient();
  let dir: string;
  const handlerText =
    "router.get('/orders/:id', (req, res) => {\n  if (!req.user) return res.status(401).end();\n  res.status(410).end();\n});\n";
  const specWith = (key: string) => `${spec}        '${key}':\n          description: x\n`;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-project-config-')));
    fs.writeFileSync(
      path.join(dir, '.http-status-lens.json'),
      JSON.stringify({
        specs: [
          { spec: 'orders/openapi.yaml', handlers: ['orders/**'] },
          { spec: 'returns/openapi.yaml', handlers: ['returns/**'] },
        ],
        rules: { 'status-not-in-spec': ['warning', { defaultCovers: 'errors' }] },
      }),
    );
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The lines of the status-not-in-spec findings of a document, once they stop changing (a burst settles). */
  async function findingsOf(uri: string, expected: number[]): Promise<number[]> {
    const deadline = Date.now() + 10_000;
    let lines: number[] = [];
    while (Date.now() < deadline) {
      const published = await client.nextDiagnostics(uri, 10_000).catch(() => undefined);
      if (!published) break;
      lines = published.diagnostics.filter((d) => d.code === 'status-not-in-spec').map((d) => d.range.start.line + 1);
      if (JSON.stringify(lines) === JSON.stringify(expected)) break;
    }
    return lines;
  }

  test('each service joins its own spec (two specs declare the path); a default response covers only errors', async () => {
    const folder = pathToFileURL(dir).href;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'w' }],
      capabilities: { workspace: { configuration: true } },
    });
    await client.connection.sendNotification('initialized', {});
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
    const orders = uri('orders/routes.js');
    const returns = uri('returns/routes.js');
    const found = { orders: findingsOf(orders, [2]), returns: findingsOf(returns, [3]) };
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('orders/openapi.yaml'), languageId: 'yaml', version: 1, text: specWith('410') },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('returns/openapi.yaml'), languageId: 'yaml', version: 1, text: specWith('401') },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: orders, languageId: 'javascript', version: 1, text: handlerText },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: returns, languageId: 'javascript', version: 1, text: handlerText },
    });
    assert.deepEqual(await found.orders, [2], 'orders declares 410, not 401');
    assert.deepEqual(await found.returns, [3], 'returns declares 401, not 410');
    // defaultCovers "errors": a default response declares the 401, not a 201.
    const edited = findingsOf(orders, [3]);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('orders/openapi.yaml'), version: 2 },
      contentChanges: [{ text: specWith('default') }],
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: orders, version: 2 },
      contentChanges: [{ text: handlerText.replace('410', '201') }],
    });
    assert.deepEqual(await edited, [3]);
  });
});

describe('a spec on disk that is not open (the workspace index reads it)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-closed-spec-'));
  const client = new TestClient();
  const specFile = path.join(dir, 'openapi.yaml');
  const handlerUri = pathToFileURL(path.join(dir, 'orders.js')).href;
  before(() => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(specFile, spec);
    fs.writeFileSync(path.join(dir, 'orders.js'), handler);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function notInSpec(expected: number): Promise<Diagnostic[]> {
    for (;;) {
      const published = await client.nextDiagnostics(handlerUri, 15_000);
      const found = published.diagnostics.filter((d) => d.code === 'status-not-in-spec');
      if (found.length === expected) return found;
    }
  }

  test('an open handler is checked against it, and again when it changes on disk', async () => {
    const indexed = new Promise<void>((resolve) =>
      client.connection.onNotification('$/progress', (params: { value: { kind: string } }) => params.value.kind === 'end' && resolve()),
    );
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    const folder = pathToFileURL(dir).href;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'w' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
    await indexed;
    const first = notInSpec(1);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: handlerUri, languageId: 'javascript', version: 1, text: handler },
    });
    const [finding] = await first;
    assert.equal(finding.range.start.line, 2, 'the 410 its operation does not declare');
    assert.equal(finding.relatedInformation?.[0]?.location.uri, pathToFileURL(specFile).href);
    // The spec declares 410 now, on disk: the finding goes.
    const none = notInSpec(0);
    fs.writeFileSync(specFile, spec + `        '410':\n          description: Gone\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(specFile).href, type: 2 }],
    });
    assert.deepEqual(await none, []);
  });
});

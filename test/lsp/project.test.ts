/**
 * Handlers and a spec open together: the hover of a handler's status says whether its operation declares it,
 * go to definition lands on the response key, find references from the key lists the handler sites.
 */
import assert from 'node:assert/strict';
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

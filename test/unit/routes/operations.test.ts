/** Spec operations: paths with and without the servers' path or basePath, response keys, and the add-response edit. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readOperations } from '../../../server/src/routes';
import { responseInsertion } from '../../../server/src/service/features/addResponse';

function insert(text: string, isYaml: boolean, code: number, operation = 0): string | undefined {
  const read = readOperations('file:///spec', text, isYaml);
  const at = read.operations[operation].insertion && responseInsertion(read.operations[operation].insertion!, code);
  return at && text.slice(0, at.offset) + at.text + text.slice(at.offset);
}

describe('operations', () => {
  test('OpenAPI 3: server URL paths apply, both with and without', () => {
    const read = readOperations(
      'file:///spec',
      `openapi: 3.1.0
servers:
  - url: https://api.example.com/v1
  - url: /internal
  - url: https://{region}.example.com/{base}
paths:
  /orders/{orderId}:
    get:
      responses:
        '200': { description: OK }
        4XX: { description: Client error }
        default: { description: Other }
`,
      true,
    );
    assert.equal(read.isSpec, true);
    const [get] = read.operations;
    assert.equal(get.method, 'GET');
    assert.deepEqual(get.templates, ['/orders/{}', '/v1/orders/{}', '/internal/orders/{}']);
    assert.deepEqual(
      get.responses.map((r) => r.key),
      ['200', '4XX', 'default'],
    );
  });

  test('Swagger 2.0: basePath applies, JSON', () => {
    const read = readOperations(
      'file:///spec',
      '{"swagger": "2.0", "basePath": "/api", "paths": {"/pets": {"post": {"responses": {"201": {"description": "x"}}}}}}',
      false,
    );
    assert.deepEqual(read.operations[0].templates, ['/pets', '/api/pets']);
  });

  test('not a spec: nothing', () => {
    assert.deepEqual(readOperations('file:///x', 'name: app\npaths:\n  /x:\n    get: {}\n', true), {
      isSpec: false,
      syntaxErrors: 0,
      operations: [],
    });
  });

  test('a spec that does not parse says so', () => {
    assert.ok(
      readOperations('file:///spec', '{"openapi": "3.0.0", "paths": {"/x": {"get": {"responses": {"200": {', false).syntaxErrors > 0,
    );
  });
});

describe('the add-response edit', () => {
  const yaml = `openapi: 3.0.0
paths:
  /orders:
    get:
      responses:
        '200':
          description: OK
        '500':
          description: Crash
`;
  test('YAML: in numeric order, quoted like the other keys, indented like them', () => {
    assert.equal(insert(yaml, true, 410), yaml.replace("        '500':", "        '410':\n          description: Gone\n        '500':"));
  });

  test('YAML: after the last key', () => {
    assert.equal(insert(yaml, true, 503), yaml.replace('Crash\n', "Crash\n        '503':\n          description: Service Unavailable\n"));
  });

  test('YAML: bare keys stay bare, four-space indentation, CRLF line endings', () => {
    const crlf =
      'openapi: 3.0.0\r\npaths:\r\n    /a:\r\n        get:\r\n            responses:\r\n                200:\r\n                    description: OK\r\n';
    assert.match(insert(crlf, true, 404)!, /OK\r\n {16}404:\r\n {20}description: Not Found/);
  });

  test('YAML: a description that is not a plain scalar is quoted', () => {
    assert.match(insert(yaml, true, 418)!, /'418':\n {10}description: "\(Unused\)"\n/);
  });

  test('JSON: before the next key, and after the last one with its comma', () => {
    const json = `{
  "openapi": "3.0.0",
  "paths": {
    "/orders": {
      "get": {
        "responses": {
          "200": {
            "description": "OK"
          },
          "500": {
            "description": "Crash"
          }
        }
      }
    }
  }
}`;
    assert.equal(
      insert(json, false, 409),
      json.replace('          "500": {', '          "409": {\n            "description": "Conflict"\n          },\n          "500": {'),
    );
    assert.equal(
      insert(json, false, 504),
      json.replace(
        '"Crash"\n          }',
        '"Crash"\n          },\n          "504": {\n            "description": "Gateway Timeout"\n          }',
      ),
    );
  });

  test('never a key the operation has', () => {
    assert.equal(insert(yaml, true, 200), undefined);
  });

  test('a flow mapping of responses gets no edit', () => {
    const flow = "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: { '200': { description: OK } }\n";
    assert.equal(readOperations('file:///spec', flow, true).operations[0].insertion, undefined);
  });
});

/** Navigation between a handler's statuses and the spec: hover, go to definition, find references. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { projectDefinition, projectHover, projectReferences } from '../../../server/src/service';
import { openapi, project } from './helpers';

const code = `router.get('/orders/:id', (req, res) => {
  if (!order) return res.status(404).end();
  res.status(410).end();
});`;
const spec = openapi({ '/orders/{id}': { get: [200, 404] } });
const URI = (path: string) => `file:///project/${path}`;

function at(p: ReturnType<typeof project>, path: string, text: string, nth = 0): number {
  const all = p.doc(path).getText();
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = all.indexOf(text, offset + 1);
  if (offset < 0) throw new Error(`${text} not in ${path}`);
  return offset + 1;
}

describe('hover', () => {
  test('a handler status: declared, or not, by which operation in which file', () => {
    const p = project({ 'a.js': code, 'openapi.yaml': spec });
    assert.equal(projectHover(URI('a.js'), at(p, 'a.js', '404'), p.index), 'Declared in openapi.yaml, GET /orders/{id}.');
    assert.equal(projectHover(URI('a.js'), at(p, 'a.js', '410'), p.index), 'Not declared by GET /orders/{id} in openapi.yaml.');
  });

  test('says why nothing is checked: a run-time path, two specs, a spec that does not parse, no operation', () => {
    const dynamic = project({ 'a.js': code.replace("'/orders/:id'", "base + '/:id'"), 'openapi.yaml': spec });
    assert.match(
      projectHover(URI('a.js'), at(dynamic, 'a.js', '410'), dynamic.index)!,
      /^Not checked against an OpenAPI spec: the path is built at run time/,
    );
    const two = project({ 'a.js': code, 'openapi.yaml': spec, 'copy/openapi.yaml': spec });
    assert.match(projectHover(URI('a.js'), at(two, 'a.js', '410'), two.index)!, /both declare GET \/orders\/:id\.$/);
    const broken = project({ 'a.js': code, 'openapi.yaml': spec + '    oops: [\n' });
    assert.match(projectHover(URI('a.js'), at(broken, 'a.js', '410'), broken.index)!, /does not parse\.$/);
    const none = project({ 'a.js': code, 'openapi.yaml': openapi({ '/other': { get: [200] } }) });
    assert.equal(
      projectHover(URI('a.js'), at(none, 'a.js', '410'), none.index),
      'Not checked against an OpenAPI spec: no OpenAPI operation declares GET /orders/:id.',
    );
  });

  test('a response key: how many handler sites return it; an operation: its routes', () => {
    const p = project({ 'a.js': code, 'openapi.yaml': spec });
    assert.equal(
      projectHover(URI('openapi.yaml'), at(p, 'openapi.yaml', '404'), p.index),
      'Returned by 1 handler site (find references to list them).',
    );
    assert.equal(
      projectHover(URI('openapi.yaml'), at(p, 'openapi.yaml', '200'), p.index),
      'No handler of GET /orders/{id} sets a status this key covers.',
    );
    assert.equal(projectHover(URI('openapi.yaml'), at(p, 'openapi.yaml', 'get:'), p.index), 'Served by GET /orders/:id (a.js).');
  });
});

describe('go to definition and find references', () => {
  test("from a handler's status to the response key that declares it (a range key too), else to the operation", () => {
    const p = project({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, '4XX'] } }) });
    const [target] = projectDefinition(URI('a.js'), at(p, 'a.js', '410'), p.index);
    assert.equal(p.doc('openapi.yaml').getText(target.range), '4XX');
    const q = project({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200] } }) });
    assert.equal(q.doc('openapi.yaml').getText(projectDefinition(URI('a.js'), at(q, 'a.js', '410'), q.index)[0].range), 'get');
  });

  test('from a response key to the handler sites; from an operation to its routes', () => {
    const p = project({ 'a.js': code, 'openapi.yaml': openapi({ '/orders/{id}': { get: [200, '4XX'] } }) });
    const sites = projectReferences(URI('openapi.yaml'), at(p, 'openapi.yaml', '4XX'), p.index);
    assert.deepEqual(
      sites.map((l) => p.doc('a.js').getText(l.range)),
      ['404', '410'],
    );
    const routes = projectReferences(URI('openapi.yaml'), at(p, 'openapi.yaml', 'get:'), p.index);
    assert.deepEqual(
      routes.map((l) => p.doc('a.js').getText(l.range)),
      ["'/orders/:id'"],
    );
  });
});

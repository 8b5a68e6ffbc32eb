/** Every quick fix on a spec leaves a document that still parses as the same OpenAPI version. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { actionsFor, applyAction, document, service, validate } from './helpers';

const yamlSpec = fs.readFileSync(path.join(__dirname, '../../examples/orders-api.yaml'), 'utf8');
const jsonSpec = JSON.stringify(parseDocument(yamlSpec).toJS(), null, 2);

function versionOf(text: string, json: boolean): string {
  const parsed = json ? JSON.parse(text) : parseDocument(text, { uniqueKeys: true });
  if (!json) assert.deepEqual((parsed as ReturnType<typeof parseDocument>).errors, []);
  const value = json ? parsed : (parsed as ReturnType<typeof parseDocument>).toJS();
  return value.openapi ?? value.swagger;
}

describe('fixes keep the spec valid', () => {
  for (const [name, text, language] of [
    ['YAML', yamlSpec, 'yaml'],
    ['JSON', jsonSpec, 'json'],
  ] as const) {
    test(`${name}: every action of every finding`, () => {
      const { document, diagnostics } = validate(text, language);
      assert.ok(diagnostics.length >= 5);
      let applied = 0;
      for (const action of actionsFor(diagnostics)) {
        if (!action.edit) continue;
        const fixed = applyAction(document, action);
        assert.equal(versionOf(fixed, language === 'json'), '3.1.0', action.title);
        applied++;
      }
      assert.ok(applied >= 10, `${applied} actions applied`);
    });
  }

  test("the fixes are the server's own: data from the client is not read, and stale fixes are dropped", () => {
    const { document: doc, diagnostics } = validate(yamlSpec, 'yaml');
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    const forged = {
      ...lock,
      data: { fixes: [{ title: 'x', edit: { changes: { 'file:///etc/passwd': [{ range: lock.range, newText: 'x' }] } } }] },
    };
    const actions = service.doCodeActions(doc, [forged], diagnostics);
    assert.ok(actions.length > 0 && actions.every((a) => Object.keys(a.edit?.changes ?? {}).every((u) => u === doc.uri)));
    assert.deepEqual(service.doCodeActions(doc, [forged], []), [], 'nothing published, nothing offered');
    // The server's fixes for a longer text do not fit a shorter version of the document.
    const shorter = TextDocument.create(doc.uri, 'yaml', 2, yamlSpec.slice(0, 10));
    assert.deepEqual(
      service.doCodeActions(shorter, [lock], diagnostics).filter((a) => a.edit),
      [],
    );
  });

  test('JSON: the ignore extension silences the site and a second id joins the first', () => {
    const { document, diagnostics } = validate(jsonSpec, 'json');
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    const ignore = actionsFor([lock]).find((a) => a.title.startsWith('Ignore'))!;
    const fixed = applyAction(document, ignore);
    assert.match(fixed, /"x-http-status-lens-ignore": \["424-for-lock"\],\n\s+"description": "The order is locked by another user\."/);
    assert.ok(!validate(fixed, 'json').diagnostics.some((d) => d.code === '424-for-lock'));
    // With the extension present, ignoring another rule at the same response extends the list.
    const changed = fixed.replace('The order is locked by another user.', 'The order could not be updated.');
    const again = validate(changed, 'json');
    const without = again.diagnostics.find((d) => d.code === '424-without-dependency' && d.range.start.line === lock.range.start.line)!;
    const extended = applyAction(
      again.document,
      actionsFor([without]).find((a) => a.title.startsWith('Ignore'))!,
    );
    assert.match(extended, /"x-http-status-lens-ignore": \["424-for-lock", "424-without-dependency"\],/);
    assert.ok(!validate(extended, 'json').diagnostics.some((d) => d.range.start.line === lock.range.start.line));
  });

  test('a rename that would duplicate a key is explained, not applied', () => {
    const text = yamlSpec.replace(
      "        '201':\n          description: The order was created.",
      "        '409':\n          description: Conflict.",
    );
    const { diagnostics } = validate(text, 'yaml');
    const conflict = diagnostics.find((d) => d.code === '424-for-conflict')!;
    const actions = actionsFor([conflict]);
    assert.ok(actions.some((a) => !a.edit && /409 Conflict already exists in this operation: merge/.test(a.title)));
    assert.ok(!actions.some((a) => a.isPreferred));
  });

  test('YAML: the disable comment ends lines as the file does, and goes before a multi-line scalar holding the line', () => {
    const disable = (text: string): string => {
      const { document, diagnostics } = validate(text, 'yaml');
      assert.equal(diagnostics.length, 1);
      const fixed = applyAction(
        document,
        actionsFor(diagnostics).find((a) => a.title.startsWith('Disable'))!,
      );
      assert.deepEqual(validate(fixed, 'yaml').diagnostics, []);
      return fixed;
    };
    const head = 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n';
    assert.equal(
      disable(`${head}      responses:\n        '424':\n          description: locked\n`.replace(/\n/g, '\r')),
      `${head}      responses:\n        # http-status-lens-disable-next-line 424-for-lock\n        '424':\n          description: locked\n`.replace(
        /\n/g,
        '\r',
      ),
    );
    assert.equal(
      disable(`${head}      responses: {'200': {description: "a\n          b"}, '424': {description: locked}}\n`),
      `${head}      # http-status-lens-disable-next-line 424-for-lock\n      responses: {'200': {description: "a\n          b"}, '424': {description: locked}}\n`,
    );
  });

  test('a response key that holds a lone CR (an invalid, complex key) is a site as written', () => {
    const text = '{openapi: 3.0.3, paths: {/a: {get: {responses: {{\r{"0": x}}}}}}\n';
    const sites = service.scan(document(text, 'yaml')).sites;
    assert.deepEqual(
      sites.map((site) => [site.text, text.slice(site.start, site.end)]),
      [['{\r{"0": x}}', '{\r{"0": x}}']],
    );
  });
});

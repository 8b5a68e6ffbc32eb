/**
 * Real public specs over the protocol: @readme/oas-examples' http-status-codes spec (every status code as a
 * response, the unregistered ones included) and its largest spec. The bundled server publishes exactly
 * what the service finds, on the keys themselves, and hovers them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { getLanguageService } from '../../server/src/service';
import { TestClient, positionOf } from './client';

const examples = path.dirname(require.resolve('@readme/oas-examples/package.json'));

describe('real specs over stdio', () => {
  const client = new TestClient();
  before(async () => void (await client.initialize()));
  after(async () => assert.equal(await client.shutdown(), 0));

  for (const [relative, languageId] of [
    ['3.0/yaml/http-status-codes.yaml', 'yaml'],
    ['3.0/json/http-status-codes.json', 'json'],
    ['3.0/json/star-trek.json', 'json'],
  ] as const) {
    test(relative, async () => {
      const file = path.join(examples, relative);
      if (!fs.existsSync(file)) assert.fail(`${relative} is missing from @readme/oas-examples`);
      const text = fs.readFileSync(file, 'utf8');
      const uri = `file:///real/${relative}`;
      const published = await client.open(uri, languageId, text);
      const expected = getLanguageService().doValidation(TextDocument.create(uri, languageId, 1, text));
      assert.deepEqual(
        published.map((d) => [d.code, d.range]),
        expected.map((d) => [d.code, d.range]),
      );
      const document = TextDocument.create(uri, languageId, 1, text);
      for (const d of published) assert.match(document.getText(d.range), /^\d{3}$|^[1-5]XX$/);
      if (relative.includes('http-status-codes')) {
        assert.ok(published.some((d) => d.code === '424-without-dependency'));
        assert.ok(published.filter((d) => d.code === 'unregistered-status-code').length >= 20);
        const key = languageId === 'yaml' ? "'424':" : '"424":';
        const hover = (await client.connection.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: positionOf(text, key, 2),
        })) as Hover;
        assert.match((hover.contents as MarkupContent).value, /^[^\n]+\n\n\*\*424 Failed Dependency\*\*/);
      }
    });
  }
});

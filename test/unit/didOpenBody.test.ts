/** The scan worker's reading of a large didOpen from its message's body (issue 19): the server's text to the character. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { largeDidOpen } from '../../server/src/large/didOpenBody';

const text = '{"openapi":"3.0.0","x":"é \\"q\\" \\u00e9 🚀 — 日本語\r\n\t"}' + ' '.repeat(1_000_000);
const message = (method: string, t = text) =>
  Buffer.from(
    JSON.stringify({
      jsonrpc: '2.0',
      method,
      params: { textDocument: { uri: 'file:///tmp/Ünï.json', languageId: 'json', version: 7, text: t } },
    }),
  );

describe('largeDidOpen', () => {
  test('a large didOpen: its document as JSON.parse of the UTF-8 gives it, told once decoded', () => {
    let decoded = 0;
    const opened = largeDidOpen(message('textDocument/didOpen'), () => decoded++);
    assert.deepEqual(opened, { uri: 'file:///tmp/Ünï.json', languageId: 'json', version: 7, text });
    assert.equal(decoded, 1);
  });

  test('no document from another method, a small text, a body that is no JSON, or fields of other types', () => {
    let decoded = 0;
    const count = () => decoded++;
    assert.equal(largeDidOpen(message('textDocument/didChange'), count), undefined);
    assert.equal(decoded, 0, 'a body that does not name the method is not decoded');
    assert.equal(largeDidOpen(message('textDocument/didOpen', 'small'), count), undefined);
    assert.equal(largeDidOpen(Buffer.from('{"method":"textDocument/didOpen",'), count), undefined);
    const wrong = Buffer.from(
      JSON.stringify({ method: 'textDocument/didOpen', params: { textDocument: { uri: 1, languageId: 'json', version: 1, text } } }),
    );
    assert.equal(largeDidOpen(wrong, count), undefined);
  });
});

/** readOnlyDocument (server/src/service/lines.ts): the CLI's document gives the positions TextDocument gives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readOnlyDocument } from '../../server/src/service/lines';

test('every offset and position, in and out of range, as TextDocument', () => {
  const text = fc
    .array(fc.constantFrom('a', 'bc', '\n', '\n\n', '\r\n', '\r', ' ', 'é', '😀'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(
      text,
      fc.array(fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 12 })), { maxLength: 20 }),
      (t, probes) => {
        const expected = TextDocument.create('file:///a', 'json', 1, t);
        const actual = readOnlyDocument('file:///a', 'json', 1, t, TextDocument.create);
        for (let offset = -2; offset <= t.length + 2; offset++) assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset));
        for (const [line, character] of probes) {
          assert.equal(
            actual.offsetAt({ line, character }),
            expected.offsetAt({ line, character }),
            JSON.stringify({ t, line, character }),
          );
          const range = { start: { line: 0, character: 1 }, end: { line, character } };
          assert.equal(actual.getText(range), expected.getText(range));
        }
        assert.equal(actual.getText(), t);
      },
    ),
    { numRuns: 2000 },
  );
});

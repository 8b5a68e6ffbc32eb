/**
 * The table a spec's response-key sites are held in (scanners/openapi/responseKey.ts): its rows read as the
 * sites they were added as, across the blocks its columns grow by, after a sort and a truncation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Scope } from '../../server/src/service';
import { type KeyContext, ResponseKeyTable } from '../../server/src/service/scanners/openapi/responseKey';

const scope: Scope = { words: () => [], codes: new Set() };

/** A JSON text of `n` responses `"4xx": {"description": "d<i>"}`, with the offsets of each key, `{` and description. */
function responses(n: number): {
  text: string;
  keys: { start: number; object: number; message: number; code: number; description: string }[];
} {
  let text = '{';
  const keys = [];
  for (let i = 0; i < n; i++) {
    const code = 400 + (i % 100);
    const description = `d${i}`;
    const start = text.length + 1;
    text += `"${code}": `;
    const object = text.length;
    text += '{"description": "';
    const message = text.length;
    text += `${description}"},`;
    keys.push({ start, object, message, code, description });
  }
  return { text, keys };
}

describe('the response-key table', () => {
  test('rows read as their sites across many blocks', () => {
    const { text, keys } = responses(10_000);
    const context: KeyContext = { text, json: true, eol: '\n', scope, indent: '  ' };
    const table = new ResponseKeyTable();
    for (const key of keys) {
      const row = table.add(context, key.code, key.start, key.start + 3, '  ');
      table.objectStarts.set(row, key.object);
      table.describe(row, key.description, key.message - 1, key.description.length + 2);
    }
    assert.equal(table.length, keys.length);
    for (const i of [0, 1, 4095, 4096, 8191, 8192, 9999]) {
      const site = table.site(i);
      assert.deepEqual(
        [site.code, site.start, site.end, site.text, site.message],
        [keys[i].code, keys[i].start, keys[i].start + 3, String(keys[i].code), keys[i].description],
      );
      assert.equal(site.suppressAt?.kind === 'json-member' && site.suppressAt.offset, keys[i].object + 1);
    }
  });

  test('a key that is no code keeps its end; values given to a site follow its row through a sort', () => {
    const text = '{"default": {}, "424": {}, "4XX": {}}';
    const context: KeyContext = { text, json: true, eol: '\n', scope, indent: '  ' };
    const table = new ResponseKeyTable();
    // Added out of order: the sort puts them by start.
    table.add(context, 424, text.indexOf('424'), text.indexOf('424') + 3, '  ');
    table.add(context, undefined, text.indexOf('4XX'), text.indexOf('4XX') + 3, '  ');
    table.add(context, undefined, text.indexOf('default'), text.indexOf('default') + 7, '    ');
    table.site(0).note = 'the 424';
    table.site(2).message = 'the default';
    table.sortByStart();
    const read = Array.from({ length: table.length }, (_, i) => table.site(i));
    assert.deepEqual(
      read.map((site) => [site.text, site.code, site.note, site.message]),
      [
        ['default', undefined, undefined, 'the default'],
        ['424', 424, 'the 424', ''],
        ['4XX', undefined, undefined, ''],
      ],
    );
    assert.equal(read[0].end, text.indexOf('default') + 7);
    table.truncate(1);
    assert.equal(table.length, 1);
    // The row that takes a dropped one's place has none of its values.
    table.add(context, 424, text.indexOf('424'), text.indexOf('424') + 3, '  ');
    assert.equal(table.site(1).note, undefined);
  });
});

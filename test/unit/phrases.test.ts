/** Words as the vocabulary matches them, and the words as the site wrote them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asWritten, toWords } from '../../server/src/knowledge';

test('toWords splits at non-word characters and camelCase humps, lower-cased', () => {
  assert.deepEqual(toWords('processBatch_items HTTPStatus'), ['process', 'batch', 'items', 'http', 'status']);
  assert.deepEqual(toWords('  If-Match: 424x2 '), ['if', 'match', '424x2']);
  assert.deepEqual(toWords(''), []);
  assert.deepEqual(toWords('ETag'), ['e', 'tag']);
});

test('asWritten gives the matched words as the text spells them', () => {
  assert.equal(asWritten('etag != ifMatch', 'if match'), 'ifMatch');
  assert.equal(asWritten('the If-Match header', 'if match'), 'If-Match');
  assert.equal(asWritten('upstreamServiceFailed', 'service failed'), 'ServiceFailed');
  assert.equal(asWritten('nothing here', 'if match'), 'nothing here');
});

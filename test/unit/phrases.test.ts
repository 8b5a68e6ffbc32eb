/** Words and phrase matching (server/src/knowledge/phrases.ts), which every rule's evidence rests on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseSet, asWritten, toWords } from '../../server/src/knowledge/phrases';

test('toWords: lower-case words, camelCase and acronyms split, anything else a separator', () => {
  assert.deepEqual(toWords('processBatch_items HTTPStatus'), ['process', 'batch', 'items', 'http', 'status']);
  assert.deepEqual(toWords('If-Match: ETag2 é x'), ['if', 'match', 'e', 'tag2', 'x']);
  assert.deepEqual(toWords('ABC'), ['abc']);
  assert.deepEqual(toWords('getHTTPResponseCode'), ['get', 'http', 'response', 'code']);
  assert.deepEqual(toWords(''), []);
  assert.deepEqual(toWords('--a--'), ['a']);
});

test("toWords: a contraction's n't is the not the phrases say", () => {
  assert.deepEqual(toWords("The host doesn't exist"), ['the', 'host', 'does', 'not', 'exist']);
  assert.deepEqual(toWords("Can’t connect; won't retry"), ['cannot', 'connect', 'will', 'not', 'retry']);
  assert.deepEqual(toWords("isn't"), ['is', 'not']);
  assert.deepEqual(toWords("don'tX n't it's"), ['don', 't', 'x', 'n', 't', 'it', 's'], 'only a word ending in n before a lone t');
  assert.equal(asWritten("The host doesn't exist.", 'does not exist'), "doesn't exist");
  assert.equal(asWritten('We can’t connect', 'cannot connect'), 'can’t connect');
});

test('PhraseSet.matches: adjacent words, a trailing * makes a prefix, at any place', () => {
  const set = new PhraseSet(['batch*', 'multi step', 'bulk', '* x']);
  assert.equal(set.matches(['run', 'batches']), true);
  assert.equal(set.matches(['a', 'multi', 'step', 'job']), true);
  assert.equal(set.matches(['multi', 'stage', 'step']), false);
  assert.equal(set.matches(['multi']), false, 'a phrase longer than what is left');
  assert.equal(set.matches(['y', 'x']), true, 'a first word that is * alone matches any word');
  assert.equal(set.matches([]), false);
  assert.equal(new PhraseSet(['workflow*']).matches(['a', 'workflows']), true);
  assert.equal(new PhraseSet([]).matches(['a']), false);
});

test('asWritten gives the matched words as the text spells them', () => {
  assert.equal(asWritten('etag != ifMatch', 'if match'), 'ifMatch');
  assert.equal(asWritten('the If-Match header', 'if match'), 'If-Match');
  assert.equal(asWritten('upstreamServiceFailed', 'service failed'), 'ServiceFailed');
  assert.equal(asWritten('nothing here', 'if match'), 'nothing here');
});

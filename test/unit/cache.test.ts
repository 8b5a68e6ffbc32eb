/** The scan cache: one scan per document version, kept for the most recently used documents only. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../server/src/service';
import { MAX_SCANS } from '../../server/src/service/scanners';
import { document } from './helpers';

test('a document keeps its scan while it is among the most recently used, and is scanned again after', () => {
  const service = getLanguageService();
  const docs = Array.from({ length: MAX_SCANS + 1 }, () => document('res.status(424);\n', 'typescript'));
  const scans = docs.slice(0, MAX_SCANS).map((doc) => service.scan(doc));
  assert.equal(service.scan(docs[0]), scans[0], 'the same version is scanned once, and is now the most recent');
  service.scan(docs[MAX_SCANS]);
  assert.equal(service.scan(docs[0]), scans[0], 'used just before: kept');
  assert.equal(service.scan(docs[2]), scans[2]);
  const again = service.scan(docs[1]);
  assert.notEqual(again, scans[1], 'the least recently used scan was dropped');
  assert.deepEqual(
    again.sites.map((s) => s.text),
    ['424'],
  );
});

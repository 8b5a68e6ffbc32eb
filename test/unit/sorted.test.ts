// The binary searches the scanners, the route reader, the workspace and the chunked document share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstAtOrAfter, lastAtOrBefore } from '../../server/src/service/sorted';

test('firstAtOrAfter: the first item starting at or after an offset, or the length', () => {
  const items = [0, 4, 4, 9].map((start) => ({ start }));
  assert.deepEqual(
    [-1, 0, 1, 4, 5, 9, 10].map((o) => firstAtOrAfter(items, o)),
    [0, 0, 1, 1, 3, 3, 4],
  );
  assert.equal(firstAtOrAfter([], 3), 0);
});

test('lastAtOrBefore: the last value at or before an offset, or -1', () => {
  const starts = [0, 4, 9];
  assert.deepEqual(
    [-1, 0, 3, 4, 8, 9, 100].map((o) => lastAtOrBefore(starts, o)),
    [-1, 0, 0, 1, 1, 2, 2],
  );
  assert.equal(lastAtOrBefore([], 3), -1);
});

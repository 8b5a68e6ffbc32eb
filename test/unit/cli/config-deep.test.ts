import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../../server/src/config/file';

test('a config nested too deeply to read is a problem, not a crash', () => {
  const config = parseConfig('['.repeat(100_000), '/x/.http-status-lens.json');
  assert.deepEqual(
    config.problems.map((p) => [p.message, p.fatal]),
    [['nested too deeply to read; the file is ignored', true]],
  );
});

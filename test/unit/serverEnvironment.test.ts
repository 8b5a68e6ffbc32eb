import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverEnvironment } from '../../client/src/serverEnvironment';

test('the desktop extension starts the server with two malloc arenas, unless the user chose a number', () => {
  assert.deepEqual(serverEnvironment({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '2' });
  assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '8' }), { MALLOC_ARENA_MAX: '8' });
});

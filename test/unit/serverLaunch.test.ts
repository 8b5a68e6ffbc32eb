/** How the desktop extension starts the server (client/src/serverLaunch.ts), and that other editors are told the same. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SERVER_NODE_FLAGS, serverEnvironment } from '../../client/src/serverLaunch';

const root = path.resolve(__dirname, '../..');

test('the desktop extension starts the server with two malloc arenas, unless the user chose a number', () => {
  assert.deepEqual(serverEnvironment({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '2' });
  assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '8' }), { MALLOC_ARENA_MAX: '8' });
});

test("the server's node flags give it the collector large/collect.ts calls", () => {
  const probe = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', "process.exit(typeof globalThis.gc === 'function' ? 0 : 3)"]);
  assert.equal(probe.status, 0, probe.stderr.toString());
});

test('every command docs/editors.md and the README give other editors has the same flags', () => {
  for (const doc of ['docs/editors.md', 'README.md']) {
    const text = fs.readFileSync(path.join(root, doc), 'utf8');
    // Each way the docs write a command line: a shell line, a Lua table, an Emacs list, a TOML args array.
    const commands = [...text.matchAll(/[^\n]*dist\/server\.js[^\n]*--stdio[^\n]*/g)].map((m) => m[0]);
    assert.ok(commands.length > 0, `${doc} gives a command`);
    for (const command of commands) {
      const flags = SERVER_NODE_FLAGS.map((flag) => command.indexOf(flag));
      const server = command.indexOf('dist/server.js');
      assert.ok(
        flags.every((at) => at >= 0 && at < server),
        `${doc}: ${command.trim()}`,
      );
    }
  }
});

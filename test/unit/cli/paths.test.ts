/** cli/paths.ts: fileUri is pathToFileURL's href, whatever the path holds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fileUri } from '../../../server/src/cli/paths';

test('fileUri gives the same URI as pathToFileURL', () => {
  const paths = [
    '/a/b.js',
    '/srv/app/src/x-y_z+1.2.ts',
    '/a b/c.py',
    '/x/%41.rb',
    '/a/ü.js',
    '/a/~x',
    '/a/#b',
    '/a/b?c',
    '/a/b;c',
    '/a/b@c',
    '/a/./b',
    '/a/../b',
    '/a/b/..',
    '/a/.hidden/x',
    '/a/..b/c',
    '/',
  ];
  for (const p of paths) assert.equal(fileUri(p), pathToFileURL(p).href, p);
});

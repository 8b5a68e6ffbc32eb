/**
 * The scan worker starts once the session is up (issue 19): after the workspace's index is built, since the
 * index's worker and a scan worker side by side left ~14 MB more behind, and at once without a workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onInitialized } from '../../server/src/handlers/initialize';
import type { Session } from '../../server/src/session';

/** A session whose workspace index ends when `indexed` is called, counting the analysis's warm-ups. */
function session(withWorkspace: boolean): { session: Session; warmUps: () => number; indexed: () => void } {
  let warmUps = 0;
  let indexed!: () => void;
  const ready = new Promise<void>((resolve) => (indexed = resolve));
  const workspace = { start: () => {}, ready, watched: () => {} };
  const fake = {
    connection: { onDidChangeWatchedFiles: () => {} },
    settings: { register: () => {}, watched: () => {} },
    workspace: withWorkspace ? workspace : undefined,
    analysis: { warmUp: () => warmUps++ },
  };
  return { session: fake as unknown as Session, warmUps: () => warmUps, indexed };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

test('the scan worker starts once the workspace is indexed, not before', async () => {
  const { session: s, warmUps, indexed } = session(true);
  onInitialized(s);
  await settled();
  assert.equal(warmUps(), 0, 'not while the index is built');
  indexed();
  await settled();
  assert.equal(warmUps(), 1);
});

test('without a workspace the scan worker starts at once', async () => {
  const { session: s, warmUps } = session(false);
  onInitialized(s);
  await settled();
  assert.equal(warmUps(), 1);
});

/**
 * The editor's workspace index waits while requests are answered (issue 16: open documents never wait for
 * it). A request on an open document, with its round trip to the client for its settings, was held up by
 * the index's first files, read while the carrier pass was still cold (a first hover took ~150 ms instead of
 * ~20 in a tree of 5,000 files).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver';
import { type WorkspaceDependencies, WorkspaceHandler } from '../../../server/src/handlers/workspace';
import { InFlight } from '../../../server/src/transport/inFlight';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-index-waits-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const turns = (n: number) =>
  new Promise<void>((resolve) =>
    (function next(k) {
      if (k === 0) resolve();
      else setImmediate(() => next(k - 1));
    })(n),
  );

test('InFlight counts requests until their answers settle, failed ones too, and wakes whoever waits for idle', async () => {
  const inFlight = new InFlight();
  let release!: () => void;
  const held = inFlight.track(() => new Promise<string>((resolve) => (release = () => resolve('answer'))));
  const failed = inFlight.track(() => Promise.reject(new Error('no')));
  assert.equal(inFlight.busy, true);
  await assert.rejects(failed);
  assert.equal(inFlight.busy, true, 'the held request is still out');
  let idle = false;
  const waited = inFlight.idle().then(() => (idle = true));
  await turns(3);
  assert.equal(idle, false);
  release();
  assert.equal(await held, 'answer');
  await waited;
  assert.equal(inFlight.busy, false);
});

test('the index reads no file while a request is being answered, and all of them after', async () => {
  const count = 400;
  for (let i = 0; i < count; i++)
    fs.writeFileSync(path.join(dir, `Service${i}.java`), `class Service${i} { void f() { throw new IllegalStateException("x"); } }\n`);
  const inFlight = new InFlight();
  let answer!: () => void;
  void inFlight.track(() => new Promise<void>((resolve) => (answer = resolve)));
  const quiet = () => undefined;
  const workspace = new WorkspaceHandler();
  workspace.connect({
    connection: { console: { warn: quiet, error: quiet } },
    documents: { get: () => undefined },
    diagnostics: { revalidateAll: quiet },
    inFlight,
  } as unknown as WorkspaceDependencies);
  workspace.initialize({
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'tree' }],
  } as unknown as InitializeParams);
  workspace.start();
  await turns(50);
  const whileAnswering = workspace.model.size;
  assert.ok(whileAnswering < count / 2, `${whileAnswering} of ${count} files read while a request was out`);
  await turns(50);
  assert.equal(workspace.model.size, whileAnswering, 'nothing more while the request is out');
  answer();
  await workspace.ready;
  assert.equal(workspace.model.size, count);
});

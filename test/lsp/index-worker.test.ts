/**
 * The editor's first index walks and reads the workspace in a worker thread (issue 19: reading 5,000 files in
 * the server's thread left its young generation grown for the session). The worker runs the bundle, hence a
 * protocol test (`npm run build` first). What it finds must be what the server's own thread finds; an open
 * document's text wins over the disk's; a worker that fails leaves the index to the server's thread.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { InitializeParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type WorkspaceDependencies, WorkspaceHandler } from '../../server/src/handlers/workspace';
import { InFlight } from '../../server/src/transport/inFlight';
import { type IndexBatch, indexInWorker } from '../../server/src/workspace/indexWorker';
import { root } from './client';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-index-worker-')));
const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-index-worker-bundle-'));
after(() => [dir, elsewhere].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const carrier = (i: number) =>
  `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)\npublic class Locked${i}Exception extends RuntimeException {}\n`;
const user = (i: number) => `class Service${i} { void f() { throw new Locked${i % 7}Exception(); } }\n`;
for (let i = 0; i < 150; i++) {
  fs.mkdirSync(path.join(dir, `pkg${i % 9}`), { recursive: true });
  fs.writeFileSync(path.join(dir, `pkg${i % 9}`, `Service${i}.java`), user(i));
}
for (let i = 0; i < 7; i++) fs.writeFileSync(path.join(dir, `Locked${i}Exception.java`), carrier(i));
// Ignored: the walk in the worker follows .gitignore as the server's thread does.
fs.mkdirSync(path.join(dir, '.git'));
fs.writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
fs.mkdirSync(path.join(dir, 'build'));
fs.writeFileSync(path.join(dir, 'build', 'Locked9Exception.java'), carrier(9));
const openUri = pathToFileURL(path.join(dir, 'Locked6Exception.java')).href;
// Open with other text than the disk's: no carrier any more.
const open = TextDocument.create(openUri, 'java', 3, 'public class Locked6Exception extends RuntimeException {}\n');

async function indexWith(entry: string | undefined): Promise<WorkspaceHandler> {
  const workspace = startIndex(entry);
  await workspace.ready;
  return workspace;
}

function startIndex(entry: string | undefined): WorkspaceHandler {
  const quiet = () => undefined;
  const workspace = new WorkspaceHandler(entry);
  workspace.connect({
    connection: { console: { warn: quiet, error: quiet } },
    documents: { get: (uri: string) => (uri === openUri ? open : undefined) },
    diagnostics: { revalidateAll: quiet },
  } as unknown as WorkspaceDependencies);
  workspace.initialize({
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'tree' }],
  } as unknown as InitializeParams);
  workspace.start();
  return workspace;
}

const view = (workspace: WorkspaceHandler) => JSON.stringify(workspace.model.snapshot().sort((a, b) => (a.uri < b.uri ? -1 : 1)));

test('the index read in a worker holds what the server thread reads, the open document as open, the ignored file left out', async () => {
  const here = await indexWith(undefined);
  const inWorker = await indexWith(path.join(root, 'dist/server.js'));
  assert.equal(inWorker.indexedInWorker, true);
  assert.equal(here.indexedInWorker, false);
  assert.equal(inWorker.model.size, 157);
  assert.equal(view(inWorker), view(here));
  const names = new Set(inWorker.model.snapshot().flatMap((facts) => facts.carriers.map((c) => c.name)));
  assert.deepEqual([...names].sort(), [
    'Locked0Exception',
    'Locked1Exception',
    'Locked2Exception',
    'Locked3Exception',
    'Locked4Exception',
    'Locked5Exception',
  ]);
});

test('a worker that fails leaves the whole index to the server thread', async () => {
  const broken = path.join(elsewhere, 'broken-bundle.js');
  fs.writeFileSync(broken, 'throw new Error("no worker here");\n');
  const workspace = await indexWith(broken);
  assert.equal(workspace.indexedInWorker, false);
  assert.equal(workspace.model.size, 157);
  assert.equal(view(workspace), view(await indexWith(undefined)));
});

test('the worker reads no file while a request is being answered, and all of them after', async () => {
  const inFlight = new InFlight();
  let answer!: () => void;
  void inFlight.track(() => new Promise<void>((resolve) => (answer = resolve)));
  const batches: IndexBatch[] = [];
  const walked = indexInWorker(
    path.join(root, 'dist/server.js'),
    { folders: [dir], maxFiles: 1000, maxFileSize: 1 << 20 },
    (batch) => batches.push(batch),
    {},
    inFlight,
  );
  // Long enough for the worker to start and walk this small tree many times over.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(batches.length, 0, 'nothing read while the request is out');
  answer();
  assert.deepEqual(await walked, { errors: [], capped: false });
  assert.equal(batches.flatMap((batch) => batch.read).length, 157);
});

test('the walk resolves once its thread is gone: a thread started after it reuses its memory', async () => {
  const order: string[] = [];
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function () {
    return terminate.call(this).then((code) => (order.push('thread gone'), code));
  };
  try {
    const walked = await indexInWorker(
      path.join(root, 'dist/server.js'),
      { folders: [dir], maxFiles: 1000, maxFileSize: 1 << 20 },
      () => {},
      {},
    );
    order.push('walk resolved');
    assert.ok(walked, 'the walk ended');
  } finally {
    Worker.prototype.terminate = terminate;
  }
  assert.deepEqual(order, ['thread gone', 'walk resolved']);
});

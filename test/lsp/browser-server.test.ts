/**
 * The web server bundle (dist/browserServer.js), as a web worker runs it: here in a worker thread with the
 * few globals a web worker has (postMessage, onmessage), spoken to as the web client does, including its
 * answers to httpStatusLens/configFiles (the config files it reads through vscode.workspace.fs).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
  PortMessageReader,
  PortMessageWriter,
  type ProtocolConnection,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { positionOf, root } from './client';

/** What a web worker offers the bundle: messages in through `onmessage`, out through `postMessage`. */
const WEB_WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.addEventListener = () => {};
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));
require(workerData.bundle);
`;

const FOLDER = 'vscode-test-web://mount/shop';
const handler = `export function replace(req, res) {
  if (locks.has(req.params.id)) return res.status(424).json({ error: 'The document is locked by another editor' });
}
`;

describe('the web server bundle in a web worker', () => {
  const worker = new Worker(WEB_WORKER_SHIM, { eval: true, workerData: { bundle: path.join(root, 'dist/browserServer.js') } });
  const connection: ProtocolConnection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  /** Config files by folder uri, as the client would read them. */
  const configs = new Map<string, string>();
  const asked: string[] = [];
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: [string, (p: PublishDiagnosticsParams) => void][] = [];

  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('httpStatusLens/configFiles', ({ uri }: { uri: string }) => {
    asked.push(uri);
    if (!uri.startsWith(FOLDER + '/')) return null;
    const folders = uri
      .slice(FOLDER.length + 1)
      .split('/')
      .slice(0, -1);
    const files = [];
    for (let depth = 0; depth <= folders.length; depth++) {
      const folder = [FOLDER, ...folders.slice(0, depth)].join('/');
      const text = configs.get(folder);
      if (text !== undefined) files.push({ uri: `${folder}/.http-status-lens.json`, text });
    }
    return { files };
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params);
    for (const waiter of waiters.filter(([uri]) => uri === params.uri)) (waiters.splice(waiters.indexOf(waiter), 1), waiter[1](params));
  });
  connection.listen();

  const next = (uri: string) => new Promise<PublishDiagnosticsParams>((resolve) => waiters.push([uri, resolve]));
  async function open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const diagnostics = next(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return (await diagnostics).diagnostics;
  }

  before(async () => {
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'shop' }],
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    });
    await connection.sendNotification('initialized', {});
  });
  after(async () => {
    connection.dispose();
    await worker.terminate();
  });

  test('hover, a diagnostic and its quick fix, on a document of a virtual workspace', async () => {
    const uri = `${FOLDER}/src/handler.js`;
    const [lock] = await open(uri, 'javascript', handler);
    assert.equal(lock.code, '424-for-lock');
    assert.equal(lock.severity, 2);
    const hover = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(handler, '424'),
    })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /^(?:[^\n]+\n\n)?\*\*424 Failed Dependency\*\*/);
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: lock.range,
      context: { diagnostics: [lock] },
    })) as CodeAction[];
    assert.equal(actions.find((a) => a.isPreferred)?.title, 'Change 424 to 423 Locked');
    assert.ok(asked.includes(uri), 'the server asked the client for the config files');
  });

  test('config files from the client apply, nearest last, and "root": true cuts the ones above', async () => {
    configs.set(FOLDER, '{ "rules": { "424-for-lock": "off" } }');
    configs.set(`${FOLDER}/strict`, '{ "rules": { "424-for-lock": "error" } }');
    configs.set(`${FOLDER}/alone`, '{ "root": true, "dependencyWords": ["saga"] }');
    assert.deepEqual(await open(`${FOLDER}/lax/handler.js`, 'javascript', handler), []);
    const [strict] = await open(`${FOLDER}/strict/handler.js`, 'javascript', handler);
    assert.equal(strict.severity, 1);
    // Under "root": true the top config's "off" no longer applies.
    const [alone] = await open(`${FOLDER}/alone/handler.js`, 'javascript', handler);
    assert.equal(alone.code, '424-for-lock');
    assert.equal(alone.severity, 2);
  });

  test('`ignore` patterns of a config file apply to the paths under it', async () => {
    configs.delete(FOLDER);
    configs.set(`${FOLDER}/generated`, '{ "ignore": ["legacy/**", "*.gen.js"] }');
    assert.deepEqual(await open(`${FOLDER}/generated/legacy/handler.js`, 'javascript', handler), []);
    assert.deepEqual(await open(`${FOLDER}/generated/api/client.gen.js`, 'javascript', handler), []);
    const [kept] = await open(`${FOLDER}/generated/api/handler.js`, 'javascript', handler);
    assert.equal(kept.code, '424-for-lock');
    const status = (await connection.sendRequest('httpStatusLens/status', { uri: `${FOLDER}/generated/legacy/handler.js` })) as {
      reason: string;
    };
    assert.match(
      status.reason,
      /An `ignore` pattern in vscode-test-web:\/\/mount\/shop\/generated\/\.http-status-lens\.json excludes this file/,
    );
  });

  test('a config file with an error is reported on that file, and the defaults apply', async () => {
    configs.delete(FOLDER);
    configs.set(`${FOLDER}/broken`, '{ "rules": { "424-for-lock": "loud" } }');
    const problems = next(`${FOLDER}/broken/.http-status-lens.json`);
    const [lock] = await open(`${FOLDER}/broken/handler.js`, 'javascript', handler);
    assert.equal(lock.severity, 2);
    const [problem] = (await problems).diagnostics;
    assert.equal(problem.code, 'invalid-config');
    assert.match(problem.message, /ignoring "rules.424-for-lock": "loud" is not a severity/);
  });

  test('a spec over a megabyte is checked in the worker itself (no thread to hand it to), and follows an edit', async () => {
    const uri = `${FOLDER}/large.yaml`;
    const paths: string[] = [];
    for (let i = 0, size = 0; size < 1_100_000; i++) {
      const path = `  /items/${i}:\n    get:\n      responses:\n        '200':\n          description: The item\n`;
      paths.push(path);
      size += path.length;
    }
    const text = `openapi: 3.0.0\npaths:\n${paths.join('')}  /orders/{id}:\n    put:\n      responses:\n        '424':\n          description: The order is locked\n`;
    const [lock] = await open(uri, 'yaml', text);
    assert.equal(lock.code, '424-for-lock');
    assert.deepEqual(lock.range.start, positionOf(text, "'424'", 1));
    const hover = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, "'424'", 2),
    })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /^(?:[^\n]+\n\n)?\*\*424 Failed Dependency\*\*/);
    // A line at the top moves the finding down by one.
    const after = next(uri);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# a note\n' }],
    });
    const [moved] = (await after).diagnostics;
    assert.equal(moved.range.start.line, lock.range.start.line + 1);
  });
});

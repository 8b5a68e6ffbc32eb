// The bundled server reads the same .http-status-lens.json as the CLI: over stdio, with a workspace folder,
// a config file's severities apply, a broken config is a diagnostic on that file, and a change on disk
// (announced by the client's file watcher) applies to the next validation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { makeTree, removeTrees, root } from './helpers';

const LOCK = "import express from 'express';\napp.put('/x', (req, res) => res.status(424).json({ error: 'The order is locked' }));\n";

describe('the server and .http-status-lens.json', () => {
  const dir = makeTree({
    '.http-status-lens.json': '{"rules": {"424-for-lock": "error"}}',
    'src/a.ts': LOCK,
    'bad/.http-status-lens.json': '{\n  "rules": {"424-for-lock": "loud"}\n}',
    'bad/b.ts': LOCK,
  });
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const waiting: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const next = (uri: string) => new Promise<PublishDiagnosticsParams>((resolve) => waiting.push({ uri, resolve }));
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const i = waiting.findIndex((w) => w.uri === params.uri);
      if (i >= 0) waiting.splice(i, 1)[0].resolve(params);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(dir).href, name: 'tree' }]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    removeTrees();
  });

  test("the config file's severity applies", async () => {
    const published = next(uri('src/a.ts'));
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('src/a.ts'), languageId: 'typescript', version: 1, text: LOCK },
    });
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['424-for-lock', 1]],
    );
  });

  test('an invalid config: a diagnostic on it, the default for the document', async () => {
    const config = next(uri('bad/.http-status-lens.json'));
    const document = next(uri('bad/b.ts'));
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('bad/b.ts'), languageId: 'typescript', version: 1, text: LOCK },
    });
    const problems = (await config).diagnostics;
    assert.equal(problems.length, 1);
    assert.deepEqual(
      [problems[0].range.start, problems[0].code, problems[0].source],
      [{ line: 1, character: 28 }, 'invalid-config', 'http-status-lens'],
    );
    assert.match(problems[0].message, /ignoring "rules.424-for-lock": "loud" is not a severity/);
    assert.deepEqual(
      (await document).diagnostics.map((d) => [d.code, d.severity]),
      [['424-for-lock', 1]],
      'the outer config still applies; the broken value does not',
    );
  });

  test('a config changed on disk applies from the next validation', async () => {
    fs.writeFileSync(path.join(dir, '.http-status-lens.json'), '{"rules": {"424-for-lock": "info"}}');
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.http-status-lens.json'), type: 2 }] });
    const published = next(uri('src/a.ts'));
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('src/a.ts'), version: 2 },
      contentChanges: [{ text: LOCK + '\n' }],
    });
    assert.deepEqual(
      (await published).diagnostics.map((d) => [d.code, d.severity]),
      [['424-for-lock', 3]],
    );
  });
});

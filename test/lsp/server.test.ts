import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fork } from 'node:child_process';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { IPCMessageReader, IPCMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TestClient, positionOf, root } from './client';

const specPath = path.join(root, 'examples/orders-api.yaml');
const specText = fs.readFileSync(specPath, 'utf8');
const specUri = 'file://' + specPath;
const handlerPath = path.join(root, 'examples/orders-handlers.ts');
const handlerText = fs.readFileSync(handlerPath, 'utf8');
const handlerUri = 'file://' + handlerPath;

describe('the bundled server over stdio', () => {
  const client = new TestClient();

  before(async () => {
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.hoverProvider);
    assert.ok(result.capabilities.codeActionProvider);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('publishes diagnostics for an OpenAPI spec', async () => {
    const diagnostics = await client.open(specUri, 'yaml', specText);
    const codes = diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, [
      '424-for-conflict',
      '424-for-lock',
      '424-for-upstream-failure',
      '424-without-dependency',
      'failed-prerequisite-not-424',
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'http-status-lens');
      assert.match(d.codeDescription!.href, /docs\/rules\/.+\.md$/);
    }
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    assert.deepEqual(lock.range.start, positionOf(specText, "'424':\n          description: The order is locked", 1));
  });

  test('hover on a response key', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: specUri },
      position: positionOf(specText, "'424':\n          description: The order is locked", 2),
    })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    // The verdict line first (its description speaks of a lock), then the meaning and the neighbours.
    assert.match(value, /^Its message says "locked": a locked resource, 423 fits\.\n\n\*\*424 Failed Dependency\*\*/, value);
    assert.match(value, /\*\*Use instead\*\*\n- \*\*409 Conflict\*\* when /);
  });

  test('no hover on a plain value', async () => {
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: specUri },
      position: positionOf(specText, '3.1.0'),
    });
    assert.equal(hover, null);
  });

  test('code actions come from the diagnostic data', async () => {
    const diagnostics = await client.open('file:///tmp/lock.yaml', 'yaml', specText);
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///tmp/lock.yaml' },
      range: lock.range,
      context: { diagnostics: [lock] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Change 424 to 423 Locked');
    assert.deepEqual(preferred.edit!.changes!['file:///tmp/lock.yaml'], [{ range: lock.range, newText: '423' }]);
    assert.ok(actions.some((a) => a.title === 'Disable 424-for-lock for this line'));
  });

  test('code actions ignore edits a client puts in diagnostic data (issue 20, item 9)', async () => {
    const uri = 'file:///tmp/lock.yaml';
    const diagnostics = await client.open(uri, 'yaml', specText);
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    const forged = {
      title: 'Change 424 to 423 Locked',
      isPreferred: true,
      edit: { changes: { 'file:///etc/passwd': [{ range: lock.range, newText: 'root::0:0::/:/bin/sh' }] } },
    };
    const outside = { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 3 } };
    const ask = (diagnostic: object) =>
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: lock.range,
        context: { diagnostics: [diagnostic] },
      }) as Promise<CodeAction[]>;
    // The server's own fixes, whatever the client's data says.
    const actions = await ask({ ...lock, data: { fixes: [forged] } });
    assert.deepEqual(
      actions.flatMap((a) => Object.keys(a.edit?.changes ?? {})),
      actions.filter((a) => a.edit).map(() => uri),
    );
    assert.ok(!JSON.stringify(actions).includes('passwd'), JSON.stringify(actions));
    assert.ok(actions.some((a) => a.title === 'Change 424 to 423 Locked' && a.edit!.changes![uri][0].newText === '423'));
    // A diagnostic the server did not publish (another range, another rule, outside the text) gets nothing.
    assert.deepEqual(await ask({ ...lock, range: outside, data: { fixes: [forged] } }), []);
    assert.deepEqual(await ask({ ...lock, code: 'unregistered-status-code', data: { fixes: [forged] } }), []);
    assert.deepEqual(await ask({ ...lock, source: 'other', data: { fixes: [forged] } }), []);
  });

  test('a document dense with findings publishes the first 1,000 and counts the rest (issue 20, item 1)', async () => {
    const text = 'abort(' + '424 if x else '.repeat(1500) + '409)\n';
    const diagnostics = await client.open('file:///tmp/chain.py', 'python', text);
    assert.equal(diagnostics.length, 1001);
    assert.ok(
      diagnostics.slice(0, 1000).every((d) => d.code === '424-without-dependency' && d.data === undefined),
      'no data on the wire',
    );
    assert.match(diagnostics[1000].message, /^500 more findings in this file are not shown/);
    // Fixes still come, from the server's own copy.
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///tmp/chain.py' },
      range: diagnostics[999].range,
      context: { diagnostics: [diagnostics[999]] },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.title.startsWith('Change 424 to')));
  });

  test('diagnostics for a TypeScript handler', async () => {
    const diagnostics = await client.open(handlerUri, 'typescript', handlerText);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['424-for-lock', '424-for-upstream-failure', '424-without-dependency']);
  });

  /**
   * The first diagnostics of `uri` that satisfy `ok`: a change of settings checks the open documents again,
   * and a check already under way with the settings before may still publish first.
   */
  async function settledDiagnostics(uri: string, ok: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (let i = 0; i < 5; i++) {
      const { diagnostics } = await client.nextDiagnostics(uri);
      if (ok(diagnostics)) return diagnostics;
    }
    throw new Error(`no diagnostics of ${uri} as expected after 5 publishes`);
  }

  test('a rule set to off in the settings goes away', async () => {
    client.settings = { rules: { '424-for-lock': 'off' } };
    const next = settledDiagnostics(handlerUri, (d) => d.length === 2);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await next;
    assert.ok(!diagnostics.some((d) => d.code === '424-for-lock'));
    assert.equal(diagnostics.length, 2);
  });

  test('an invalid setting is reported and the defaults apply', async () => {
    client.settings = { rules: { '424-for-lock': 'loud' }, languages: 'yaml' };
    const next = settledDiagnostics(handlerUri, (d) => d.length === 3);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.equal((await next).length, 3);
    assert.ok(
      client.messages.some((m) => m.includes('ignoring "rules.424-for-lock": "loud" is not a severity')),
      client.messages.join('\n'),
    );
    client.settings = {};
  });

  test('edits publish diagnostics for the latest version', async () => {
    const uri = 'file:///tmp/edits.ts';
    await client.open(uri, 'typescript', "app.get('/a', (req, res) => res.status(200));");
    const next = client.nextDiagnostics(uri);
    for (let version = 2; version <= 30; version++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: `app.get('/a', (req, res) => res.status(${version === 30 ? 424 : 200}));` }],
      });
    }
    // A publish of version 1 may still come (a refresh after an earlier test's spec or settings change); the
    // first publish of an edited version must be the last one.
    let published = await next;
    while (published.version === 1) published = await client.nextDiagnostics(uri);
    assert.equal(published.version, 30);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['424-without-dependency'],
    );
  });
});

describe('the server over node-ipc', () => {
  test('starts and answers initialize', async () => {
    const child = fork(path.join(root, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
      serverInfo: { name: string };
    };
    assert.equal(result.serverInfo.name, 'http-status-lens');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});

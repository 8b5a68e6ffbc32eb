/**
 * Faults at the protocol level, against the bundled server over stdio: garbage documents and edits, a
 * hostile workspace config, unknown methods, cancellation, bursts of edits, a throwing rule, and a client
 * that dies. Each test fails if the server crashes, stops answering, or answers wrongly.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import {
  CancellationTokenSource,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TestClient, positionOf, root } from './client';

const handler = "app.put('/orders/:id', (req, res) => {\n  res.status(424).json({ error: 'the order is locked' });\n});\n";

/** Resolves when the process has exited (or at once if it has), with its exit code. */
function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function hoverWorks(client: TestClient, uri: string): Promise<void> {
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: positionOf(handler, '424', 1),
  })) as { contents: { value: string } } | null;
  // The verdict line first, then the explanation.
  assert.match(hover?.contents.value ?? '', /^[^\n]+\n\n\*\*424 Failed Dependency\*\*/, 'the server still answers a hover');
}

describe('faults: garbage in, the server stays up', () => {
  const client = new TestClient();
  const stderr: string[] = [];
  client.process.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

  before(async () => {
    await client.initialize();
    await client.open('file:///fault/ok.ts', 'typescript', handler);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, `the server exits cleanly; stderr:\n${stderr.join('')}`);
  });

  const garbage: [string, string, string][] = [
    ['NUL bytes', 'typescript', '\u0000'.repeat(100_000)],
    ['random bytes', 'python', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['lone surrogates and BOMs', 'go', '\ufeff\ud800res.status(424)\udc00'.repeat(5_000)],
    ['JSON nested 100,000 deep', 'json', '{"openapi": "3.0.0", "x": ' + '['.repeat(100_000)],
    ['YAML flow nested 100,000 deep', 'yaml', 'openapi: 3.0.0\nx: ' + '{a: '.repeat(100_000)],
    [
      'a YAML alias bomb',
      'yaml',
      'openapi: 3.0.0\n' +
        Array.from(
          { length: 30 },
          (_, i) =>
            `a${i + 1}: &a${i + 1} [${Array(9)
              .fill(i === 0 ? '"lol"' : `*a${i}`)
              .join(',')}]`,
        ).join('\n'),
    ],
    ['parentheses nested 100,000 deep', 'rust', 'res.status(' + '('.repeat(100_000)],
    ['an unknown language id', 'brainfuck', '+++[>+<-]'],
  ];
  for (const [name, languageId, text] of garbage) {
    test(`${name}: diagnostics are published and the server still answers`, async () => {
      const uri = `file:///fault/${name.replace(/\W+/g, '-')}.${languageId === 'brainfuck' ? 'bf' : 'x'}`;
      const next = client.nextDiagnostics(uri, 15_000).catch(() => undefined);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const published = await next;
      if (languageId !== 'brainfuck') assert.ok(published, 'diagnostics (maybe none) are published for a garbage document');
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await hoverWorks(client, 'file:///fault/ok.ts');
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  test('edits with ranges outside the document, and requests at impossible positions', async () => {
    const uri = 'file:///fault/edits.ts';
    await client.open(uri, 'typescript', handler);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 999, character: 5 }, end: { line: 1_000_000, character: 2 ** 31 } }, text: 'x' },
        { range: { start: { line: 1, character: 500 }, end: { line: 0, character: 0 } }, text: '\ud800' },
        { range: { start: { line: -1, character: -1 }, end: { line: 0, character: 3 } }, text: '' },
      ],
    });
    assert.ok(await next);
    for (const position of [
      { line: 1e9, character: 1e9 },
      { line: -5, character: -5 },
      { line: 0, character: 0.5 },
    ]) {
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }).catch(() => null);
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }).catch(() => null);
    }
    await client.connection
      .sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [{ range: null, message: 1, source: 'http-status-lens', data: { fixes: 'not a list' } }] },
      })
      .catch(() => null);
    await hoverWorks(client, 'file:///fault/ok.ts');
  });

  test('requests for documents that were never opened answer null', async () => {
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      assert.equal(
        await client.connection.sendRequest(method, {
          textDocument: { uri: 'file:///never/opened.ts' },
          position: { line: 0, character: 0 },
        }),
        null,
      );
    }
  });

  test('an unknown request gets MethodNotFound, an unknown notification is ignored', async () => {
    await assert.rejects(
      client.connection.sendRequest('http-status-lens/doesNotExist', {}),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound,
    );
    await assert.rejects(
      client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///fault/ok.ts' } }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound,
    );
    await client.connection.sendNotification('http-status-lens/unknownNotification', { anything: [1, 2, 3] });
    await client.connection.sendNotification('$/unknownProtocolNotification', {});
    await hoverWorks(client, 'file:///fault/ok.ts');
  });

  test('$/cancelRequest: a hover cancelled before its scan starts answers RequestCancelled', async () => {
    const uri = 'file:///fault/big.ts';
    const big = handler + '// filler\nconst x = [1, 2, 3];\n'.repeat(150_000);
    await client.open(uri, 'typescript', big);
    // A new version: the next hover has to scan the whole text again.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: big + '\n' }],
    });
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(
      'textDocument/hover',
      { textDocument: { uri }, position: positionOf(handler, '424', 1) },
      source.token,
    );
    source.cancel();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    await hoverWorks(client, 'file:///fault/ok.ts');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('300 edits in a burst end with diagnostics for the latest version only', async () => {
    const uri = 'file:///fault/burst.ts';
    await client.open(uri, 'typescript', "app.get('/a', (req, res) => res.status(200));\n");
    const published: PublishDiagnosticsParams[] = [];
    const listener = client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri === uri) published.push(params);
    });
    let text = "app.get('/a', (req, res) => res.status(200));\n";
    for (let version = 2; version <= 301; version++) {
      // Incremental: append a line; every 7th version changes the code to 424 and back.
      const line = version % 7 === 0 ? 'res.status(424);\n' : `res.status(${200 + (version % 5)});\n`;
      const end = { line: text.split('\n').length - 1, character: 0 };
      text += line;
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: end, end }, text: line }],
      });
      if (version % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitUntil(() => published.some((p) => p.version === 301), 10_000, 'diagnostics of version 301');
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything late would arrive now
    listener.dispose();
    // The debounce may let a version through if the burst stalls, but never an older one after a newer one,
    // and the last word is the latest version.
    const versions = published.map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published out of order: ${versions.join(', ')}`,
    );
    assert.equal(versions.at(-1), 301, `the last diagnostics are for the latest version: ${versions.join(', ')}`);
    assert.ok(versions.length <= 3, `a burst of 300 edits published ${versions.length} times: ${versions.join(', ')}`);
    const expected = text.split('\n').filter((l) => l.includes('424')).length;
    assert.equal(published.at(-1)!.diagnostics.length, expected, 'the diagnostics are those of the final text');
  });
});

describe('faults: a hostile workspace', () => {
  let dir: string;
  let client: TestClient;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-fault-'));
    fs.writeFileSync(path.join(dir, '.http-status-lens.json'), '['.repeat(100_000));
    fs.writeFileSync(path.join(dir, 'a.ts'), handler);
    client = new TestClient();
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a config file nested 100,000 deep: the server warns, keeps the defaults and keeps running', async () => {
    const folder = pathToFileURL(dir).href;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'w' }],
      capabilities: {},
    });
    await client.connection.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(dir, 'a.ts')).href;
    const diagnostics = await client.open(uri, 'typescript', handler);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['424-for-lock'],
      'the defaults apply',
    );
    await hoverWorks(client, uri);
    assert.ok(client.process.exitCode === null, 'the server is still running');
  });
});

describe('faults: a rule that throws', () => {
  let bundle: string;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const logged: string[] = [];
  const diagnostics = new Map<string, PublishDiagnosticsParams>();

  before(async () => {
    // The real server with one more rule, first in the table, that throws on every 424.
    bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-rule-')), 'server.js');
    const entry = path.join(path.dirname(bundle), 'entry.ts');
    fs.writeFileSync(
      entry,
      `const { rules } = require(${JSON.stringify(path.join(root, 'server/src/service/rules'))});\n` +
        `rules.unshift({ id: 'throwing-rule', check(site) { if (site.code === 424) throw new Error('boom'); return undefined; } });\n` +
        `require(${JSON.stringify(path.join(root, 'server/src/server'))});\n`,
    );
    await esbuild.build({
      entryPoints: [entry],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    server = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('window/logMessage', (params: { message: string }) => logged.push(params.message));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
      diagnostics.set(`${params.uri}@${params.version}`, params),
    );
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
  });
  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exitOf(server);
    connection.dispose();
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  });

  test('it is skipped and logged once; the other rules still report', async () => {
    const text = "res.status(424).json({ error: 'locked' });\nres.status(999);\nres.status(409).send('the earlier step failed');\n";
    for (let i = 1; i <= 3; i++) {
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: `file:///rule/${i}.ts`, languageId: 'typescript', version: 1, text },
      });
    }
    await waitUntil(() => [1, 2, 3].every((i) => diagnostics.has(`file:///rule/${i}.ts@1`)), 10_000, 'diagnostics of three documents');
    for (let i = 1; i <= 3; i++) {
      const codes = diagnostics.get(`file:///rule/${i}.ts@1`)!.diagnostics.map((d) => d.code);
      assert.deepEqual(
        codes.sort(),
        ['424-for-lock', 'failed-prerequisite-not-424', 'unregistered-status-code'],
        'every rule after the throwing one still reports',
      );
    }
    const faults = logged.filter((m) => m.includes('throwing-rule'));
    assert.equal(faults.length, 1, `one log line for the faulty rule, got: ${faults.join(' | ')}`);
    assert.match(faults[0], /boom/);
  });
});

describe('faults: the client process dies', () => {
  test('with --clientProcessId, the server exits when that process is gone', { timeout: 20_000 }, async () => {
    // A stand-in for the editor: a process that only sleeps. The server's pipes stay with this test, so only
    // the process-id watchdog can notice that the "editor" died.
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio', `--clientProcessId=${editor.pid}`], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
    await connection.sendRequest('initialize', { processId: editor.pid, rootUri: null, capabilities: {} });
    editor.kill('SIGKILL');
    await exitOf(editor);
    await waitUntil(() => !alive(server.pid!), 10_000, 'the server to exit after its client died');
    connection.dispose();
  });

  test('an editor killed with its server running leaves no orphan behind', { timeout: 20_000 }, async () => {
    // The editor spawns the server (as VS Code does), tells it its pid, and is then killed outright.
    const script = `
      const { spawn } = require('node:child_process');
      const server = spawn(process.execPath, [${JSON.stringify(path.join(root, 'dist/server.js'))}, '--stdio', '--clientProcessId=' + process.pid], { stdio: ['pipe', 'pipe', 'inherit'] });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      server.stdin.write('Content-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body);
      server.stdout.once('data', () => console.log(server.pid));
      setInterval(() => {}, 1000);`;
    const editor = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const serverPid = Number(
      await new Promise<string>((resolve) => editor.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))),
    );
    assert.ok(alive(serverPid), 'the server runs');
    editor.kill('SIGKILL');
    await exitOf(editor);
    await waitUntil(() => !alive(serverPid), 10_000, `the orphaned server ${serverPid} to exit`);
  });
});

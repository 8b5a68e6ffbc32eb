/**
 * Large messages over stdio, written by hand: a didOpen of a spec over a megabyte with its keys in other
 * orders, escapes, text beyond Latin-1 and a byte order mark; a full-text didChange; two large opens back to
 * back. Whatever reads them (issue 19 tried reading a large didOpen as its bytes arrive), the server's copy
 * must be the client's text, character for character: the diagnostics and hovers must stand where the text
 * has them. And the stdio connection ends as vscode-languageserver's does. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './client';

/** A one-line JSON spec over a megabyte with one 424 at the end, every character kind a decoder can get wrong before it. */
function largeSpec(): string {
  const paths: string[] = [];
  for (let i = 0; paths.join(',').length < 1_100_000; i++)
    paths.push(
      `"/items/${i}":{"get":{"summary":"Élément ${i} \\"q\\" \\\\ \\u00e9 \\ud83d\\ude80 — 日本語 🚀\\n\\t","responses":{"200":{"description":"OK"}}}}`,
    );
  paths.push('"/orders/{id}":{"put":{"responses":{"424":{"description":"The order is locked by another user"}}}}');
  return `\ufeff{"openapi":"3.0.0","info":{"title":"Ünïcødé","version":"1"},"paths":{${paths.join(',')}}}`;
}

/**
 * Writes one message to the server's stdin in odd sizes, all at once: the client's own answers (to the
 * server's configuration requests) must not come between them. The pipe decides how the server reads them.
 */
function sendRaw(client: TestClient, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  const stdin = client.process.stdin!;
  stdin.write(`Content-Length: ${bytes.length}\r\n\r\n`);
  const sizes = [1, 7, 4093, 65_537, 2, 333_333, 3];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    stdin.write(bytes.subarray(at, at + size));
    at += size;
  }
}

describe('a large didOpen written in odd pieces, in any key order (stdio)', () => {
  const client = new TestClient();
  const text = largeSpec();
  const code = { start: positionOf(text, '"424":', 1), end: positionOf(text, '"424":', 4) };

  before(async () => {
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const opens: [string, (uri: string) => string][] = [
    [
      'the text first, the method last',
      (uri) =>
        JSON.stringify({
          params: { textDocument: { text, version: 1, languageId: 'json', uri } },
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
        }),
    ],
    [
      'the usual order, with spaces around the colons',
      (uri) =>
        `{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": ${JSON.stringify(uri)}, "languageId": "json", "version": 1, "text" : ${JSON.stringify(text)}}}}`,
    ],
    [
      'the text key after 4 KB of other fields',
      (uri) =>
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri, languageId: 'json', version: 1, padding: 'x'.repeat(5000), text } },
        }),
    ],
  ];

  for (const [name, message] of opens)
    test(`${name}: diagnostics and hover stand where the text has them`, async () => {
      const uri = `file:///tmp/large-open-${name.replace(/\W+/g, '-')}.json`;
      const next = client.nextDiagnostics(uri, 30_000);
      sendRaw(client, message(uri));
      const { diagnostics } = await next;
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range]),
        [['424-for-lock', code]],
      );
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: positionOf(text, '"424":', 2),
      })) as Hover | null;
      assert.deepEqual(hover?.range, code);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

  test('a large full-text didChange: the new text is the one checked', async () => {
    const uri = 'file:///tmp/large-open-changed.json';
    await client.open(uri, 'json', '{"openapi":"3.0.0","paths":{}}');
    const changed = text.replace('"424"', '"200","423":{"description":"x"},"424"');
    const next = client.nextDiagnostics(uri, 30_000);
    sendRaw(
      client,
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] },
      }),
    );
    let published: PublishDiagnosticsParams = await next;
    while (published.version !== 2) published = await client.nextDiagnostics(uri, 30_000);
    const at = { start: positionOf(changed, '"424":', 1), end: positionOf(changed, '"424":', 4) };
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range]),
      [['424-for-lock', at]],
    );
  });

  test('two large didOpens back to back: each document gets its own text', async () => {
    const first = 'file:///tmp/large-open-first.json';
    const second = 'file:///tmp/large-open-second.json';
    const secondText = text.replace('locked by another user', 'in conflict with another version');
    const diagnosticsOf = [client.nextDiagnostics(first, 30_000), client.nextDiagnostics(second, 30_000)];
    const open = (uri: string, t: string) =>
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'json', version: 1, text: t } },
      });
    sendRaw(client, open(first, text));
    sendRaw(client, open(second, secondText));
    const [a, b] = await Promise.all(diagnosticsOf);
    assert.deepEqual(
      a.diagnostics.map((d) => d.code),
      ['424-for-lock'],
    );
    assert.deepEqual(
      b.diagnostics.map((d) => d.code),
      ['424-for-conflict'],
    );
  });
});

describe('the stdio connection ends as the library’s does', () => {
  test('the client closing stdin without a shutdown ends the server with code 1', async () => {
    const client = new TestClient();
    await client.initialize();
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin!.end();
    assert.equal(await exited, 1);
    client.connection.dispose();
  });

  test('after a shutdown request, the end of stdin ends it with code 0', async () => {
    const client = new TestClient();
    await client.initialize();
    await client.connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin!.end();
    assert.equal(await exited, 0);
    client.connection.dispose();
  });
});

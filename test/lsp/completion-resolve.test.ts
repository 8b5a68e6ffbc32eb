/**
 * Completion documentation: inline for a client that cannot resolve items lazily; left out of the list, and
 * given by completionItem/resolve, for one that can (VS Code declares resolveSupport for documentation).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './client';

const text = `openapi: 3.0.0\npaths:\n  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n`;
const uri = 'file:///tmp/resolve.yaml';
const at = positionOf(text, "        '200'", 9);

async function listFrom(client: TestClient): Promise<CompletionList> {
  await client.open(uri, 'yaml', text);
  return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at })) as CompletionList;
}

describe('completion documentation', () => {
  const clients: TestClient[] = [];
  after(async () => {
    for (const client of clients) await client.shutdown();
  });

  test('inline for a client without resolveSupport', async () => {
    const client = new TestClient();
    clients.push(client);
    await client.initialize({ completionItem: { snippetSupport: true } });
    const item = (await listFrom(client)).items.find((i) => i.label === '424')!;
    assert.match((item.documentation as MarkupContent).value, /^# 424 Failed Dependency\n/);
  });

  test('on resolve for a client that asks for it', async () => {
    const client = new TestClient();
    clients.push(client);
    const result = (await client.initialize({
      completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } },
    })) as { capabilities: { completionProvider: { resolveProvider?: boolean } } };
    assert.equal(result.capabilities.completionProvider.resolveProvider, true);
    const list = await listFrom(client);
    assert.ok(list.items.length > 40 && list.items.every((i) => i.documentation === undefined));
    const item = list.items.find((i) => i.label === '424')!;
    const resolved = (await client.connection.sendRequest('completionItem/resolve', item)) as CompletionItem;
    assert.match((resolved.documentation as MarkupContent).value, /^# 424 Failed Dependency\n/);
    assert.deepEqual({ ...resolved, documentation: undefined }, { ...item, documentation: undefined }, 'nothing else changes');
  });
});

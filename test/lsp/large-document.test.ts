/**
 * A spec over a megabyte, over stdio: kept in chunks and checked in the scan worker (server/src/large/).
 * Everything a small document gets must still hold: diagnostics of the latest version, hover and completion
 * (from the adopted scan mapped through edits, or after a fresh scan when an edit touched the token).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './client';

const uri = 'file:///tmp/large-spec.yaml';

function largeSpec(): string {
  const operations: string[] = [];
  for (let i = 0; operations.join('').length < 1_100_000; i++) {
    operations.push(
      `  /items/${i}:\n    get:\n      summary: Read item ${i}\n      responses:\n        '200':\n          description: The item\n`,
    );
  }
  return `openapi: 3.0.0\ninfo:\n  title: Large\n  version: '1'\npaths:\n${operations.join('')}  /orders/{id}:\n    put:\n      responses:\n        '424':\n          description: The order is locked by another user\n`;
}

const hoverValue = async (client: TestClient, position: { line: number; character: number }) => {
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return hover && (hover.contents as MarkupContent).value;
};

describe('a large spec (checked in the scan worker)', () => {
  const client = new TestClient();
  let text = largeSpec();
  let version = 1;
  const change = async (
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    insert: string,
  ) => {
    version++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert }],
    });
  };
  const untilVersion = async (wanted: number) => {
    for (;;) {
      const published = await client.nextDiagnostics(uri, 20_000);
      if (published.version === wanted) return published.diagnostics;
      assert.ok((published.version ?? 0) < wanted, `diagnostics of version ${published.version} after ${wanted}`);
    }
  };

  before(async () => {
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('diagnostics, hover and completion after opening', async () => {
    const diagnostics = await client.open(uri, 'yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start]),
      [['424-for-lock', positionOf(text, "'424'", 1)]],
    );
    assert.match((await hoverValue(client, positionOf(text, "'424'", 2)))!, /^[^\n]+\n\n\*\*424 Failed Dependency\*\*/);
    assert.match((await hoverValue(client, positionOf(text, "'200'", 2)))!, /^\*\*200 OK\*\*/);
    const completion = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, "        '200':\n          description: The item", 9),
    })) as CompletionList;
    assert.ok(completion.items.some((item) => item.label === '404'));
  });

  test("the language status item's answer: an OpenAPI spec with its finding, from the worker's scan", async () => {
    const status = (await client.connection.sendRequest('httpStatusLens/status', { uri })) as Record<string, unknown>;
    assert.deepEqual([status.analysed, status.kind, status.findings], [true, 'openapi', 1]);
  });

  test('edits: answers move with the text, and the last version gets the diagnostics', async () => {
    // A line at the top moves every later position down by one.
    await change({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '# a note\n');
    text = text.replace('\ninfo:', '\n# a note\ninfo:');
    assert.match((await hoverValue(client, positionOf(text, "'424'", 2)))!, /^[^\n]+\n\n\*\*424 Failed Dependency\*\*/);
    for (let i = 0; i < 40; i++) await change({ start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, '!');
    text = text.replace('# a note', '# a note' + '!'.repeat(40));
    const diagnostics = await untilVersion(version);
    assert.deepEqual(diagnostics[0].range.start, positionOf(text, "'424'", 1));
  });

  test('an edit of the hovered key itself is answered from a fresh scan', async () => {
    const at = positionOf(text, "'424'", 1);
    await change({ start: at, end: { line: at.line, character: at.character + 3 } }, '409');
    text = text.replace("'424'", "'409'");
    assert.match((await hoverValue(client, positionOf(text, "'409'", 2)))!, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(await untilVersion(version), []);
  });

  test('typing: checks wait for a pause, and the scan keeps up over a long burst', async () => {
    // Keystrokes 150 ms apart: each would get its own check after the 100 ms debounce; during a burst
    // the check waits for a 200 ms pause instead (large/index.ts), so nothing is published meanwhile.
    let published = 0;
    let last = Infinity;
    const counting = (async () => {
      for (;;) {
        const next = await client.nextDiagnostics(uri, 60_000).catch(() => undefined);
        if (!next) return;
        published++;
        if (next.version === last) return;
      }
    })();
    for (let i = 0; i < 20; i++) {
      await change({ start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, '?');
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // More than REFRESH_WHILE_TYPING versions without a check: the server's copy of the scan is refreshed on the way.
    for (let i = 0; i < 500; i++) await change({ start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, '?');
    last = version;
    text = text.replace('# a note', '# a note' + '?'.repeat(520));
    assert.match((await hoverValue(client, positionOf(text, "'409'", 2)))!, /^\*\*409 Conflict\*\*/);
    await counting;
    // One publish, of the last version (a loaded machine may pause long enough for one more).
    assert.ok(published <= 2, `${published} publishes during the burst`);
  });

  test('closing clears the diagnostics', async () => {
    const cleared = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

describe('a large spec with a byte order mark and text beyond Latin-1: the worker copy agrees with the server one, offset for offset', () => {
  const client = new TestClient();
  const bomUri = 'file:///tmp/large-bom-spec.json';
  // One line, as minified specs are: a character lost or gained on the way to the worker shows in every position.
  const paths: string[] = [];
  for (let i = 0; paths.join(',').length < 1_100_000; i++)
    paths.push(`"/items/${i}":{"get":{"summary":"Élément ${i} — 日本語 🚀","responses":{"200":{"description":"OK"}}}}`);
  paths.push('"/orders/{id}":{"put":{"responses":{"424":{"description":"The order is locked by another user"}}}}');
  const text = `\ufeff{"openapi":"3.0.0","info":{"title":"Ünïcødé","version":"1"},"paths":{${paths.join(',')}}}`;

  before(async () => {
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('diagnostics and hover ranges stand where they are in the server copy', async () => {
    const diagnostics = await client.open(bomUri, 'json', text);
    const code = { start: positionOf(text, '"424":', 1), end: positionOf(text, '"424":', 4) };
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['424-for-lock', code]],
    );
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: bomUri },
      position: positionOf(text, '"424":', 2),
    })) as Hover | null;
    assert.deepEqual(hover?.range, code);
  });
});

describe('a dense document under a megabyte (issue 20, item 1)', () => {
  const client = new TestClient();
  before(async () => {
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('its first check runs in the worker: a hover on another document is answered meanwhile', async () => {
    // 420 KB, 30,000 status sites: its first check held the server's thread over a second.
    const dense = 'file:///tmp/dense-chain.py';
    const denseText = 'abort(' + '424 if x else '.repeat(30_000) + '409)\n';
    const small = 'file:///tmp/small.ts';
    const smallText = "app.get('/a', (req, res) => res.status(404));\n";
    const events: string[] = [];
    const denseChecked = client.nextDiagnostics(dense, 60_000).then((published) => (events.push('dense checked'), published));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: dense, languageId: 'python', version: 1, text: denseText },
    });
    await client.open(small, 'typescript', smallText);
    const hover = await hoverValueOf(client, small, positionOf(smallText, '404', 1));
    events.push('hover answered');
    assert.match(hover!, /\*\*404 Not Found\*\*/);
    const diagnostics = (await denseChecked).diagnostics;
    assert.deepEqual(events, ['hover answered', 'dense checked']);
    // The check itself is the same: the first 1,000 findings and a note counting the rest.
    assert.equal(diagnostics.length, 1001);
    assert.match(diagnostics[1000].message, /^29000 more findings in this file are not shown/);
  });
});

async function hoverValueOf(client: TestClient, uri: string, position: { line: number; character: number }) {
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return hover && (hover.contents as MarkupContent).value;
}

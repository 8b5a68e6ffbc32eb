/** Fix all and the rule documentation action, over stdio as VS Code asks for them. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './client';

const FIX_ALL = 'source.fixAll.httpStatusLens';

const handler = `function report(req, res) {
  res.status(424).end();
}

app.put('/orders/:id', (req, res) => {
  if (locked) return res.status(424).json({ error: 'The order is locked by another user' });
  if (stale) return res.status(424).json({ error: 'If-Match does not match the current ETag' });
});
`;

// Both raises want \`Locked\` imported at the same place: their fixes overlap, so fix-all needs a second pass.
const python = `from werkzeug.exceptions import FailedDependency

def lock_order():
    raise FailedDependency('The order is locked by another user')

def lock_invoice():
    raise FailedDependency('The invoice is locked for editing')
`;

describe('fix all (source.fixAll.httpStatusLens)', () => {
  const client = new TestClient();
  let version = 1;

  before(async () => {
    const result = (await client.initialize()) as { capabilities: { codeActionProvider: { codeActionKinds: string[] } } };
    assert.ok(result.capabilities.codeActionProvider.codeActionKinds.includes(FIX_ALL));
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  async function fixAll(uri: string, diagnostics: Diagnostic[] = [], only = [FIX_ALL]): Promise<CodeAction[]> {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only, triggerKind: 2 },
    })) as CodeAction[];
  }

  /** Applies the action's edits as an editor does, after checking that no two of them overlap. */
  function apply(text: string, uri: string, action: CodeAction): string {
    const edits = action.edit!.changes![uri];
    const document = TextDocument.create(uri, 'x', 1, text);
    const spans = edits
      .map((e: TextEdit) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)])
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], `edits overlap: ${JSON.stringify(edits)}`);
    return TextDocument.applyEdits(document, edits);
  }

  async function change(uri: string, text: string): Promise<Diagnostic[]> {
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ text }],
    });
    return (await next).diagnostics;
  }

  test('applies every preferred fix in one action, and none that is not preferred', async () => {
    const uri = 'file:///tmp/fix-all/orders.ts';
    const diagnostics = await client.open(uri, 'typescript', handler);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['424-without-dependency', '424-for-lock', '424-for-precondition'],
    );

    const actions = await fixAll(uri);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL);
    const fixed = apply(handler, uri, actions[0]);
    assert.match(fixed, /res\.status\(423\)\.json\(\{ error: 'The order is locked/);
    assert.match(fixed, /res\.status\(412\)\.json\(\{ error: 'If-Match/);
    // The third has no preferred fix (nothing says which code was meant): it stays, and no suppression is written.
    assert.match(fixed, /^  res\.status\(424\)\.end\(\);$/m);
    assert.doesNotMatch(fixed, /http-status-lens-disable/);

    // Idempotent: on the fixed text there is nothing left to fix.
    const left = await change(uri, fixed);
    assert.deepEqual(
      left.map((d) => d.code),
      ['424-without-dependency'],
    );
    assert.deepEqual(await fixAll(uri), []);
  });

  test('fixes that touch the same text become one edit, applied once', async () => {
    const uri = 'file:///tmp/fix-all/views.py';
    const diagnostics = await client.open(uri, 'python', python);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['424-for-lock', '424-for-lock'],
    );
    const [action] = await fixAll(uri);
    const fixed = apply(python, uri, action);
    assert.match(fixed, /^from werkzeug\.exceptions import FailedDependency, Locked\n/);
    assert.equal(fixed.match(/raise Locked\(/g)?.length, 2);
    assert.equal(fixed.match(/Locked\b/g)?.length, 3, 'Locked is imported once');
    assert.deepEqual(await change(uri, fixed), []);
    assert.deepEqual(await fixAll(uri), []);
  });

  test('fix-all comes only when asked for by kind; a quick-fix request does not get it', async () => {
    const uri = 'file:///tmp/fix-all/again.ts';
    const diagnostics = await client.open(uri, 'typescript', handler);
    assert.equal((await fixAll(uri, [], ['source'])).length, 1);
    assert.equal((await fixAll(uri, [], ['source.fixAll'])).length, 1);
    const quickFixes = await fixAll(uri, diagnostics, ['quickfix']);
    assert.ok(quickFixes.length > 0);
    assert.ok(quickFixes.every((a) => a.kind === 'quickfix'));
    // Without the client saying it opens rule pages, no documentation action is offered.
    assert.ok(!quickFixes.some((a) => a.title.startsWith('Show documentation')));
  });

  test('among the quick fixes of a finding: "Fix all" when the file has more than one fix, not when it has one', async () => {
    const uri = 'file:///tmp/fix-all/lightbulb.ts';
    const diagnostics = await client.open(uri, 'typescript', handler);
    const lock = diagnostics.find((d) => d.code === '424-for-lock')!;
    const actions = await fixAll(uri, [lock], ['quickfix']);
    const all = actions.find((a) => a.title === 'Fix all HTTP Status Lens problems in this file');
    assert.equal(all?.kind, 'quickfix');
    assert.ok(!all!.isPreferred, "the finding's own fix stays the preferred one");
    assert.match(apply(handler, uri, all!), /status\(423\)[\s\S]*status\(412\)/);

    const single = 'file:///tmp/fix-all/single.ts';
    const one = handler.replace('If-Match does not match the current ETag', 'done');
    const [, onlyLock] = await client.open(single, 'typescript', one.replace("res.status(424).json({ error: 'done' })", 'res.end()'));
    assert.equal(onlyLock.code, '424-for-lock');
    const alone = await fixAll(single, [onlyLock], ['quickfix']);
    assert.ok(!alone.some((a) => a.title.startsWith('Fix all')), alone.map((a) => a.title).join(' | '));
  });

  test('builds on the text the server holds, not on fixes a client sends back', async () => {
    const uri = 'file:///tmp/fix-all/forged.ts';
    const diagnostics = await client.open(uri, 'typescript', handler);
    const forged = diagnostics.map((d) => ({
      ...d,
      data: { fixes: [{ title: 'forged', isPreferred: true, edit: { changes: { [uri]: [{ range: d.range, newText: 'evil()' }] } } }] },
    }));
    const [action] = await fixAll(uri, forged);
    assert.doesNotMatch(apply(handler, uri, action), /evil/);
  });
});

describe('rule documentation actions', () => {
  const client = new TestClient();
  before(async () => void (await client.initialize(undefined, { clientCommands: ['httpStatusLens.showRuleDocumentation'] })));
  after(async () => assert.equal(await client.shutdown(), 0));

  test('one "Show documentation for <rule>" beside the quick fixes of each rule', async () => {
    const uri = 'file:///tmp/docs/orders.ts';
    const diagnostics = await client.open(uri, 'typescript', handler);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    const documentation = actions.filter((a) => a.command?.command === 'httpStatusLens.showRuleDocumentation');
    assert.deepEqual(
      documentation.map((a) => [a.title, a.command!.arguments]),
      diagnostics.map((d) => [`Show documentation for ${d.code}`, [d.code]]),
    );
    assert.ok(documentation.every((a) => a.kind === 'quickfix' && !a.edit && !a.isPreferred));
    // The quick fixes are still there, before the documentation.
    assert.equal(actions.at(-1)!.title, 'Show documentation for 424-for-precondition');
    assert.ok(actions.findIndex((a) => a.isPreferred) < actions.findIndex((a) => a.command !== undefined));
  });
});

describe('httpStatusLens/status', () => {
  const client = new TestClient();
  before(async () => void (await client.initialize()));
  after(async () => assert.equal(await client.shutdown(), 0));

  const status = (uri: string) => client.connection.sendRequest('httpStatusLens/status', { uri }) as Promise<Record<string, unknown>>;

  test('an analysed source file: its kind, rules and findings', async () => {
    const uri = 'file:///tmp/status/orders.ts';
    await client.open(uri, 'typescript', handler);
    const answer = await status(uri);
    assert.equal(answer.analysed, true);
    assert.equal(answer.kind, 'code');
    assert.equal(answer.findings, 3);
    assert.equal((answer.rules as Record<string, string>)['424-for-lock'], 'warning');
    assert.deepEqual(answer.configFiles, []);
  });

  test('a YAML file that is no spec, and a language turned off, say why they are not analysed', async () => {
    const yaml = 'file:///tmp/status/compose.yaml';
    await client.open(yaml, 'yaml', 'services:\n  web:\n    image: nginx\n');
    const answer = await status(yaml);
    assert.equal(answer.analysed, false);
    assert.match(String(answer.reason), /Not an OpenAPI document/);

    client.settings = { languages: ['yaml'] };
    const next = client.nextDiagnostics('file:///tmp/status/orders.ts');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await next;
    const off = await status('file:///tmp/status/orders.ts');
    assert.equal(off.analysed, false);
    assert.match(String(off.reason), /typescript` is not in the httpStatusLens\.languages setting/);
    client.settings = {};
  });
});

describe('virtual workspaces on the desktop: config files from the client', () => {
  const folder = 'vscode-vfs://github/shop/orders';
  const asked: string[] = [];

  async function start(initializationOptions: object): Promise<TestClient> {
    const client = new TestClient();
    client.connection.onRequest('httpStatusLens/configFiles', ({ uri }: { uri: string }) => {
      asked.push(uri);
      return { files: [{ uri: `${folder}/.http-status-lens.json`, text: '{ "rules": { "424-for-lock": "error" } }' }] };
    });
    await client.initialize(undefined, initializationOptions);
    return client;
  }

  test('a client that offers them is asked, and the config applies', async () => {
    const client = await start({ configFiles: true });
    const uri = `${folder}/src/orders.ts`;
    const diagnostics = await client.open(uri, 'typescript', handler);
    assert.deepEqual(asked, [uri]);
    assert.equal(diagnostics.find((d) => d.code === '424-for-lock')?.severity, 1);
    const status = (await client.connection.sendRequest('httpStatusLens/status', { uri })) as { configFiles: string[] };
    assert.deepEqual(status.configFiles, [`${folder}/.http-status-lens.json`]);
    assert.equal(await client.shutdown(), 0);
  });

  test('a client that does not say so is never asked: its settings apply alone', async () => {
    asked.length = 0;
    const client = await start({});
    const diagnostics = await client.open(`${folder}/src/orders.ts`, 'typescript', handler);
    assert.deepEqual(asked, []);
    assert.equal(diagnostics.find((d) => d.code === '424-for-lock')?.severity, 2);
    assert.equal(await client.shutdown(), 0);
  });
});

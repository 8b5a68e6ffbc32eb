/**
 * The editor's join over the open documents (server/src/handlers/project.ts) in a burst of changes: one
 * rebuild of the index per burst once its rebuild budget is spent, the put-off findings delivered by one
 * check of each document after the pause, and typing in one document still answered at once.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenProject } from '../../server/src/handlers/project';
import { defaultSettings, getLanguageService } from '../../server/src/service';

const service = getLanguageService();
const spec = `openapi: 3.0.0
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: OK
`;
const handler = (n: number) => `router.get('/orders/:id', (req, res) => {\n  res.status(410).json({ n: ${n} });\n});\n`;

/** Open documents as the server's TextDocuments holds them, and a project over them. */
function editor(rebuildBudgetMs: number) {
  const open = new Map<string, TextDocument>();
  const documents = { all: () => [...open.values()], get: (uri: string) => open.get(uri) } as unknown as TextDocuments<TextDocument>;
  const rechecked: string[] = [];
  const faults: string[] = [];
  const project = new OpenProject(
    documents,
    service,
    (m) => faults.push(m),
    (d) => rechecked.push(d.uri),
    { settleMs: 30, rebuildBudgetMs },
  );
  const settings = defaultSettings();
  return {
    project,
    rechecked,
    faults,
    open(uri: string, languageId: string, text: string) {
      const document = TextDocument.create(uri, languageId, 1, text);
      open.set(uri, document);
      project.changed(document);
      return document;
    },
    edit(document: TextDocument, text: string) {
      const edited = TextDocument.update(document, [{ text }], document.version + 1);
      open.set(document.uri, edited);
      project.changed(edited);
      return edited;
    },
    close(document: TextDocument) {
      open.delete(document.uri);
      project.changed(document, true);
    },
    found(document: TextDocument) {
      return project.diagnostics(open.get(document.uri) ?? document, settings).filter((d) => d.code === 'status-not-in-spec').length;
    },
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('the open project in a burst of changes', () => {
  test('a burst past its rebuild budget builds the index once, after the pause, and checks each put-off document again', async () => {
    const e = editor(0);
    e.open('file:///p/openapi.yaml', 'yaml', spec);
    const handlers = Array.from({ length: 40 }, (_, i) => e.open(`file:///p/h${i}.js`, 'javascript', handler(i)));
    // Budget 0: every document the burst changed waits for the pause.
    assert.deepEqual(
      handlers.map((d) => e.found(d)),
      Array(40).fill(0),
      'put off during the burst',
    );
    assert.equal(e.project.builds, 0);
    await pause();
    assert.equal(new Set(e.rechecked).size, e.rechecked.length, 'each document checked once');
    assert.ok(
      handlers.every((d) => e.rechecked.includes(d.uri)),
      'every handler checked again after the pause',
    );
    assert.deepEqual(
      handlers.map((d) => e.found(d)),
      Array(40).fill(1),
      'the findings after the pause',
    );
    assert.equal(e.project.builds, 1, 'one build for all of them');
    assert.deepEqual(e.faults, []);
  });

  test('within its budget a burst answers at once (a spec and a handler opened together)', async () => {
    const e = editor(10_000);
    e.open('file:///p/openapi.yaml', 'yaml', spec);
    const h = e.open('file:///p/h.js', 'javascript', handler(1));
    assert.equal(e.found(h), 1);
    await pause();
  });

  test('typing in one document rebuilds at each check, even with the budget spent', async () => {
    const e = editor(0);
    e.open('file:///p/openapi.yaml', 'yaml', spec);
    let h = e.open('file:///p/h.js', 'javascript', handler(1));
    await pause();
    e.rechecked.length = 0;
    h = e.edit(h, handler(2).replace('410', '409'));
    assert.equal(e.found(h), 1);
    h = e.edit(h, handler(2).replace('410', '200'));
    assert.equal(e.found(h), 0, 'the finding follows the text at once');
    await pause();
    assert.ok(!e.rechecked.includes(h.uri), 'its own last check was current: not checked again');
  });

  test('after a burst, only the documents whose findings it changed are checked (and published) again', async () => {
    const e = editor(10_000);
    const yaml = e.open('file:///p/openapi.yaml', 'yaml', spec);
    const handlers = Array.from({ length: 5 }, (_, i) => e.open(`file:///p/h${i}.js`, 'javascript', handler(i)));
    [yaml, ...handlers].forEach((d) => e.found(d));
    await pause();
    e.rechecked.length = 0;
    // Another spec, of other paths: it takes part in the join, but no handler's finding changes.
    const other = e.open('file:///p/other.yaml', 'yaml', spec.replace('/orders/{id}', '/invoices/{id}'));
    e.found(other);
    await pause();
    assert.deepEqual(e.rechecked, []);
    // A spec that declares the handlers' 410: each of them changes, and only they are checked again.
    e.edit(other, spec.replace("'200'", "'410'").replace('/orders/{id}', '/invoices/{id}'));
    e.edit(yaml, spec + "        '410':\n          description: Gone\n");
    await pause();
    assert.deepEqual([...e.rechecked].sort(), handlers.map((d) => d.uri).sort(), 'the specs found nothing before or after');
    assert.deepEqual(
      handlers.map((d) => e.found(d)),
      Array(5).fill(0),
    );
  });

  test('closing the spec in a burst takes the findings away after the pause, and the closed spec leaves the index', async () => {
    const e = editor(0);
    const yaml = e.open('file:///p/openapi.yaml', 'yaml', spec);
    const handlers = Array.from({ length: 5 }, (_, i) => e.open(`file:///p/h${i}.js`, 'javascript', handler(i)));
    await pause();
    assert.deepEqual(
      handlers.map((d) => e.found(d)),
      Array(5).fill(1),
    );
    e.close(yaml);
    e.edit(handlers[0], handler(9));
    await pause();
    assert.ok(handlers.every((d) => e.rechecked.includes(d.uri)));
    assert.deepEqual(
      handlers.map((d) => e.found(d)),
      Array(5).fill(0),
    );
  });
});

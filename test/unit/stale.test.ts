/**
 * Hover and completion on a large spec from its last scan, mapped through the edits made since: the answers
 * equal those of a fresh scan wherever the edits did not touch (large/stale.ts, in the server's thread: no worker).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, LARGE_SIZE, createAnalysis } from '../../server/src/large';
import { getLanguageService } from '../../server/src/service';

/** A spec over the size where the last scan is reused: many operations, one with a 424. */
function bigSpec(): string {
  let text = 'openapi: 3.0.0\npaths:\n';
  let i = 0;
  while (text.length < LARGE_SIZE + 1000) {
    text += `  /items${i++}:\n    get:\n      summary: Item\n      responses:\n        '200':\n          description: ok\n`;
  }
  return text + `  /last:\n    delete:\n      responses:\n        '424':\n          description: Could not delete.\n`;
}

function edit(document: TextDocument, edits: Edits, offset: number, insert: string): TextDocument {
  const range = { start: document.positionAt(offset), end: document.positionAt(offset) };
  edits.record(document.uri, document.version + 1, { start: offset, end: offset, inserted: insert.length });
  return TextDocument.create(
    document.uri,
    document.languageId,
    document.version + 1,
    TextDocument.applyEdits(document, [{ range, newText: insert }]),
  );
}

/** The edits as the document store tells them to the analysis. */
type Edits = { record: Analysis['edited'] };

function setup() {
  // No scan worker: a large document is analysed in this thread.
  const reusing = createAnalysis(getLanguageService());
  const edits: Edits = { record: (uri, version, change) => reusing.edited(uri, version, change) };
  const original = TextDocument.create('file:///big.yaml', 'yaml', 1, bigSpec());
  reusing.scanned(original);
  // Type a comment near the top: every later offset moves.
  const edited = edit(original, edits, original.getText().indexOf('paths:'), '# note\n');
  return { edits, reusing, edited };
}

describe('answers from the last scan while editing a large spec', () => {
  const fresh = getLanguageService();

  test('hover below the edit equals a fresh scan, range included', async () => {
    const { reusing, edited } = setup();
    const at = edited.positionAt(edited.getText().lastIndexOf("'424'") + 2);
    const answer = await reusing.hover(edited, at);
    assert.ok(answer);
    assert.deepEqual(answer, fresh.doHover(edited, at));
  });

  test('completion on a new key below the edit equals a fresh scan', async () => {
    const { edits, reusing, edited } = setup();
    const typed = edit(edited, edits, edited.getText().length, "        '4");
    const at = typed.positionAt(typed.getText().length);
    const answer = await reusing.complete(typed, at);
    assert.ok(answer && answer.items.length > 50);
    assert.deepEqual(answer, fresh.doComplete(typed, at));
  });

  test('the answer comes from the last scan: a key typed since is not known yet', async () => {
    const { edits, reusing, edited } = setup();
    const added = edit(edited, edits, edited.getText().length, "        '409':\n          description: Conflict.\n");
    const typed = edit(added, edits, added.getText().length, '        ');
    const at = typed.positionAt(typed.getText().length);
    const labels = (list: Awaited<ReturnType<typeof reusing.complete>>) => list!.items.map((i) => i.label);
    assert.ok(labels(await reusing.complete(typed, at)).includes('409'));
    assert.ok(!labels(fresh.doComplete(typed, at)).includes('409'));
  });

  test('an edit inside the token falls back to a fresh scan', async () => {
    const { edits, reusing, edited } = setup();
    const offset = edited.getText().lastIndexOf("'424'") + 2;
    const changed = edit(edited, edits, offset, '2');
    const at = changed.positionAt(offset);
    assert.deepEqual(await reusing.hover(changed, at), fresh.doHover(changed, at));
    assert.match(((await reusing.hover(changed, at))!.contents as { value: string }).value, /4224/);
  });

  test('a full-text change breaks the chain', async () => {
    const { edits, reusing, edited } = setup();
    edits.record(edited.uri, edited.version + 1, undefined);
    const replaced = TextDocument.create(edited.uri, 'yaml', edited.version + 1, edited.getText().replace("'424'", "'409'"));
    const at = replaced.positionAt(replaced.getText().lastIndexOf("'409'") + 2);
    assert.match(((await reusing.hover(replaced, at))!.contents as { value: string }).value, /409 Conflict/);
  });

  test('JSON: a key typed in a map is offered codes, one typed inside a response or past every map is not', async () => {
    const inMap = await typedInJson('"responses"', '          ');
    assert.ok(inMap && inMap.length > 50 && !inMap.includes('424'), 'the last map, its 424 already there');
    assert.equal(await typedInJson('"424"', '            '), undefined, 'inside the 424 response');
    assert.equal(await typedInJson('"Item"', '        '), undefined, 'in a schema, past every map');
  });
});

/**
 * The labels offered for `"4` typed on a new line after the `{` that follows the last `marker`, from the last scan of
 * a large JSON spec edited at its top since: blanks longer than a response object, so every later map and
 * response moved past where it was.
 */
async function typedInJson(marker: string, indent: string): Promise<string[] | undefined> {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < LARGE_SIZE / 60; i++) paths[`/items${i}`] = { get: { responses: { '200': { description: 'ok' } } } };
  paths['/last'] = { delete: { responses: { '424': { description: 'Could not delete.' } } } };
  const spec = { openapi: '3.0.0', paths, components: { schemas: { Item: { type: 'object' } } } };
  const reusing = createAnalysis(getLanguageService());
  const edits: Edits = { record: (uri, version, change) => reusing.edited(uri, version, change) };
  const original = TextDocument.create('file:///big.json', 'json', 1, JSON.stringify(spec, null, 2));
  reusing.scanned(original);
  const edited = edit(original, edits, 1, ' '.repeat(500));
  const text = edited.getText();
  const at = text.indexOf('{', text.lastIndexOf(marker)) + 1;
  const typed = edit(edited, edits, at, `\n${indent}"4`);
  return (await reusing.complete(typed, typed.positionAt(at + indent.length + 3)))?.items.map((item) => item.label);
}

/**
 * A JSON spec re-scanned where it was edited (server/src/service/scanners/openapi/incremental.ts) equals a
 * whole scan of the edited text: every site (place, code, message, note, suppressions, where a suppression
 * goes, its operation's codes, words and responses) and every completion slot. Edits are random: inside
 * descriptions and keys, braces and quotes typed in, lines joined, several edits between two scans.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog, getLanguageService } from '../../server/src/service';
import type { CompletionSlot, ScannedDocument, Scope } from '../../server/src/service/model';
import { scan } from '../../server/src/service/scanners';
import { rescanEdited } from '../../server/src/service/scanners/openapi/incremental';

const examples = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const specs = ['3.0/json/petstore-expanded.json', '3.1/json/train-travel.json', '2.0/json/petstore.json', '3.0/json/callbacks.json']
  .map((file) => path.join(examples, file))
  .filter((file) => fs.existsSync(file))
  .map((file) => fs.readFileSync(file, 'utf8'));

/** A spec with what the re-scan must carry over: a $ref'd response's note, ignore lists, 3.2's additionalOperations, a callback. */
const handmade = JSON.stringify(
  {
    openapi: '3.2.0',
    paths: {
      '/orders/{id}': {
        get: {
          operationId: 'getOrder',
          description: 'Reads the order',
          responses: { '200': { description: 'ok' }, '424': { $ref: '#/components/responses/Locked' } },
        },
        put: {
          'x-http-status-lens-ignore': ['424-without-dependency'],
          responses: { '409': { description: 'The order already exists' }, '424': { description: 'x' } },
          callbacks: { done: { '{$url}': { post: { responses: { '424': { description: 'upstream timed out' } } } } } },
        },
        additionalOperations: {
          PROPPATCH: { responses: { '424': { description: 'an earlier property failed', 'x-http-status-lens-ignore': [] }, '207': {} } },
        },
      },
      '/batch': { post: { summary: 'Apply a batch', responses: { '4XX': { description: 'bad' }, default: {} } } },
    },
    components: {
      responses: { Locked: { description: 'The order is locked' } },
      schemas: { Order: { type: 'object', description: 'An order', properties: { id: { type: 'string' } } } },
    },
  },
  null,
  2,
);

/** What a feature can read of a scan, as plain data (scopes by their contents, not their identity). */
function view(scanned: ScannedDocument): unknown {
  const scope = (s: Scope) => ({
    words: s.words(),
    codes: [...s.codes].sort(),
    method: s.method,
    webdav: s.webdavMethod,
    array: s.arrayOfOperations,
    keys: s.responses?.keys,
  });
  return {
    kind: scanned.kind,
    syntaxErrors: scanned.syntaxErrors,
    sites: scanned.sites.map((site) => ({ ...site, scope: scope(site.scope), suppressed: [...site.suppressed].sort() })),
    slots: (scanned.slots ?? []).map((slot: CompletionSlot) => ({ ...slot, scope: scope(slot.scope) })),
  };
}

/** Mostly words, as people type; sometimes what changes the structure (a quote, a brace, a comment...). */
const typed = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', ' ', 'x', '4', 'locked by ', '') },
  { weight: 1, arbitrary: fc.constantFrom('"', '}', '{', ',', ':', '\n', '\\', '/*', '[', ']', '"424": {}') },
);

interface Change {
  at: number;
  /** Moves the edit to the start of the next description's text. */
  inText?: boolean;
  remove: number;
  text: string;
}

/** Where an edit goes: anywhere (mostly a syntax error: a whole scan), or inside a description, as people type. */
const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), inText: fc.boolean(), remove: fc.nat(3), text: typed });

/** Applies changes to a document as an editor would, one version each, recording them in the log. */
function edit(document: TextDocument, edits: EditLog, changes: Change[]): TextDocument {
  for (const c of changes) {
    const text = document.getText();
    const length = text.length;
    let start = Math.floor(c.at * length);
    const description = c.inText ? text.indexOf('"description": "', start) : -1;
    if (description >= 0) start = description + '"description": "'.length;
    const end = Math.min(length, start + c.remove);
    const version = document.version + 1;
    edits.record(document.uri, version, { start, end, inserted: c.text.length });
    document = TextDocument.update(
      document,
      [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: c.text }],
      version,
    );
  }
  return document;
}

test('a re-scan of the edited operation equals a whole scan of the edited text', () => {
  assert.ok(specs.length >= 3, 'the example specs are missing');
  let incremental = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.constantFrom(handmade, ...specs), fc.array(change, { minLength: 1, maxLength: 3 }), (text, changes) => {
      const before = TextDocument.create('file:///spec.json', 'json', 1, text);
      const edits = new EditLog();
      const previous = scan(before);
      const after = edit(before, edits, changes);
      const rescanned = rescanEdited(previous, edits.changes(after.uri, 1, after.version)!, after);
      runs++;
      if (!rescanned) return;
      incremental++;
      assert.deepEqual(view(rescanned), view(scan(after)));
    }),
    { numRuns: 1500 },
  );
  // Many random edits break the JSON or land outside an operation (a whole scan); enough must be re-scanned to test it.
  assert.ok(incremental > runs / 20, `only ${incremental} of ${runs} edits were re-scanned by operation`);
});

test('edits one after another, each re-scanned from the last (the cache through the edit log)', () => {
  const edits = new EditLog();
  const service = getLanguageService({ edits });
  let document = TextDocument.create('file:///spec.json', 'json', 1, handmade);
  service.scan(document);
  const at = (needle: string) => handmade.indexOf(needle) / handmade.length;
  const steps: Change[][] = [
    [{ at: at('Reads the order') + 0.0001, remove: 0, text: 'x' }],
    [{ at: at('The order already'), remove: 0, text: 'lock ' }],
    [{ at: at('"409"'), remove: 0, text: '"423": {"description": "locked"}, ' }],
    [{ at: at('Apply a batch'), remove: 5, text: 'Run' }],
    [{ at: at('An order'), remove: 0, text: 'locked ' }],
    [
      { at: at('upstream'), remove: 0, text: 'the ' },
      { at: at('an earlier'), remove: 0, text: 'z' },
    ],
  ];
  for (const step of steps) {
    document = edit(document, edits, step);
    assert.deepEqual(view(service.scan(document)), view(scan(document)), `after ${JSON.stringify(step)}`);
    assert.deepEqual(
      service.doValidation(document).map((d) => [d.code, d.range, d.message]),
      getLanguageService()
        .doValidation(document)
        .map((d) => [d.code, d.range, d.message]),
    );
  }
});

test('what a re-scan leaves to a whole scan: a named response, a comment, a broken brace', () => {
  const previous = scan(TextDocument.create('file:///spec.json', 'json', 1, handmade));
  const tryEdit = (needle: string, offsetInNeedle: number, text: string, remove = 0) => {
    const edits = new EditLog();
    const before = TextDocument.create('file:///spec.json', 'json', 1, handmade);
    const start = handmade.indexOf(needle) + offsetInNeedle;
    const after = edit(before, edits, [{ at: start / handmade.length + 1e-9, remove, text }]);
    return rescanEdited(previous, edits.changes(after.uri, 1, after.version)!, after);
  };
  assert.ok(tryEdit('Reads the order', 1, 'x'), 'inside a description: re-scanned');
  assert.ok(tryEdit('An order', 1, 'x'), 'inside a schema: re-scanned');
  assert.equal(tryEdit('The order is locked', 1, 'x'), undefined, 'in a named response, which $refs show');
  assert.ok(tryEdit('"id": {', 0, '"x": 1, '), 'a property typed inside a schema: re-scanned');
  assert.equal(tryEdit('"Order": {', 0, '"Pet": {}, '), undefined, 'a schema added: between two regions');
  assert.equal(tryEdit('"responses"', 0, '/* c */ '), undefined, 'a comment');
  assert.equal(tryEdit('"description": "Reads', 0, '}'), undefined, 'a brace that closes the operation early');
  assert.equal(tryEdit('Reads the order', 1, '"'), undefined, 'an unbalanced quote');
});

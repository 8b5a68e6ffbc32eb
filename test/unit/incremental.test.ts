/**
 * A spec re-scanned where it was edited (server/src/service/scanners/openapi/incremental.ts) equals a whole
 * scan of the edited text: every site (place, code, message, note, suppressions, where a suppression goes,
 * its operation's codes, words and responses) and every completion slot, in JSON and in YAML. Edits are
 * random: inside descriptions and keys, braces and quotes typed in, lines joined or replaced, indentation
 * changed, keys added at the top level, several edits between two scans.
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
const read = (files: string[]) =>
  files
    .map((file) => path.join(examples, file))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'));
const specs = read(['3.0/json/petstore-expanded.json', '3.1/json/train-travel.json', '2.0/json/petstore.json', '3.0/json/callbacks.json']);
const yamlSpecs = read([
  '3.0/yaml/petstore-expanded.yaml',
  '3.1/yaml/train-travel.yaml',
  '2.0/yaml/petstore.yaml',
  '3.0/yaml/callbacks.yaml',
]);

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

/**
 * The same in YAML as people write it, with what YAML adds: comments (one that silences a line), block
 * scalars, empty flow collections, block sequences (one at its key's indentation), an empty `responses:`,
 * blank lines between operations.
 */
const handmadeYaml = [
  '# Orders',
  'openapi: 3.2.0',
  'paths:',
  '  /orders/{id}:',
  '    get:',
  '      operationId: getOrder',
  '      description: |',
  '        Reads the order',
  '        and its lines.',
  '',
  '      x-octokit: {}',
  '      responses:',
  "        '200':",
  '          description: ok',
  "        '424':",
  "          $ref: '#/components/responses/Locked'",
  '',
  '    put:',
  '      x-http-status-lens-ignore:',
  '        - 424-without-dependency',
  '      tags: []',
  '      responses:',
  "        '409':",
  '          description: The order already exists',
  '        # http-status-lens-disable-next-line 424-for-upstream-failure',
  "        '424':",
  '          description: >-',
  '            the payment service',
  '            timed out',
  '      callbacks:',
  '        done:',
  "          '{$url}':",
  '            post:',
  '              responses:',
  "                '424':",
  '                  description: upstream timed out',
  '    delete:',
  '      summary: Remove it',
  '      responses:',
  '    additionalOperations:',
  '      PROPPATCH:',
  '        responses:',
  "          '424':",
  '            description: an earlier property failed',
  '            x-http-status-lens-ignore: []',
  "          '207': {}",
  '  /batch:',
  '    post:',
  '      summary: Apply a batch',
  '      responses:',
  '        4XX: { description: bad }',
  '        default: {}',
  'components:',
  '  responses:',
  '    Locked:',
  '      description: The order is locked',
  '  schemas:',
  '    Order:',
  '      type: object',
  '      description: An order',
  '      required:',
  '      - id',
  '      properties:',
  '        id:',
  '          type: string',
  '    # the next one',
  '    Line:',
  '      type: object',
  'x-tail:',
  '  list:',
  '  - a',
  '  after: b',
  '',
].join('\n');

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
    // Read as features read them (a response key's site works out most of them: not own properties).
    sites: scanned.sites.map((site) => ({
      code: site.code,
      text: site.text,
      start: site.start,
      end: site.end,
      role: site.role,
      spelling: site.spelling,
      message: site.message,
      note: site.note,
      suppressAt: site.suppressAt,
      scope: scope(site.scope),
      suppressed: [...site.suppressed].sort(),
    })),
    slots: (scanned.slots ?? []).map((slot: CompletionSlot) => ({ ...slot, scope: scope(slot.scope) })),
  };
}

/** Mostly words, as people type; sometimes what changes the structure (a quote, a brace, a comment...). */
const typed = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', ' ', 'x', '4', 'locked by ', '') },
  { weight: 1, arbitrary: fc.constantFrom('"', '}', '{', ',', ':', '\n', '\\', '/*', '[', ']', '"424": {}') },
);

/** The same for YAML: indentation, keys and entries, block scalar and flow indicators, anchors, aliases, comments, tabs, markers. */
const typedYaml = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', ' ', 'x', '4', 'locked by ', '', '  ') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\n',
      ':',
      ': ',
      '- ',
      '\n  ',
      "'424':\n  description: locked",
      "\n'424': {}",
      'top: 1\n',
      '\nx-top: 1',
      '    ',
      "        '424':\n          description: the lock is held\n",
      'type: string\n',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '"',
      "'",
      '#',
      ' # c',
      ' # http-status-lens-disable-next-line',
      '{',
      '[',
      ']',
      '}',
      '{a: 1,\n b: 2}',
      '|',
      '>',
      '|+\n',
      '&a ',
      '*a',
      '<<: *a\n',
      '\t',
      '---\n',
      '...\n',
      '? ',
      '\r',
    ),
  },
);

interface Change {
  at: number;
  /** Moves the edit to the start of the next description's text (`inText`), the start or end of its line, or replaces its line. */
  inText?: boolean;
  place?: 'line start' | 'line end' | 'line';
  remove: number;
  text: string;
}

/** Where an edit goes: anywhere (mostly a syntax error: a whole scan), or inside a description, as people type. */
const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), inText: fc.boolean(), remove: fc.nat(3), text: typed });

/** YAML edits, also at a line's start (its indentation), its end, or replacing it whole. */
const yamlChange = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  inText: fc.boolean(),
  place: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('line start' as const, 'line end' as const, 'line' as const) },
  ),
  remove: fc.nat(3),
  text: typedYaml,
});

/** Applies changes to a document as an editor would, one version each, recording them in the log. */
function edit(document: TextDocument, edits: EditLog, changes: Change[]): TextDocument {
  const needle = document.languageId === 'yaml' ? 'description: ' : '"description": "';
  for (const c of changes) {
    const text = document.getText();
    const length = text.length;
    let start = Math.floor(c.at * length);
    const description = c.inText ? text.indexOf(needle, start) : -1;
    if (description >= 0) start = description + needle.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', start) < 0 ? length : text.indexOf('\n', start);
    let end = Math.min(length, start + c.remove);
    if (c.place === 'line start') end = start = lineStart;
    else if (c.place === 'line end') end = start = lineEnd;
    else if (c.place === 'line') [start, end] = [lineStart, lineEnd];
    // A position cannot fall between a CR and its LF: the edit is where the editor's range puts it.
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const version = document.version + 1;
    edits.record(document.uri, version, {
      start: document.offsetAt(range.start),
      end: document.offsetAt(range.end),
      inserted: c.text.length,
    });
    document = TextDocument.update(document, [{ range, text: c.text }], version);
  }
  return document;
}

/**
 * Random edits to random texts: where the re-scan takes them, its scan equals a whole scan's, and so do the
 * diagnostics of the service that re-scans (through the edit log) and of one that does not. Returns how
 * many of how many were re-scanned.
 */
function reScansAsWhole(
  languageId: string,
  texts: string[],
  changes: fc.Arbitrary<Change>,
  numRuns: number,
): { incremental: number; runs: number } {
  let incremental = 0;
  let runs = 0;
  const diagnostics = (service: ReturnType<typeof getLanguageService>, document: TextDocument) =>
    service.doValidation(document).map((d) => [d.code, d.range, d.message, d.data]);
  fc.assert(
    fc.property(fc.constantFrom(...texts), fc.array(changes, { minLength: 1, maxLength: 3 }), (text, changes) => {
      const before = TextDocument.create(`file:///spec.${languageId}`, languageId, 1, text);
      const edits = new EditLog();
      const previous = scan(before);
      const service = getLanguageService({ edits });
      service.scan(before);
      // (TextDocument.update edits `before` in place.)
      const after = edit(before, edits, changes);
      const rescanned = rescanEdited(previous, edits.changes(after.uri, 1, after.version)!, after);
      runs++;
      if (!rescanned) return;
      incremental++;
      assert.deepEqual(view(rescanned), view(scan(after)));
      assert.deepEqual(diagnostics(service, after), diagnostics(getLanguageService(), after));
    }),
    { numRuns },
  );
  return { incremental, runs };
}

test('a re-scan of the edited operation equals a whole scan of the edited text (JSON)', () => {
  assert.ok(specs.length >= 3, 'the example specs are missing');
  const { incremental, runs } = reScansAsWhole('json', [handmade, ...specs], change, 1500);
  // Many random edits break the JSON or land outside an operation (a whole scan); enough must be re-scanned to test it.
  assert.ok(incremental > runs / 20, `only ${incremental} of ${runs} edits were re-scanned by operation`);
});

test('a re-scan of the edited region equals a whole scan of the edited text (YAML)', () => {
  assert.ok(yamlSpecs.length >= 3, 'the example specs are missing');
  const texts = [handmadeYaml, handmadeYaml.replace(/\n/g, '\r\n'), ...yamlSpecs];
  const { incremental, runs } = reScansAsWhole('yaml', texts, yamlChange, Number(process.env.YAML_RUNS ?? 4000));
  assert.ok(incremental > runs / 20, `only ${incremental} of ${runs} edits were re-scanned by region`);
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

test('YAML edits one after another, each re-scanned from the last, diagnostics as a whole scan gives them', () => {
  const edits = new EditLog();
  const service = getLanguageService({ edits });
  let document = TextDocument.create('file:///spec.yaml', 'yaml', 1, handmadeYaml);
  service.scan(document);
  const steps: [needle: string, offset: number, remove: number, text: string][] = [
    ['Reads the order', 1, 0, 'x'],
    ['and its lines.', 0, 0, 'locks '],
    ['an earlier property', 3, 0, 'dependent '],
    ['Apply a batch', 0, 5, 'Run'],
    ["'207': {}", 0, 0, "'423':\n            description: locked\n          "],
    ['summary: Remove it\n      responses:', 35, 0, "\n        '424':\n          description: a previous step failed"],
    ['An order', 0, 0, 'locked '],
    ['  - a', 5, 0, '\n  - b'],
  ];
  for (const [needle, offset, remove, text] of steps) {
    const at = document.getText().indexOf(needle) + offset;
    // The last scan, itself a re-scan after the first step.
    const previous = service.scan(document);
    document = edit(document, edits, [{ at: at / document.getText().length + 1e-9, remove, text }]);
    assert.ok(
      rescanEdited(previous, edits.changes(document.uri, document.version - 1, document.version)!, document),
      `re-scanned: ${needle}`,
    );
    assert.deepEqual(view(service.scan(document)), view(scan(document)), `after ${needle}`);
    assert.deepEqual(
      service.doValidation(document).map((d) => [d.code, d.range, d.message, d.data]),
      getLanguageService()
        .doValidation(document)
        .map((d) => [d.code, d.range, d.message, d.data]),
    );
  }
});

test('what a YAML re-scan leaves to a whole scan: indentation, comments that silence, aliases, documents, flows', () => {
  const rescan = (text: string, needle: string, offsetInNeedle: number, inserted: string, remove = 0) => {
    const before = TextDocument.create('file:///spec.yaml', 'yaml', 1, text);
    const previous = scan(before);
    const edits = new EditLog();
    const start = text.indexOf(needle) + offsetInNeedle;
    assert.ok(start >= offsetInNeedle, needle);
    const after = edit(before, edits, [{ at: start / text.length + 1e-9, remove, text: inserted }]);
    return rescanEdited(previous, edits.changes(after.uri, 1, after.version)!, after);
  };
  const tryEdit = (needle: string, offsetInNeedle: number, inserted: string, remove = 0) =>
    rescan(handmadeYaml, needle, offsetInNeedle, inserted, remove);
  assert.ok(tryEdit('Reads the order', 1, 'x'), 'inside a block scalar: re-scanned');
  assert.ok(tryEdit('An order', 1, 'x'), 'inside a schema: re-scanned');
  assert.ok(tryEdit('Apply a batch', 0, 'x'), 'an operation with a one-line flow mapping: re-scanned');
  assert.ok(tryEdit('  - a', 5, '\n  - b'), 'a sequence at its key’s indentation grows: re-scanned');
  assert.equal(tryEdit('The order is locked', 1, 'x'), undefined, 'in a named response, which $refs show');
  assert.equal(tryEdit('already exists', 1, 'x'), undefined, 'in an operation with a disable comment');
  assert.equal(tryEdit('Reads the order', 1, ' # http-status-lens-disable-next-line\n        '), undefined, 'a disable comment typed');
  assert.equal(tryEdit('operationId: getOrder', 0, ' '), undefined, 'the first line re-indented');
  assert.equal(tryEdit('  x-octokit', 0, '', 2), undefined, 'a line less indented: it would end the operation');
  assert.equal(tryEdit('  /batch', 0, 'x-top: 1\n'), undefined, 'a key added at the top level');
  assert.equal(tryEdit('\n  /batch', 0, '\n    x-more: 1'), undefined, 'a key added after the operation, in its path item');
  assert.equal(tryEdit('Apply a batch', 0, '*alias', 13), undefined, 'an alias');
  assert.equal(tryEdit('x-octokit: {}', 11, '\n  '), undefined, 'a flow mapping over two lines');
  assert.equal(tryEdit('x-octokit: {}', 0, '\t'), undefined, 'a tab');
  assert.equal(tryEdit('operationId: getOrder', 21, '\n---'), undefined, 'a second document');
  assert.equal(tryEdit('operationId: getOrder', 21, '\n...'), undefined, 'the end of the document');
  assert.equal(tryEdit('Apply a batch', 0, '"'), undefined, 'an unbalanced quote');
  const withAlias = handmadeYaml.replace('x-tail:', 'x-anchor: &a 1\nx-alias: *a\nx-tail:');
  assert.equal(rescan(withAlias, 'Reads the order', 1, 'x'), undefined, 'a document with an alias');
  const stream = handmadeYaml + '---\nother: 1\n';
  assert.equal(rescan(stream, 'Reads the order', 1, 'x'), undefined, 'a stream of documents');
});

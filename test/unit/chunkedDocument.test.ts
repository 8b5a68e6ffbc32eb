/**
 * The chunked document (server/src/large/chunkedText.ts) must be indistinguishable from the
 * library's TextDocument: same text, same positions and offsets (line breaks CR, LF and CRLF, clamping,
 * positions at line ends), after any sequence of edits, across chunk borders.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../server/src/large/chunkedText';

const text = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀', '424'), { maxLength: 40 })
  .map((parts) => parts.join(''));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
/** Typing: an insertion without line breaks, which leaves the line starts' move pending. */
const keystroke = fc.record({ from: fraction, text: fc.constantFrom('x', 'ab', '😀') }).map((c) => ({ ...c, to: c.from }));
/** A position on any line, past the line's end too (the protocol clamps it); `line` in [0, 1]. */
const onAnyLine = fc.record({ line: fraction, character: fc.integer({ min: 0, max: 12 }) });
/** A change as an editor sends it: a range inside the text (either way round) or the whole text; `at` in [0, 1]. */
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ from: fraction, to: fraction, text }) },
  { weight: 6, arbitrary: keystroke },
  { weight: 2, arbitrary: fc.record({ start: onAnyLine, end: onAnyLine, text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
type OnAnyLine = { line: number; character: number };
type Change = { from: number; to: number; text: string } | { start: OnAnyLine; end: OnAnyLine; text: string } | { text: string };

function toEvent(change: Change, reference: TextDocument) {
  if ('start' in change) {
    const at = ({ line, character }: OnAnyLine) => ({ line: Math.round(line * (reference.lineCount - 1)), character });
    return { range: { start: at(change.start), end: at(change.end) }, text: change.text };
  }
  if (!('from' in change)) return change;
  const length = reference.getText().length;
  const at = (fraction: number) => reference.positionAt(Math.round(fraction * length));
  return { range: { start: at(change.from), end: at(change.to) }, text: change.text };
}

function assertSame(chunked: ChunkedTextDocument, reference: TextDocument): void {
  const whole = reference.getText();
  assert.equal(chunked.getText(), whole);
  assert.equal(chunked.lineCount, reference.lineCount);
  assert.equal(chunked.version, reference.version);
  for (let offset = -1; offset <= whole.length + 1; offset++)
    assert.deepEqual(chunked.positionAt(offset), reference.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= reference.lineCount; line++) {
    for (let character = -1; character <= 12; character++) {
      const at = { line, character };
      assert.equal(chunked.offsetAt(at), reference.offsetAt(at), `offsetAt(${line}:${character})`);
      const range = { start: at, end: { line: line + 1, character: 3 } };
      assert.equal(chunked.getText(range), reference.getText(range));
    }
  }
}

describe('chunked document', () => {
  test('equals TextDocument after any edits, for every chunk size', () => {
    fc.assert(
      fc.property(text, fc.array(change, { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (initial, changes, chunkSize) => {
        const chunked = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, initial, chunkSize);
        const reference = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        let version = 1;
        for (const c of changes) {
          version++;
          const event = toEvent(c, reference);
          chunked.update([event], version);
          TextDocument.update(reference, [event], version);
          assertSame(chunked, reference);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a change of many lines at once', () => {
    const many = 'x\n'.repeat(30_000);
    const chunked = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, 'a\nb\nc', 4);
    const reference = TextDocument.create('file:///a.yaml', 'yaml', 1, 'a\nb\nc');
    const change = { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: many };
    chunked.update([change], 2);
    TextDocument.update(reference, [change], 2);
    assert.equal(chunked.getText(), reference.getText());
    assert.equal(chunked.lineCount, reference.lineCount);
    assert.deepEqual(chunked.positionAt(40_000), reference.positionAt(40_000));
  });

  test('a range past the last line inserts at the end, and the lines follow the text', () => {
    // No position was asked before: the table, found from the new text, was then mended by the edit again.
    const chunked = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, 'a', 1);
    chunked.update([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\nb\r' }], 2);
    const truth = TextDocument.create('file:///a.yaml', 'yaml', 2, 'a\nb\r');
    assert.equal(chunked.getText(), truth.getText());
    assert.equal(chunked.lineCount, truth.lineCount);
    for (let offset = 0; offset <= 4; offset++) assert.deepEqual(chunked.positionAt(offset), truth.positionAt(offset));
  });

  test('a line table adopted from another copy of the text is used only when none was found, and only when it fits', () => {
    const text = 'a\nbb\r\nccc\rd';
    const truth = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const other = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, text, 3);

    const adopting = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, text, 3);
    adopting.adoptLineTable(other.lineTable());
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(adopting.positionAt(offset), truth.positionAt(offset));

    const found = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, text, 3);
    assert.equal(found.lineCount, 4);
    found.adoptLineTable(new Int32Array([0, 1]));
    assert.equal(found.lineCount, 4, 'the table found here stays');

    const unfit = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, text, 3);
    unfit.adoptLineTable(new Int32Array([0, 5, text.length + 1]));
    assert.equal(unfit.lineCount, 4, 'a table past the text is not taken');
  });
});

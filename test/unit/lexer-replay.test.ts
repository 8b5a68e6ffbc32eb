/** The lexer's kept tokens (lexer.ts): a text lexed with `keep` is replayed, token for token, by the next lexing of the same text. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as knowledge from '../../server/src/knowledge';
import { type TokenKind, lex } from '../../server/src/service/scanners/code/lexer';

type Tokens = [TokenKind, number, number][];

function tokens(text: string, family: string, keep = false): Tokens {
  const out: Tokens = [];
  lex(text, knowledge.syntaxOf(family)!, (kind, start, end) => out.push([kind, start, end]), keep);
  return out;
}

const samples: [string, string][] = [
  ['javascript', fs.readFileSync(path.join(__dirname, '../../examples/orders-handlers.ts'), 'utf8')],
  ['ruby', 'x = <<~SQL\n  select 1\nSQL\nraise Foo, %w(a b) if /re/ =~ y # c\n'],
  ['python', 'class A(B):\n    status_code = 424  # x\n    msg = rb"\\x00" f"{y}"\n'],
];

for (const [family, text] of samples) {
  test(`${family}: the replay gives the tokens a fresh lexing gives`, () => {
    const fresh = tokens(text, family);
    const kept = tokens(text, family, true);
    assert.deepEqual(kept, fresh);
    // The same text (another string with the same characters) is replayed: the same tokens again.
    assert.deepEqual(tokens(text.slice(0, 1) + text.slice(1), family), fresh);
  });
}

test('kept tokens serve the same text only, once', () => {
  const [, text] = samples[1];
  const fresh = tokens(text, 'ruby');
  tokens(text, 'ruby', true);
  // Another text after `keep` is lexed afresh and drops what was kept.
  const other = 'def status = 409\n';
  assert.deepEqual(
    tokens(other, 'ruby'),
    (() => {
      const out: Tokens = [];
      lex(other, knowledge.syntaxOf('ruby')!, (kind, start, end) => out.push([kind, start, end]));
      return out;
    })(),
  );
  assert.deepEqual(tokens(text, 'ruby'), fresh);
  // Another syntax for the same text: lexed afresh.
  tokens(text, 'ruby', true);
  assert.notDeepEqual(tokens(text, 'python'), fresh);
});

/**
 * Bugs the fuzzers found that are not fixed yet, each with its smallest known input. The properties let an
 * input through only when it fails with one of these (so they keep finding NEW bugs); service.test.ts runs
 * each reproduction as a `todo` test that starts passing when the bug is fixed: then delete the entry.
 */
import * as knowledge from '../../server/src/knowledge';
import { TokenKind, lex } from '../../server/src/service/scanners/code/lexer';
import { visitYaml } from '../../server/src/service/scanners/openapi/yamlOutline';
import type { FuzzDocument } from './arbitraries';

export interface KnownBug {
  id: string;
  summary: string;
  repro: FuzzDocument;
  /** Whether a failure (its message, on its input) is this bug. */
  matches(input: FuzzDocument, message: string): boolean;
}

/** A lone CR (old Mac line ending) outside a CRLF. */
const hasLoneCr = (text: string) => /\r(?!\n)/.test(text);

/** Whether the line holding `offset` starts inside a string, template or comment token (one that spans lines). */
function lineStartsInsideToken(input: FuzzDocument, offset: number): boolean {
  const lineStart = Math.max(input.text.lastIndexOf('\n', offset - 1), input.text.lastIndexOf('\r', offset - 1)) + 1;
  if (input.languageId === 'yaml') {
    // A quoted or multi-line plain scalar (key or value) that runs across the line start.
    let inside = false;
    const token = (_: string, start: number, length: number) => void (start < lineStart && lineStart < start + length && (inside = true));
    visitYaml(input.text, { onObjectProperty: token, onLiteralValue: token });
    return inside;
  }
  const syntax = knowledge.syntaxOf(knowledge.language(input.languageId)?.family ?? '');
  if (!syntax) return false;
  let inside = false;
  lex(input.text, syntax, (kind, start, end) => {
    if (kind === TokenKind.Identifier || kind === TokenKind.Number || kind === TokenKind.Punctuation || start >= lineStart) return;
    // A template's text part ends where a `${` hole starts: a line starting at the hole is inside the template.
    if (lineStart < end || (kind === TokenKind.Template && lineStart === end && input.text.startsWith('${', end))) inside = true;
  });
  return inside;
}

export const knownBugs: readonly KnownBug[] = [
  {
    id: 'suppression-comment-inside-multiline-string',
    summary:
      '"Disable <rule> for this line" inserts the comment at the start of the site\'s line even when that line starts inside a multi-line string, template literal, heredoc or block comment (or a multi-line YAML scalar): the comment becomes part of the string (changing the program) and silences nothing',
    repro: { languageId: 'typescript', text: 'const s = `\n${res.status(424).json({ error: "already exists" })}`;\n' },
    matches: (input, message) => {
      const at = /(?:did not silence the site|changed the number of status sites \(\d+ -> \d+\)) at offset (\d+)/.exec(message);
      return at !== null && lineStartsInsideToken(input, Number(at[1]));
    },
  },
  {
    id: 'lone-cr-line-endings',
    summary:
      'Source with lone CR line endings: the lexer ends a line comment at LF only (TextDocument and LSP also end lines at CR), so a comment swallows the rest of the file, and the inserted suppression line (ending in LF) changes how the code after it lexes',
    repro: { languageId: 'php', text: '<?php\r$x = <<<EOT\rEOT;\rreturn response()->json([], 424);\r' },
    matches: (input) => hasLoneCr(input.text),
  },
];

export function knownBugOf(input: FuzzDocument, error: unknown): KnownBug | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return knownBugs.find((bug) => bug.matches(input, message));
}

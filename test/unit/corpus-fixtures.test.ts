/**
 * Hand-written handler files in test/corpus/fixtures/, one or more per language family, with the truth
 * written beside each line as a trailing comment:
 *
 *   res.status(424).json(...) // expect: 424                  the scanner must report these uses here
 *   res.status(424).json(...) // expect: 424 [424-for-lock]   ... and exactly these 424 findings
 *   if (res.status === 503)   // missed: 503 (why)            a real status code the scanner does not find yet
 *   'SET status = 424'        // wrongly: 424 (why)           reported although it is no status code
 *
 * A parenthesis starts free text: codes and [rules] after it are not read, so it can say what should happen.
 *
 * Every other line must have no reported use and no 424 finding. `missed:` and `wrongly:` record known
 * scanner gaps (docs/corpus.md): when the scanner is fixed the test fails, and the line becomes `expect:`
 * (or loses its `wrongly:`). Lines without an annotation check that a correct WebDAV PROPPATCH or batch
 * use of 424 is not flagged.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';

const dir = join(__dirname, '..', 'corpus', 'fixtures');
const languageOf: Record<string, string> = {
  '.ts': 'typescript',
  '.js': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.java': 'java',
  '.kt': 'kotlin',
  '.cs': 'csharp',
  '.php': 'php',
  '.rb': 'ruby',
  '.rs': 'rust',
};
const service = getLanguageService();

interface LineTruth {
  expect: number[];
  rules: string[];
  missed: number[];
  wrongly: number[];
}

/** The annotations of each line (1-based), read from the trailing `expect:` / `missed:` / `wrongly:` comments. */
function truthOf(text: string): Map<number, LineTruth> {
  const truth = new Map<number, LineTruth>();
  text.split('\n').forEach((line, index) => {
    const match = /(?:\/\/|#)\s*(expect|missed|wrongly):\s*([^(]*)/.exec(line);
    if (!match) return;
    const entry: LineTruth = { expect: [], rules: [], missed: [], wrongly: [] };
    const rules = [...match[2].matchAll(/\[([\w-]+)\]/g)].map((m) => m[1]);
    const codes = [...match[2].replace(/\[[\w-]+\]/g, '').matchAll(/\b[1-5]\d\d\b/g)].map((m) => Number(m[0]));
    if (match[1] === 'expect') ((entry.expect = codes), (entry.rules = rules));
    else if (match[1] === 'missed') entry.missed = codes;
    else ((entry.wrongly = codes), (entry.rules = rules));
    truth.set(index + 1, entry);
  });
  return truth;
}

const files = readdirSync(dir)
  .filter((name) => languageOf[extname(name)])
  .sort();

describe('corpus fixtures', () => {
  test('there is a fixture for every language family', () => {
    const families = new Set(files.map((f) => languageOf[extname(f)]).map((l) => (l === 'typescript' ? 'javascript' : l)));
    assert.deepEqual([...families].sort(), ['csharp', 'go', 'java', 'javascript', 'kotlin', 'php', 'python', 'ruby', 'rust']);
  });

  for (const name of files) {
    test(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const document = TextDocument.create(`file:///fixtures/${name}`, languageOf[extname(name)], 1, text);
      const truth = truthOf(text);
      const reported = new Map<number, number[]>();
      for (const site of service.scan(document).sites) {
        // Set or read (compared, switched on): either way the scanner recognised a status code.
        if (site.role === 'mention' || site.code === undefined) continue;
        const line = document.positionAt(site.start).line + 1;
        reported.set(line, [...(reported.get(line) ?? []), site.code]);
      }
      const findings = new Map<number, string[]>();
      for (const d of service.doValidation(document)) {
        const rule = String(d.code);
        if (!rule.startsWith('424-')) continue;
        const line = d.range.start.line + 1;
        findings.set(line, [...(findings.get(line) ?? []), rule]);
      }
      const lines = new Set([...truth.keys(), ...reported.keys(), ...findings.keys()]);
      const problems: string[] = [];
      for (const line of [...lines].sort((a, b) => a - b)) {
        const t = truth.get(line) ?? { expect: [], rules: [], missed: [], wrongly: [] };
        const want = [...t.expect, ...t.wrongly].sort();
        const got = [...(reported.get(line) ?? [])].sort();
        const source = text.split('\n')[line - 1].trim();
        if (want.join() !== got.join()) {
          const hint = t.missed.some((c) => got.includes(c)) ? ' (a known miss is now found: make it `expect:`)' : '';
          problems.push(`line ${line}: uses ${JSON.stringify(got)}, expected ${JSON.stringify(want)}${hint}\n    ${source}`);
        }
        const wantRules = [...t.rules].sort();
        const gotRules = [...(findings.get(line) ?? [])].sort();
        if (wantRules.join() !== gotRules.join())
          problems.push(`line ${line}: 424 findings ${JSON.stringify(gotRules)}, expected ${JSON.stringify(wantRules)}\n    ${source}`);
      }
      assert.equal(problems.length, 0, `${name}:\n  ${problems.join('\n  ')}`);
    });
  }
});

// 424-for-lock in each supported file kind: warning on the 424 token, hover, preferred quick fix -> 423.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  codeActionsAt,
  describeDiagnostics,
  executeHover,
  hoverText,
  isLockWarning,
  openFixture,
  ours,
  plainFirstLine,
  positionOf,
  retry,
  revert,
  waitForDiagnostics,
} from './helpers';
import { test } from './runner';

export interface LockCase {
  label: string;
  file: string;
  /** text around the 424 token, and where the token starts inside it */
  needle: string;
  offset: number;
  /** the same text after the fix */
  fixed: string;
  /** the status-code token is `needle.substr(offset, length)`: 3 for a literal, longer for a named constant */
  length?: number;
  /** the VS Code language id the file opens with (the server only analyses enabled language ids) */
  languageId: string;
  /** what the preferred fix's title must say, besides "Locked" */
  title?: RegExp;
}

export const LOCK_CASES: LockCase[] = [
  { label: 'OpenAPI YAML', file: 'openapi.yaml', languageId: 'yaml', needle: "'424':", offset: 1, fixed: "'423':" },
  { label: 'OpenAPI JSON', file: 'openapi.json', languageId: 'json', needle: '"424":', offset: 1, fixed: '"423":' },
  {
    label: 'TypeScript handler',
    file: 'src/handler.ts',
    languageId: 'typescript',
    needle: 'res.status(424)',
    offset: 11,
    fixed: 'res.status(423)',
  },
  {
    label: 'Python handler',
    file: 'src/handler.py',
    languageId: 'python',
    needle: 'HTTPException(status_code=424,',
    offset: 26,
    fixed: 'HTTPException(status_code=423,',
  },
  {
    // a framework constant: the finding covers the whole qualified name, and the fix writes Go's name for 423
    label: 'Go handler',
    file: 'src/handler.go',
    languageId: 'go',
    needle: 'http.StatusFailedDependency)',
    offset: 0,
    length: 'http.StatusFailedDependency'.length,
    fixed: 'http.StatusLocked)',
    title: /http\.StatusFailedDependency.*423/,
  },
  {
    label: 'C# controller',
    file: 'src/DocumentsController.cs',
    languageId: 'csharp',
    needle: 'StatusCodes.Status424FailedDependency,',
    offset: 0,
    length: 'StatusCodes.Status424FailedDependency'.length,
    fixed: 'StatusCodes.Status423Locked,',
    title: /Status424FailedDependency.*423/,
  },
];

/** The open document and its 424-for-lock diagnostic at the case's site. */
export async function lockSite(c: LockCase): Promise<{ doc: vscode.TextDocument; site: vscode.Range; diag: vscode.Diagnostic }> {
  const doc = await openFixture(c.file);
  assert.equal(doc.languageId, c.languageId, `${c.file} opened with language id ${doc.languageId}`);
  const start = positionOf(doc, c.needle, c.offset);
  const site = new vscode.Range(start, start.translate(0, c.length ?? 3));
  const ds = await waitForDiagnostics(
    doc.uri,
    (all) => all.some((d) => isLockWarning(d) && d.range.intersection(site) !== undefined),
    `a 424-for-lock diagnostic at ${start.line + 1}:${start.character + 1}`,
  );
  const diag = ds.find((d) => isLockWarning(d) && d.range.intersection(site) !== undefined)!;
  return { doc, site, diag };
}

function isPreferredQuickFix(a: vscode.CodeAction): boolean {
  return a.isPreferred === true && a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind);
}

/** The status-code token at the site, and what the preferred fix writes in its place. */
function tokens(c: LockCase): { token: string; replacement: string } {
  const length = c.length ?? 3;
  const tail = c.needle.length - c.offset - length;
  return { token: c.needle.substr(c.offset, length), replacement: c.fixed.slice(c.offset, c.fixed.length - tail) };
}

for (const c of LOCK_CASES) {
  const { token, replacement } = tokens(c);
  test(`${c.label}: 424-for-lock warning on ${token}`, async () => {
    const { doc, site, diag } = await lockSite(c);
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning, 'severity');
    assert.ok(diag.range.isEqual(site), `range ${JSON.stringify(diag.range)} is not the 424 token ${JSON.stringify(site)}`);
    assert.equal(doc.getText(diag.range), token);
    const code = diag.code;
    if (typeof code === 'object') {
      assert.match(code.target.toString(), /424-for-lock/, 'codeDescription.href should link the rule page');
    }
    // One 424 finding per site; whether the spec declares the code (status-not-in-spec) is another question.
    const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const atSite = ours(doc.uri).filter((d) => d.range.intersection(site) !== undefined && codeOf(d) !== 'status-not-in-spec');
    assert.equal(atSite.length, 1, `one finding per site; got:\n    ${describeDiagnostics(doc.uri)}`);
  });

  test(`${c.label}: hover on ${token} explains 424 Failed Dependency`, async () => {
    const { doc, site } = await lockSite(c);
    const hovers = await retry(
      () => executeHover(doc.uri, site.start.translate(0, 1)),
      (hs) => hoverText(hs).some((t) => t.includes('424 Failed Dependency')),
      'a hover mentioning 424 Failed Dependency',
    );
    const ours = hoverText(hovers).find((t) => t.includes('424 Failed Dependency'))!;
    // The verdict at the site in one line first (issue 14), then what 424 means.
    const [verdict, explanation] = ours.split('\n\n').map(plainFirstLine);
    assert.match(verdict, /423 fits\.$/, `the hover's first line is the verdict: ${verdict}`);
    assert.match(explanation, /^424 Failed Dependency/, `then the explanation: ${explanation}`);
  });

  test(`${c.label}: preferred quick fix changes ${token} to ${replacement} (423 Locked)`, async () => {
    const { doc, diag } = await lockSite(c);
    const original = doc.getText();
    try {
      const actions = await retry(
        () => codeActionsAt(doc.uri, diag.range),
        (as) => as.some(isPreferredQuickFix),
        'a preferred quick fix',
      );
      // (TypeScript's own refactorings, e.g. "Extract to constant", can be preferred too: only quick fixes count)
      const preferred = actions.filter(isPreferredQuickFix);
      assert.equal(preferred.length, 1, `one preferred fix; got ${preferred.map((a) => a.title).join(' | ')}`);
      const fix = preferred[0]!;
      assert.match(fix.title, c.title ?? /424.*423/, `title: ${fix.title}`);
      assert.match(fix.title, /Locked/, `title: ${fix.title}`);
      await applyCodeAction(fix);
      const expected = original.replace(c.needle, c.fixed);
      assert.equal(doc.getText(), expected, 'document text after the fix');
      await waitForDiagnostics(doc.uri, (all) => !all.some(isLockWarning), 'the 424-for-lock warning to go after the fix');
    } finally {
      await revert(doc);
    }
    assert.equal(doc.getText(), original);
  });
}

// 424-for-lock in each supported file kind: warning on the 424 token, hover, preferred quick fix -> 423.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, codeActionsAt, describeDiagnostics, executeHover, hoverText, isLockWarning, openFixture, ours,
  plainFirstLine, positionOf, retry, revert, waitForDiagnostics,
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
}

export const LOCK_CASES: LockCase[] = [
  { label: 'OpenAPI YAML', file: 'openapi.yaml', needle: "'424':", offset: 1, fixed: "'423':" },
  { label: 'OpenAPI JSON', file: 'openapi.json', needle: '"424":', offset: 1, fixed: '"423":' },
  { label: 'TypeScript handler', file: 'src/handler.ts', needle: 'res.status(424)', offset: 11, fixed: 'res.status(423)' },
];

/** The open document and its 424-for-lock diagnostic at the case's site. */
export async function lockSite(c: LockCase): Promise<{ doc: vscode.TextDocument; site: vscode.Range; diag: vscode.Diagnostic }> {
  const doc = await openFixture(c.file);
  const start = positionOf(doc, c.needle, c.offset);
  const site = new vscode.Range(start, start.translate(0, 3));
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

for (const c of LOCK_CASES) {
  test(`${c.label}: 424-for-lock warning on the 424 token`, async () => {
    const { doc, site, diag } = await lockSite(c);
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning, 'severity');
    assert.ok(diag.range.isEqual(site), `range ${JSON.stringify(diag.range)} is not the 424 token ${JSON.stringify(site)}`);
    assert.equal(doc.getText(diag.range), '424');
    const code = diag.code;
    if (typeof code === 'object') {
      assert.match(code.target.toString(), /424-for-lock/, 'codeDescription.href should link the rule page');
    }
    const atSite = ours(doc.uri).filter((d) => d.range.intersection(site) !== undefined);
    assert.equal(atSite.length, 1, `one finding per site; got:\n    ${describeDiagnostics(doc.uri)}`);
  });

  test(`${c.label}: hover on 424 explains 424 Failed Dependency`, async () => {
    const { doc, site } = await lockSite(c);
    const hovers = await retry(
      () => executeHover(doc.uri, site.start.translate(0, 1)),
      (hs) => hoverText(hs).some((t) => t.includes('424 Failed Dependency')),
      'a hover mentioning 424 Failed Dependency',
    );
    const ours = hoverText(hovers).find((t) => t.includes('424 Failed Dependency'))!;
    assert.match(plainFirstLine(ours), /^424 Failed Dependency/, `hover starts with: ${plainFirstLine(ours)}`);
  });

  test(`${c.label}: preferred quick fix changes 424 to 423 Locked`, async () => {
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
      assert.match(fix.title, /424.*423/, `title: ${fix.title}`);
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

// httpStatusLens.rules: a rule set to "off" silences its site (and nothing else takes its place).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, isLockWarning, ours, waitForDiagnostics } from './helpers';
import { LOCK_CASES, lockSite } from './lock.test';
import { test } from './runner';

test('httpStatusLens.rules {"424-for-lock": "off"} removes the warning; removing the setting brings it back', async () => {
  const cases = LOCK_CASES.filter((c) => c.file === 'openapi.yaml' || c.file === 'src/handler.ts');
  const sites = [];
  for (const c of cases) sites.push(await lockSite(c));
  const config = vscode.workspace.getConfiguration('httpStatusLens');
  await config.update('rules', { '424-for-lock': 'off' }, vscode.ConfigurationTarget.Global);
  try {
    for (const { doc, site } of sites) {
      await waitForDiagnostics(doc.uri, (all) => !all.some(isLockWarning), 'the 424-for-lock warning to go');
      const atSite = ours(doc.uri).filter((d) => d.range.intersection(site) !== undefined);
      assert.equal(atSite.length, 0, `the site is silenced, nothing replaces the rule:\n    ${describeDiagnostics(doc.uri)}`);
    }
  } finally {
    await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
  }
  for (const { doc, site } of sites) {
    await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => isLockWarning(d) && d.range.intersection(site) !== undefined),
      'the 424-for-lock warning to come back',
    );
  }
});

// A spec over a megabyte takes the server's large-document path (chunked text, checks in a worker thread):
// in a real VS Code it must get the same diagnostics, hover and quick fix as a small one, and follow edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  codeActionsAt,
  executeHover,
  hoverText,
  isLockWarning,
  openFixture,
  ours,
  positionOf,
  retry,
  waitForDiagnostics,
  workspaceRoot,
} from './helpers';
import { test } from './runner';

const FILE = 'large-openapi.yaml';

function largeSpec(): string {
  const operations: string[] = [];
  for (let i = 0; operations.length < 12_000; i++) {
    operations.push(
      `  /items/${i}:\n    get:\n      summary: Read item ${i}\n      responses:\n        '200':\n          description: The item\n`,
    );
  }
  return `openapi: 3.0.0\ninfo:\n  title: Large\n  version: '1'\npaths:\n${operations.join('')}  /orders/{id}:\n    put:\n      responses:\n        '424':\n          description: The order is locked by another user\n`;
}

test('a spec over a megabyte: diagnostics, hover, diagnostics that follow an edit, and the quick fix', async () => {
  const text = largeSpec();
  assert.ok(text.length > 1_000_000);
  fs.writeFileSync(path.join(workspaceRoot(), FILE), text);
  const doc = await openFixture(FILE);
  const site = () => new vscode.Range(positionOf(doc, "'424':", 1), positionOf(doc, "'424':", 4));
  await waitForDiagnostics(
    doc.uri,
    (all) => all.some((d) => isLockWarning(d) && d.range.isEqual(site())),
    'a 424-for-lock diagnostic on the last key',
  );
  const hovers = await retry(
    () => executeHover(doc.uri, site().start.translate(0, 1)),
    (h) => hoverText(h).some((t) => t.includes('424 Failed Dependency')),
    'a hover on the 424 key',
  );
  assert.ok(hoverText(hovers).length > 0);

  // A line at the top: the diagnostic moves down with its key.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(1, 0), '# a note\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  await waitForDiagnostics(doc.uri, (all) => all.some((d) => isLockWarning(d) && d.range.isEqual(site())), 'the diagnostic one line down');

  const diag = ours(doc.uri).find(isLockWarning)!;
  const fix = (await codeActionsAt(doc.uri, diag.range)).find((a) => a.isPreferred);
  assert.ok(fix, 'a preferred quick fix');
  await applyCodeAction(fix);
  assert.ok(doc.getText().includes("'423':\n          description: The order is locked"), 'the fix wrote 423');
  await waitForDiagnostics(doc.uri, (all) => !all.some(isLockWarning), 'no 424-for-lock after the fix');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  fs.rmSync(path.join(workspaceRoot(), FILE), { force: true });
});

// Fix all on save and by command, and the rule documentation opened from a code action, in the installed .vsix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeActionsAt, executeHover, hoverText, ours, retry, ruleOf, waitForDiagnostics, workspaceRoot } from './helpers';
import { test } from './runner';

const HANDLER = `function report(req, res) {
  res.status(424).end();
}

app.put('/orders/:id', (req, res) => {
  if (locked) return res.status(424).json({ error: 'The order is locked by another user' });
  if (stale) return res.status(424).json({ error: 'If-Match does not match the current ETag' });
});
`;

/** A new file in the workspace copy, opened in an editor, once its three findings are in. */
async function openHandler(name: string): Promise<vscode.TextDocument> {
  const file = path.join(workspaceRoot(), 'src', name);
  fs.writeFileSync(file, HANDLER);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitForDiagnostics(doc.uri, (all) => all.filter((d) => d.source === 'http-status-lens').length === 3, 'three findings');
  return doc;
}

function assertFixed(doc: vscode.TextDocument): void {
  const text = doc.getText();
  assert.match(text, /res\.status\(423\)\.json\(\{ error: 'The order is locked/);
  assert.match(text, /res\.status\(412\)\.json\(\{ error: 'If-Match/);
  assert.match(text, /^ {2}res\.status\(424\)\.end\(\);$/m, 'the finding without a preferred fix is left alone');
  assert.doesNotMatch(text, /http-status-lens-disable/);
}

test('fix all on save: editor.codeActionsOnSave {"source.fixAll.httpStatusLens": "explicit"} applies every preferred fix', async () => {
  const doc = await openHandler('fix-on-save.js');
  const editor = vscode.workspace.getConfiguration('editor', { languageId: 'javascript' });
  await editor.update('codeActionsOnSave', { 'source.fixAll.httpStatusLens': 'explicit' }, vscode.ConfigurationTarget.Global);
  try {
    await vscode.window.activeTextEditor!.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), '\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await retry(
      () => doc.getText(),
      (text) => text.includes('status(423)'),
      'the fixes to be applied on save',
    );
    assertFixed(doc);
    await retry(
      () => doc.isDirty,
      (dirty) => !dirty,
      'the document to be saved',
    );
    assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), doc.getText(), 'the fixed text is what was saved');
    const left = await waitForDiagnostics(doc.uri, () => ours(doc.uri).length === 1, 'one finding left');
    assert.deepEqual(left.filter((d) => d.source === 'http-status-lens').map(ruleOf), ['424-without-dependency']);
  } finally {
    await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
});

test('the command "HTTP Status Lens: Fix all problems" fixes the active file; run again, it changes nothing', async () => {
  const doc = await openHandler('fix-command.js');
  try {
    await vscode.commands.executeCommand('httpStatusLens.fixAll');
    await retry(
      () => doc.getText(),
      (text) => text.includes('status(423)'),
      'the fixes of the command',
    );
    assertFixed(doc);
    await waitForDiagnostics(doc.uri, () => ours(doc.uri).length === 1, 'one finding left');
    const fixed = doc.getText();
    await vscode.commands.executeCommand('httpStatusLens.fixAll');
    assert.equal(doc.getText(), fixed);
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
});

test('"Show documentation for 424-for-lock" opens the shipped rule page in a Markdown preview', async () => {
  const doc = await openHandler('docs.js');
  const lock = ours(doc.uri).find((d) => ruleOf(d) === '424-for-lock')!;
  // The diagnostic's link opens the page offline too: it runs the same command.
  const target = (lock.code as { target: vscode.Uri }).target;
  assert.equal(target.scheme, 'command');
  assert.match(decodeURIComponent(target.query), /\["424-for-lock"\]/);
  const actions = await codeActionsAt(doc.uri, lock.range);
  const show = actions.find((a) => a.title === 'Show documentation for 424-for-lock');
  assert.ok(show?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
  await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
  const tab = await retry(
    () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label.includes('424-for-lock')),
    (found) => found !== undefined,
    'a tab showing 424-for-lock.md',
  );
  assert.ok(tab!.input instanceof vscode.TabInputWebview, `the tab "${tab!.label}" is a preview`);
  const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('http-status-lens-docs:/rules/424-for-lock.md'));
  assert.equal(page.getText().split('\n')[0], '# 424-for-lock', 'the page is read from the installed extension');
  await vscode.window.tabGroups.close(tab!);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('the hover\'s "Full explanation" opens the shipped page of the code', async () => {
  const doc = await openHandler('hover-link.js');
  const lock = ours(doc.uri).find((d) => ruleOf(d) === '424-for-lock')!;
  const texts = await retry(
    async () => hoverText(await executeHover(doc.uri, lock.range.start)),
    (all) => all.some((t) => t.includes('Full explanation')),
    'the hover with its Full explanation link',
  );
  const link = /\[Full explanation\]\((command:[^)]+)\)/.exec(texts.find((t) => t.includes('Full explanation'))!);
  assert.ok(link, `the link is rewritten to open the shipped page: ${texts.join('\n---\n')}`);
  const uri = vscode.Uri.parse(link[1]);
  assert.equal(uri.path, 'httpStatusLens.showCodeDocumentation');
  await vscode.commands.executeCommand(uri.path, ...JSON.parse(decodeURIComponent(uri.query)));
  const tab = await retry(
    () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label.includes('424.md')),
    (found) => found !== undefined,
    'a tab showing 424.md',
  );
  const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('http-status-lens-docs:/codes/424.md'));
  assert.match(page.getText(), /^# 424 Failed Dependency\n[\s\S]*## Not to be confused with/);
  await vscode.window.tabGroups.close(tab!);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

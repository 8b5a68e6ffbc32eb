// Completion through VS Code's own command (vscode.executeCompletionItemProvider), as the suggest widget asks for
// it: response keys in an OpenAPI responses map, the value of res.status(, a Go http.Status member. Each test
// edits the open fixture to make the place to complete, and reverts it after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, positionOf, retry, revert } from './helpers';
import { test } from './runner';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The reason phrase shown beside the label (LSP labelDetails.description), or the detail. */
function phraseOf(item: vscode.CompletionItem): string {
  const description = typeof item.label === 'string' ? undefined : item.label.description;
  return description ?? item.detail ?? '';
}

function describe(items: vscode.CompletionItem[]): string {
  return (
    items
      .slice(0, 12)
      .map((i) => `${labelOf(i)} (${phraseOf(i)})`)
      .join(', ') + (items.length > 12 ? `, ... ${items.length} in all` : '')
  );
}

async function complete(uri: vscode.Uri, position: vscode.Position, wanted: string, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await retry(
    () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger),
    (l) => (l?.items ?? []).some((i) => labelOf(i) === wanted),
    `a completion item ${wanted} at ${position.line + 1}:${position.character + 1}`,
  );
  return list.items;
}

/** Applies a change to the open document, as typing would. */
async function edit(change: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  change(e);
  assert.ok(await vscode.workspace.applyEdit(e), 'applyEdit was rejected');
}

test('OpenAPI YAML: completion on a new line of a responses map offers 424 with its reason phrase, not the keys already there', async () => {
  const doc = await openFixture('openapi.yaml');
  try {
    // a new line under the delete operation's '204' response, indented like its siblings
    const after = positionOf(doc, 'description: The document was deleted.');
    const lineEnd = doc.lineAt(after.line).range.end;
    await edit((e) => e.insert(doc.uri, lineEnd, '\n        '));
    const at = new vscode.Position(after.line + 1, 8);
    const items = await complete(doc.uri, at, '424');
    const item = items.find((i) => labelOf(i) === '424')!;
    assert.match(phraseOf(item), /Failed Dependency/, `424 is shown with ${JSON.stringify(phraseOf(item))}`);
    const locked = items.find((i) => labelOf(i) === '423');
    assert.ok(locked && /Locked/.test(phraseOf(locked)), `423 Locked is offered too; got ${describe(items)}`);
    assert.ok(!items.some((i) => labelOf(i) === '204'), `'204' is already a key of this map; got ${describe(items)}`);
    // the item writes a whole response: the quoted key and a description
    const text = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText ?? '');
    assert.match(text, /^'424':\n\s+description: /, `inserts ${JSON.stringify(text)}`);
  } finally {
    await revert(doc);
  }
});

test('TypeScript handler: completion after res.status( offers 424 Failed Dependency', async () => {
  const doc = await openFixture('src/handler.ts');
  try {
    // res.status(200) -> res.status() with the cursor inside, as an editor that closes brackets leaves it
    const start = positionOf(doc, 'res.status(200)', 'res.status('.length);
    await edit((e) => e.delete(doc.uri, new vscode.Range(start, start.translate(0, 3))));
    const items = await complete(doc.uri, start, '424', '(');
    const item = items.find((i) => labelOf(i) === '424')!;
    assert.match(phraseOf(item), /Failed Dependency/, `424 is shown with ${JSON.stringify(phraseOf(item))}`);
    const ok = items.find((i) => labelOf(i) === '200');
    assert.ok(ok && /OK/.test(phraseOf(ok)), `200 OK is offered too; got ${describe(items)}`);
  } finally {
    await revert(doc);
  }
});

test('Go handler: completion after http.Status offers StatusFailedDependency and StatusLocked', async () => {
  const doc = await openFixture('src/handler.go');
  try {
    // w.WriteHeader(http.StatusOK) -> w.WriteHeader(http.Status), cursor after "Status"
    const start = positionOf(doc, 'http.StatusOK', 'http.Status'.length);
    await edit((e) => e.delete(doc.uri, new vscode.Range(start, start.translate(0, 2))));
    const items = await complete(doc.uri, start, 'StatusFailedDependency');
    const item = items.find((i) => labelOf(i) === 'StatusFailedDependency')!;
    assert.match(`${phraseOf(item)} ${item.detail ?? ''}`, /424|Failed Dependency/, `shown with ${JSON.stringify(phraseOf(item))}`);
    assert.ok(
      items.some((i) => labelOf(i) === 'StatusLocked'),
      `StatusLocked is offered too; got ${describe(items)}`,
    );
  } finally {
    await revert(doc);
  }
});

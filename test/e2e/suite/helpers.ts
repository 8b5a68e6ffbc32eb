// Helpers for the integration suite: open fixtures, wait for diagnostics (event + timeout, no fixed sleeps),
// retry provider calls until the language server answers.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SOURCE = 'http-status-lens';
export const EXTENSION_ID = 'http-status-lens.http-status-lens';
const DEFAULT_TIMEOUT = Number(process.env.E2E_WAIT_MS ?? 20_000);

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open as a folder (test/fixtures/e2e-workspace)');
  return folder.uri.fsPath;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === undefined || ruleOf(d) === rule));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (!all.length) return '(none)';
  return all
    .map(
      (d) =>
        `${d.source ?? '?'}/${ruleOf(d) ?? '-'} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`,
    )
    .join('\n    ');
}

/** Resolves with the diagnostics of `uri` once `predicate` holds; listens to onDidChangeDiagnostics. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!predicate(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(uri.fsPath)}; diagnostics now:\n    ${describeDiagnostics(uri)}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** Calls `fn` until `accept` holds on its result (the server may still be starting), or fails after a timeout. */
export async function retry<T>(
  fn: () => Thenable<T> | T,
  accept: (v: T) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await fn();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const got = lastError instanceof Error ? `error ${lastError.message}` : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last result: ${got}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The position `offsetInNeedle` characters into the first occurrence of `needle`. */
export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not found in ${path.basename(doc.uri.fsPath)}`);
  return doc.positionAt(i + offsetInNeedle);
}

export function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

/** Markdown to its plain first line: drops heading marks, emphasis, code ticks. */
export function plainFirstLine(markdown: string): string {
  const line = markdown.split('\n').find((l) => l.trim() !== '') ?? '';
  return line
    .replace(/^#+\s*/, '')
    .replace(/[*_`]/g, '')
    .trim();
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit of "${action.title}" was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
}

/** Throws away unsaved changes of `doc` (the fixtures are a temp copy, but later tests expect pristine text). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${path.basename(doc.uri.fsPath)} is still dirty after revert`);
}

export function isLockWarning(d: vscode.Diagnostic): boolean {
  return d.source === SOURCE && ruleOf(d) === '424-for-lock';
}

export async function executeHover(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

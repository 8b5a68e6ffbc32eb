// The extension under test is the packaged .vsix, installed and unpacked: not the source tree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, SOURCE, openFixture, retry, waitForDiagnostics } from './helpers';
import { gate, test } from './runner';

test('the package ships the bundles and rule docs, and no sources or node_modules', () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const root = ext.extensionPath;
  for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'images/icon.png']) {
    assert.ok(fs.existsSync(path.join(root, f)), `${f} is missing from the package`);
  }
  // vsce stores README.md, CHANGELOG.md and LICENSE as readme.md, changelog.md, LICENSE.txt
  const top = fs.readdirSync(root).map((f) => f.toLowerCase());
  for (const f of ['readme.md', 'changelog.md', 'license']) {
    assert.ok(
      top.some((t) => t === f || t.startsWith(`${f}.`)),
      `${f} is missing from the package (has ${top.join(', ')})`,
    );
  }
  assert.ok(fs.existsSync(path.join(root, 'docs/rules/424-for-lock.md')), 'docs/rules/424-for-lock.md is missing from the package');
  for (const f of ['node_modules', 'client', 'server', 'test', 'src', 'tsconfig.json', 'esbuild.mjs', '.tools']) {
    assert.ok(!fs.existsSync(path.join(root, f)), `${f} must not be in the package`);
  }
});

gate('the installed .vsix is the extension under test; it activates and its server publishes diagnostics', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const expected = process.env.E2E_EXTENSION_PATH;
  if (expected) assert.equal(path.resolve(ext.extensionPath), path.resolve(expected), 'not running the installed .vsix');
  const doc = await openFixture('openapi.yaml');
  await retry(
    () => ext.isActive,
    (active) => active,
    `${EXTENSION_ID} to activate`,
  );
  await waitForDiagnostics(
    doc.uri,
    (ds) => ds.some((d) => d.source === SOURCE),
    `any ${SOURCE} diagnostic (is the language server running?)`,
  );
});

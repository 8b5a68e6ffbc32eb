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

test('the server runs as other editors are told to start it: node --expose-gc .../dist/server.js --stdio', () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const server = path.join(ext.extensionPath, 'dist', 'server.js');
  const commands = childCommands(process.pid).filter((args) => args.includes(server));
  assert.equal(commands.length, 1, `one server process under the extension host (${process.pid}): ${JSON.stringify(commands)}`);
  const [args] = commands;
  assert.ok(args.indexOf('--expose-gc') >= 0 && args.indexOf('--expose-gc') < args.indexOf(server), `node flags first: ${args.join(' ')}`);
  assert.ok(args.includes('--stdio'), `over stdio: ${args.join(' ')}`);
});

/** The command lines of a process's children (Linux /proc: the suite runs in code-server there). */
function childCommands(pid: number): string[][] {
  const commands: string[][] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      commands.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // It ended meanwhile.
    }
  }
  return commands;
}

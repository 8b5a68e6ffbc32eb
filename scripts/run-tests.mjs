// `npm test`: every suite CI runs, on a fresh machine too. In order:
//   1. the tools the end-to-end suites need (code-server, chromium, Neovim): checked first, and installed by
//      scripts/install-tools.sh when missing, saying what and why, so a missing tool never shows up after
//      minutes of other tests;
//   2. type checking, the layers' boundaries (eslint.config.mjs), the formatting (prettier) and the bundles;
//   3. at the same time: the unit, fuzz and protocol tests (node's runner, one file per core), and the
//      README's quick start on a fresh clone (test/e2e/fresh-clone.test.mjs);
//   4. the real-editor tests (scripts/test-e2e.mjs): the .vsix, the npm package, VS Code, a browser, Neovim.
// --no-e2e runs steps 2 and 3's unit tests only (and needs no tools).
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ToolMissingError, findChromium, findCodeServer, findNeovim } from './e2e/tools.mjs';

const root = new URL('..', import.meta.url).pathname;
const e2e = !process.argv.includes('--no-e2e');
const started = Date.now();

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

function banner(label) {
  console.log(`\n=== ${label} (${((Date.now() - started) / 1000).toFixed(0)} s) ===`);
}

function fail(label, detail) {
  console.error(`\n${label} failed${detail ? ` (${detail})` : ''}.`);
  process.exit(1);
}

function runSync(label, command, args) {
  banner(label);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(label, `exit ${result.status ?? result.signal}`);
}

/** A suite in the background; its output is kept and printed whole when it ends, so two never interleave. */
function runAside(label, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ label, ok: code === 0, output, detail: `exit ${code ?? signal}` }));
  });
}

function missingTools() {
  const missing = [];
  for (const find of [findCodeServer, findChromium, findNeovim]) {
    try {
      find();
    } catch (err) {
      if (!(err instanceof ToolMissingError)) throw err;
      missing.push(err.message.replace(/\s*(Run|Install) .*$/s, ''));
    }
  }
  return missing;
}

// 1. Tools, before anything long.
if (e2e) {
  const missing = missingTools();
  if (missing.length > 0) {
    banner('installing the tools the end-to-end suites need');
    console.log(
      'The real-editor tests run the extension in a real VS Code build (code-server), drive it with a headless\n' +
        'browser (Debian chromium) and speak to the server from Neovim. Missing here:\n' +
        missing.map((m) => `  - ${m}`).join('\n') +
        '\nInstalling them now with scripts/install-tools.sh (Debian packages and code-server from the npm\n' +
        'registry; about a minute, once). `npm test -- --no-e2e` runs everything else without them.',
    );
    runSync('scripts/install-tools.sh', 'bash', [join(root, 'scripts/install-tools.sh')]);
    const still = missingTools();
    if (still.length > 0) fail('installing the tools', still.join('; '));
  } else console.log('Tools for the end-to-end suites: present (code-server, chromium, Neovim).');
}

// 2. Types and bundles.
runSync('type checking', 'npm', ['run', '--silent', 'typecheck']);
runSync('layer boundaries (eslint)', 'npm', ['run', '--silent', 'lint']);
runSync('formatting (prettier --check, .prettierignore)', 'npm', ['run', '--silent', 'format:check']);
runSync('bundles', 'npm', ['run', '--silent', 'build']);

// 3. Unit, fuzz and protocol tests, beside the fresh-clone quick start.
banner(`unit, fuzz and protocol tests (${availableParallelism()} at a time)${e2e ? ', and the quick start on a fresh clone' : ''}`);
const suites = [
  runAside('unit, fuzz and protocol tests', process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${availableParallelism()}`,
    ...testFiles('test/unit'),
    ...testFiles('test/fuzz'),
    ...testFiles('test/lsp'),
  ]),
];
if (e2e) suites.push(runAside('the quick start on a fresh clone', process.execPath, [join(root, 'test/e2e/fresh-clone.test.mjs')]));
const outcomes = await Promise.all(suites);
for (const outcome of outcomes) {
  console.log(`\n--- ${outcome.label} ---\n${outcome.output.trimEnd()}`);
}
for (const outcome of outcomes) if (!outcome.ok) fail(outcome.label, outcome.detail);

// 4. The real editors.
if (e2e) runSync('real-editor tests', process.execPath, [join(root, 'scripts/test-e2e.mjs')]);
console.log(`\nnpm test: every suite passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

#!/usr/bin/env node
// The real-editor tests, in one entry: package the .vsix, check it (file list, size, manifest, Open VSX's
// rules), check the npm package (tarball file list, installed into an empty project, `npx http-status-lens`),
// run the @vscode/test-electron integration suite against the installed .vsix, then the browser-driven test,
// then Neovim as an LSP client of the server shipped in the .vsix.
// Packages the production bundles, as `npm run package` does (it builds them into dist/). Needs code-server,
// chromium and neovim (scripts/install-tools.sh); a missing tool fails the run with a message, it is never skipped.
//
// usage: node scripts/test-e2e.mjs [--vsix FILE] [--only package,npm-package,suite,browser,web,neovim]
// env:   E2E_KEEP=1 keep scratch folders; CODE_SERVER_LAUNCHER_VERBOSE=1 show the workbench's log
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  ToolMissingError,
  findChromium,
  findCodeServer,
  findNeovim,
  loadPlaywright,
  makeTempDir,
  packageVsix,
} from './e2e/tools.mjs';
import { checkPackage, printResults, zipEntries, zipRead } from '../test/e2e/package.test.mjs';

const PREFIX = '[test-e2e]';
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
};
const PHASES = ['package', 'npm-package', 'suite', 'browser', 'web', 'neovim'];
const only = new Set((opt('only') ?? PHASES.join(',')).split(','));
for (const p of only) {
  if (!PHASES.includes(p)) {
    console.error(`${PREFIX} ERROR: unknown phase "${p}" in --only (phases: ${PHASES.join(', ')})`);
    process.exit(2);
  }
}

/** The language server as the .vsix ships it (extension/dist/server.js, self-contained), for other editors. */
function serverFromVsix(vsix, dir) {
  const buf = readFileSync(vsix);
  const entry = zipEntries(buf).get('extension/dist/server.js');
  if (!entry) throw new Error(`${vsix} has no extension/dist/server.js`);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const file = join(dir, 'dist', 'server.js');
  writeFileSync(file, zipRead(buf, entry));
  return file;
}

let child;
function run(label, file, extraArgs) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n${PREFIX} --- ${label} ---`);
    child = spawn(process.execPath, [join(ROOT, file), ...extraArgs], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = undefined;
      resolve({ label, ok: code === 0, seconds: (Date.now() - t0) / 1000, detail: code === 0 ? '' : `exit ${code ?? signal}` });
    });
  });
}
// Ctrl+C reaches the whole foreground process group, so the running child already has it: just wait for it to
// clean up. A SIGTERM (e.g. from a CI supervisor) targets this process only: pass it on.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});
process.on('SIGTERM', () => {
  interrupted = true;
  child?.kill('SIGTERM');
});

async function main() {
  const started = Date.now();
  // Tools first: fail loudly, never skip.
  try {
    if (only.has('suite') || only.has('browser') || only.has('web')) {
      findCodeServer();
      findChromium();
      await loadPlaywright();
    }
    if (only.has('neovim')) findNeovim();
  } catch (err) {
    if (err instanceof ToolMissingError) {
      console.error(`${PREFIX} ERROR: ${err.message}`);
      return 1;
    }
    throw err;
  }

  const scratch = makeTempDir('hsl-test-e2e-');
  const outcomes = [];
  try {
    let vsix = opt('vsix');
    let warnings = [];
    if (!vsix) {
      const t0 = Date.now();
      console.log(`${PREFIX} packaging with vsce`);
      ({ vsix, warnings } = packageVsix(join(scratch, 'vsix')));
      console.log(`${PREFIX} packaged ${vsix} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (only.has('package')) {
      const t0 = Date.now();
      console.log(`\n${PREFIX} --- package checks ---`);
      const { results, files, entries } = await checkPackage(vsix, { warnings });
      for (const f of files) console.log(`  ${String(entries.get(f).size).padStart(8)}  ${f}`);
      const { passed, failed } = printResults(results);
      console.log(`${passed} passed, ${failed} failed`);
      outcomes.push({
        label: 'package checks',
        ok: failed === 0,
        seconds: (Date.now() - t0) / 1000,
        detail: failed ? `${failed} failed` : '',
      });
    }
    if (only.has('npm-package') && !interrupted)
      outcomes.push(await run('npm package (npm pack, installed into an empty project)', 'test/e2e/npm-package.test.mjs', []));
    if (only.has('suite') && !interrupted)
      outcomes.push(await run('integration suite (@vscode/test-electron in code-server)', 'test/e2e/runTest.mjs', ['--vsix', vsix]));
    if (only.has('browser') && !interrupted)
      outcomes.push(await run('browser end-to-end (chromium + code-server)', 'test/e2e/browser.test.mjs', ['--vsix', vsix]));
    if (only.has('web') && !interrupted)
      outcomes.push(
        await run("web extension in the browser (code-server's web worker extension host)", 'test/e2e/browser.test.mjs', [
          '--vsix',
          vsix,
          '--web',
        ]),
      );
    if (only.has('neovim') && !interrupted) {
      const server = serverFromVsix(vsix, join(scratch, 'vsix-server'));
      outcomes.push(
        await run("Neovim as LSP client (the .vsix's dist/server.js --stdio)", 'test/e2e/neovim.test.mjs', ['--server', server]),
      );
    }
  } finally {
    if (process.env.E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`\n${PREFIX} summary`);
  for (const o of outcomes)
    console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.label} (${o.seconds.toFixed(1)} s)${o.detail ? ` ${o.detail}` : ''}`);
  const failed = outcomes.filter((o) => !o.ok).length + (interrupted ? 1 : 0);
  if (interrupted) console.log(`${PREFIX} interrupted`);
  console.log(`${PREFIX} ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`${PREFIX} ERROR: ${process.env.E2E_DEBUG === '1' ? err.stack : (err.message ?? err)}`);
    process.exit(1);
  },
);

#!/usr/bin/env node
// The real-VS-Code tests, in one entry: package the .vsix, check it (file list, size, manifest), run the
// @vscode/test-electron integration suite against the installed package, then the browser-driven test.
// Needs `npm run build` first, and code-server + chromium (scripts/install-tools.sh); a missing tool fails
// the run with a message, it is never skipped.
//
// usage: node scripts/test-e2e.mjs [--vsix FILE] [--only package,suite,browser]
// env:   E2E_KEEP=1 keep scratch folders; CODE_SERVER_LAUNCHER_VERBOSE=1 show the workbench's log
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ToolMissingError, findChromium, findCodeServer, loadPlaywright, makeTempDir, packageVsix } from './e2e/tools.mjs';
import { checkPackage, printResults } from '../test/e2e/package.test.mjs';

const PREFIX = '[test-e2e]';
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
};
const only = new Set((opt('only') ?? 'package,suite,browser').split(','));

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
process.on('SIGINT', () => { interrupted = true; });
process.on('SIGTERM', () => {
  interrupted = true;
  child?.kill('SIGTERM');
});

async function main() {
  const started = Date.now();
  // Tools first: fail loudly, never skip.
  try {
    if (only.has('suite') || only.has('browser')) {
      findCodeServer();
      findChromium();
      await loadPlaywright();
    }
  } catch (err) {
    if (err instanceof ToolMissingError) {
      console.error(`${PREFIX} ERROR: ${err.message}`);
      return 1;
    }
    throw err;
  }
  for (const f of opt('vsix') ? [] : ['dist/client.js', 'dist/server.js', 'dist/cli.js']) {
    if (!existsSync(join(ROOT, f))) {
      console.error(`${PREFIX} ERROR: ${f} is missing: run \`npm run build\` first (npm test does).`);
      return 1;
    }
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
      const { results, files, entries } = checkPackage(vsix, { warnings });
      for (const f of files) console.log(`  ${String(entries.get(f).size).padStart(8)}  ${f}`);
      const { passed, failed } = printResults(results);
      console.log(`${passed} passed, ${failed} failed`);
      outcomes.push({ label: 'package checks', ok: failed === 0, seconds: (Date.now() - t0) / 1000, detail: failed ? `${failed} failed` : '' });
    }
    if (only.has('suite') && !interrupted) outcomes.push(await run('integration suite (@vscode/test-electron in code-server)', 'test/e2e/runTest.mjs', ['--vsix', vsix]));
    if (only.has('browser') && !interrupted) outcomes.push(await run('browser end-to-end (chromium + code-server)', 'test/e2e/browser.test.mjs', ['--vsix', vsix]));
  } finally {
    if (process.env.E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`\n${PREFIX} summary`);
  for (const o of outcomes) console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.label} (${o.seconds.toFixed(1)} s)${o.detail ? ` ${o.detail}` : ''}`);
  const failed = outcomes.filter((o) => !o.ok).length + (interrupted ? 1 : 0);
  if (interrupted) console.log(`${PREFIX} interrupted`);
  console.log(`${PREFIX} ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`${PREFIX} ERROR: ${process.env.E2E_DEBUG === '1' ? err.stack : err.message ?? err}`);
    process.exit(1);
  },
);

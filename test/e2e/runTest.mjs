#!/usr/bin/env node
// The @vscode/test-electron integration suite against the PACKAGED extension: the .vsix is installed into a
// scratch extensions folder and that unpacked, installed folder is the extensionDevelopmentPath, so whatever
// .vscodeignore leaves out is missing here too.
//
// usage: node test/e2e/runTest.mjs [--vsix FILE]        (without --vsix it packages one with vsce)
// env:   E2E_VSCODE=launcher (default: a real VS Code build, code-server, via scripts/e2e/code-server-launcher.mjs)
//                  | download (test-electron downloads VS Code; needs the network) | /path/to/code
//        E2E_GREP=regex (run matching tests only), E2E_KEEP=1 (keep the scratch folder), E2E_WAIT_MS (waits)
import { chmodSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import {
  ROOT,
  ToolMissingError,
  descendants,
  findChromium,
  findCodeServer,
  installVsix,
  makeTempDir,
  packageVsix,
  parseOption,
} from '../../scripts/e2e/tools.mjs';

const LAUNCHER = join(ROOT, 'scripts/e2e/code-server-launcher.mjs');

export async function bundleSuite(outDir) {
  const outfile = join(outDir, 'suite', 'index.js');
  await build({
    entryPoints: [join(ROOT, 'test/e2e/suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

export async function runIntegrationSuite({ vsix } = {}) {
  const started = Date.now();
  const mode = process.env.E2E_VSCODE ?? 'launcher';
  if (mode === 'launcher') {
    findCodeServer();
    findChromium();
  }
  const scratch = makeTempDir('hsl-e2e-suite-');
  try {
    vsix ??= packageVsix(join(scratch, 'vsix')).vsix;
    // code-server's CLI unpacks the .vsix exactly as a user's install would.
    const installed = installVsix(vsix, join(scratch, 'installed'), join(scratch, 'install-profile'));
    const extensionTestsPath = await bundleSuite(scratch);
    const workspace = join(scratch, 'workspace');
    cpSync(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });

    let vscodeExecutablePath;
    if (mode === 'launcher') {
      chmodSync(LAUNCHER, 0o755);
      vscodeExecutablePath = LAUNCHER;
    } else if (mode !== 'download') {
      vscodeExecutablePath = mode;
    }
    console.log(
      `[e2e suite] ${installed} in ${vscodeExecutablePath ? (mode === 'launcher' ? 'code-server' : mode) : 'a downloaded VS Code'}`,
    );
    await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath: installed,
      extensionTestsPath,
      launchArgs: [
        workspace,
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`, // empty: only the extension under test
        '--disable-extension=vscode.git',
      ],
      extensionTestsEnv: {
        E2E_EXTENSION_PATH: installed,
        ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
        ...(process.env.E2E_WAIT_MS ? { E2E_WAIT_MS: process.env.E2E_WAIT_MS } : {}),
      },
    });
    console.log(`[e2e suite] passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (process.env.E2E_KEEP === '1') console.log(`[e2e suite] kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // test-electron handles SIGINT itself; pass a SIGTERM on to the VS Code (launcher) it started, so that the
  // launcher stops code-server, runTests rejects and the scratch folder is removed.
  process.on('SIGTERM', () => {
    for (const pid of descendants(process.pid)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  });
  runIntegrationSuite(parseOption(process.argv.slice(2), 'vsix')).catch((err) => {
    if (err instanceof ToolMissingError) console.error(`[e2e suite] ERROR: ${err.message}`);
    else console.error(`[e2e suite] FAILED: ${err.message ?? err}`);
    process.exit(1);
  });
}

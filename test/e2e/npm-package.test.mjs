#!/usr/bin/env node
// The CLI as an npm package, the way a CI user gets it: `npm pack` of this checkout (the bundles already built,
// so its prepack script is skipped), the tarball's file list checked against the package.json `files` allowlist
// (bundles, schema, rule docs, README, LICENSE, CHANGELOG; no sources or tests), then installed into an empty
// project and run through `npx http-status-lens` on a handler with a known mistake.
//
// usage: node test/e2e/npm-package.test.mjs        (needs `npm run build` first; reaches no registry: the
//        package has no dependencies, so installing the tarball is offline)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, makeTempDir } from '../../scripts/e2e/tools.mjs';

const PREFIX = '[e2e npm-package]';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What the tarball must hold, exactly: the allowlist's files as they are in this checkout. */
export const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/client.js',
  'dist/config.schema.json',
  'dist/server.js',
  'images/icon.png',
  'package.json',
  'schemas/http-status-lens.schema.json',
];

function sh(command, args, cwd, extra = {}) {
  const res = spawnSync(command, args, { cwd, encoding: 'utf8', ...extra });
  if (res.error) throw res.error;
  return res;
}

function check(results, name, fn) {
  try {
    results.push({ name, ok: true, detail: fn() ?? '' });
  } catch (err) {
    results.push({ name, ok: false, detail: err.message });
  }
}

export function runNpmPackageTest() {
  const results = [];
  const scratch = makeTempDir('hsl-npm-package-');
  try {
    const packed = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [info] = JSON.parse(packed.stdout);
    const tarball = join(scratch, info.filename);

    check(results, 'the tarball holds the allowlist and nothing else', () => {
      const files = info.files.map((f) => f.path).sort();
      const rules = files.filter((f) => /^docs\/rules\/[\w-]+\.md$/.test(f));
      const others = files.filter((f) => !rules.includes(f));
      if (rules.length < 7) throw new Error(`only ${rules.length} rule pages: ${rules.join(', ')}`);
      const missing = EXPECTED_FILES.filter((f) => !others.includes(f));
      const extra = others.filter((f) => !EXPECTED_FILES.includes(f));
      if (missing.length || extra.length) throw new Error(`missing: ${missing.join(', ') || '-'}; not allowed: ${extra.join(', ') || '-'}`);
      return `${files.length} files, ${(info.size / 1024).toFixed(0)} KB packed`;
    });

    const project = join(scratch, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-user', version: '1.0.0', private: true }));
    writeFileSync(
      join(project, 'src/orders.ts'),
      "app.put('/orders/:id', (req, res) => res.status(424).json({ error: 'The order is locked by another user' }));\n",
    );
    const install = sh(npm, ['install', '--no-audit', '--no-fund', '--offline', tarball], project);
    check(results, 'the tarball installs into an empty project, offline (no dependencies)', () => {
      if (install.status !== 0) throw new Error(install.stderr);
      const installed = JSON.parse(readFileSync(join(project, 'node_modules/http-status-lens/package.json'), 'utf8'));
      return `http-status-lens ${installed.version}`;
    });

    check(results, '`npx http-status-lens lint` runs from the installed package', () => {
      const run = sh(npm, ['exec', '--offline', '--', 'http-status-lens', 'lint', '--format', 'json', 'src'], project);
      if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
      const findings = JSON.parse(run.stdout);
      const rules = findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
      if (rules.join() !== 'src/orders.ts:1 424-for-lock') throw new Error(`findings: ${rules.join(', ') || 'none'}`);
      return rules.join();
    });

    check(results, '`npx http-status-lens --version` prints the package version', () => {
      const run = sh(npm, ['exec', '--offline', '--', 'http-status-lens', '--version'], project);
      const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
      if (run.stdout.trim() !== version) throw new Error(`printed "${run.stdout.trim()}", expected ${version}`);
    });
  } finally {
    if (process.env.E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = runNpmPackageTest();
  let failed = 0;
  for (const r of results) {
    if (!r.ok) failed++;
    console.log(`${PREFIX} ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? ` (${r.detail})` : ''}`);
  }
  console.log(`${PREFIX} ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

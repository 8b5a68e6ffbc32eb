#!/usr/bin/env node
// Installs the corpus of real handler code into .bench/corpus/ (git-ignored), at the exact versions of
// scripts/corpus/packages.json: npm tarballs through `npm pack`, Debian 12 binary packages through
// `apt-get download` + `dpkg-deb -x`, and a few Debian source packages (Java, C#) through
// `apt-get source --download-only` + `tar`. Nothing is installed system-wide: apt runs on a private
// sources list and state folder under .bench/corpus/.apt/. Rerunning skips what is already there.
//
//   node scripts/corpus/fetch.mjs [--only NAME[,NAME...]] [--force]
//
// Needs: node, npm, apt-get, dpkg-deb, tar with xz (a Debian or Ubuntu machine). Network: the npm
// registry and Debian's archive only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, '.bench/corpus');
const { packages } = JSON.parse(readFileSync(join(root, 'scripts/corpus/packages.json'), 'utf8'));

const args = process.argv.slice(2);
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
const force = args.includes('--force');

/** Where a package's files go; the same function is in measure.ts. */
export function packageDir(pkg) {
  return join(out, pkg.source, `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout || String(result.error ?? '')).trim().split('\n').slice(-3).join('\n');
    throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${detail}`);
  }
  return result.stdout;
}

// --- apt on a private state folder -------------------------------------------------------------

const aptDir = join(out, '.apt');
const aptOptions = [
  '-o',
  `Dir::Etc::SourceList=${join(aptDir, 'sources.list')}`,
  '-o',
  `Dir::Etc::SourceParts=${join(aptDir, 'sources.list.d')}`,
  '-o',
  `Dir::State::Lists=${join(aptDir, 'lists')}`,
  '-o',
  `Dir::Cache=${join(aptDir, 'cache')}`,
  '-o',
  `Dir::Etc::Preferences=${join(aptDir, 'preferences')}`,
  '-o',
  `Dir::Etc::PreferencesParts=${join(aptDir, 'preferences.d')}`,
  '-o',
  'APT::Sandbox::User=root',
  '-o',
  'Debug::NoLocking=1',
  '-q',
];
let aptReady = false;

function aptUpdate() {
  if (aptReady) return;
  for (const dir of ['lists/partial', 'cache/archives/partial', 'sources.list.d', 'preferences.d'])
    mkdirSync(join(aptDir, dir), { recursive: true });
  const suites = ['bookworm', 'bookworm-updates'];
  const lines = [];
  for (const type of ['deb', 'deb-src']) {
    for (const suite of suites) lines.push(`${type} http://deb.debian.org/debian ${suite} main`);
    lines.push(`${type} http://deb.debian.org/debian-security bookworm-security main`);
  }
  writeFileSync(join(aptDir, 'sources.list'), lines.join('\n') + '\n');
  writeFileSync(join(aptDir, 'preferences'), '');
  const stamp = join(aptDir, 'lists/.updated');
  if (!existsSync(stamp) || Date.now() - statSync(stamp).mtimeMs > 24 * 3600 * 1000) {
    console.log('apt-get update (private lists in .bench/corpus/.apt)');
    run('apt-get', [...aptOptions, 'update']);
    writeFileSync(stamp, new Date().toISOString());
  }
  aptReady = true;
}

// --- one package -------------------------------------------------------------------------------

function tarMembers(archive, include) {
  if (!include) return [];
  const first = run('tar', ['-tf', archive], { maxBuffer: 1024 * 1024 * 1024 }).split('\n')[0];
  const top = first.split('/')[0];
  return ['--wildcards', ...include.map((prefix) => (prefix.endsWith('/') ? `${top}/${prefix}*` : `${top}/${prefix}`))];
}

function fetchNpm(pkg, dir, tmp) {
  const packed = JSON.parse(
    run('npm', ['pack', `${pkg.name}@${pkg.version}`, '--json', '--silent', '--pack-destination', tmp], { cwd: tmp }),
  );
  const tarball = join(tmp, packed[0].filename);
  mkdirSync(dir, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1', ...tarMembers(tarball, pkg.include)]);
  return packed[0].integrity;
}

function fetchDeb(pkg, dir, tmp) {
  aptUpdate();
  run('apt-get', [...aptOptions, 'download', `${pkg.name}=${pkg.version}`], { cwd: tmp });
  const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg.name}=${pkg.version} gave no .deb`);
  mkdirSync(dir, { recursive: true });
  run('dpkg-deb', ['-x', join(tmp, deb), dir]);
  return deb;
}

function fetchDebSource(pkg, dir, tmp) {
  aptUpdate();
  run('apt-get', [...aptOptions, 'source', '--download-only', `${pkg.name}=${pkg.version}`], { cwd: tmp });
  const files = readdirSync(tmp);
  // The upstream tarball (Debian's patches are not applied: the corpus is the upstream code).
  const upstream =
    files.find((f) => /\.orig\.tar\.(gz|xz|bz2)$/.test(f)) ??
    files.find((f) => /\.tar\.(gz|xz|bz2)$/.test(f) && !f.includes('.debian.tar.'));
  if (!upstream) throw new Error(`no upstream tarball for ${pkg.name}=${pkg.version}: ${files.join(' ')}`);
  mkdirSync(dir, { recursive: true });
  const archive = join(tmp, upstream);
  run('tar', ['-xf', archive, '-C', dir, '--strip-components=1', ...tarMembers(archive, pkg.include)], { maxBuffer: 1024 * 1024 * 1024 });
  return upstream;
}

function countFiles(dir) {
  let count = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else count++;
    }
  };
  walk(dir);
  return count;
}

mkdirSync(out, { recursive: true });
const manifest = [];
let failures = 0;
for (const pkg of packages) {
  if (only && !only.has(pkg.name)) continue;
  const dir = packageDir(pkg);
  const done = join(dir, '.corpus-done');
  const id = `${pkg.source}:${pkg.name}@${pkg.version}`;
  if (existsSync(done) && !force) {
    manifest.push({ ...pkg, dir: relative(root, dir), artifact: readFileSync(done, 'utf8').trim(), files: countFiles(dir) - 1 });
    console.log(`ok      ${id} (already there)`);
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
  const tmp = join(out, '.tmp', `${pkg.name.replace('/', '+')}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const artifact =
      pkg.source === 'npm' ? fetchNpm(pkg, dir, tmp) : pkg.source === 'deb' ? fetchDeb(pkg, dir, tmp) : fetchDebSource(pkg, dir, tmp);
    writeFileSync(done, `${artifact}\n`);
    manifest.push({ ...pkg, dir: relative(root, dir), artifact, files: countFiles(dir) - 1 });
    console.log(`fetched ${id} (${artifact})`);
  } catch (error) {
    failures++;
    rmSync(dir, { recursive: true, force: true });
    console.error(`FAILED  ${id}: ${error.message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
rmSync(join(out, '.tmp'), { recursive: true, force: true });
if (!only) writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

console.log(`\n${'package'.padEnd(52)} ${'version'.padEnd(30)} files`);
for (const m of manifest) console.log(`${`${m.source}:${m.name}`.padEnd(52)} ${m.version.padEnd(30)} ${m.files}`);
console.log(`\n${manifest.length} packages in .bench/corpus${failures ? `, ${failures} FAILED (see above)` : ''}`);
process.exit(failures ? 1 : 0);

// Shared helpers for the end-to-end suites: locating the tools, starting code-server as its own process
// group, killing process trees, packaging and installing the .vsix. Facts: ../shared/REAL-VSCODE.md.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';

export class ToolMissingError extends Error {}

/** The one option a test script takes, `--name value` or `--name=value`, as `{ name: value }`; anything else is an error. */
export function parseOption(argv, name) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) out[name] = argv[++i];
    else if (argv[i].startsWith(`--${name}=`)) out[name] = argv[i].slice(name.length + 3);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return out;
}

const INSTALL_HINT = 'Run scripts/install-tools.sh (it installs Debian chromium and code-server into .tools/).';

/** The code-server executable: $CODE_SERVER, else .tools/code-server, else `code-server` on PATH. */
export function findCodeServer() {
  if (process.env.CODE_SERVER) {
    if (!existsSync(process.env.CODE_SERVER))
      throw new ToolMissingError(`$CODE_SERVER=${process.env.CODE_SERVER} does not exist. ${INSTALL_HINT}`);
    return process.env.CODE_SERVER;
  }
  const candidates = [
    join(ROOT, '.tools/code-server/node_modules/.bin/code-server'),
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .map((d) => join(d, 'code-server')),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new ToolMissingError(
      `code-server ${CODE_SERVER_VERSION} not found (looked at $CODE_SERVER, .tools/code-server, PATH). ${INSTALL_HINT}`,
    );
  }
  return found;
}

/** A Chromium-family browser for playwright-core: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
    throw new ToolMissingError(`$CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. ${INSTALL_HINT}`);
  }
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new ToolMissingError(`chromium not found (looked at $CHROMIUM_PATH, /usr/bin/chromium). ${INSTALL_HINT}`);
  return found;
}

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new ToolMissingError(`playwright-core cannot be loaded (${err.message}); it is a devDependency: run npm ci.`);
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium() {
  const { chromium } = await loadPlaywright();
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

export function makeTempDir(prefix) {
  const base = process.env.E2E_TMP ?? tmpdir();
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

/** Settings that keep the workbench quiet and deterministic in tests. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'editor.hover.delay': 100,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'settings.json');
  let current = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      current = {};
    }
  }
  writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...current, ...extra }, null, 2));
}

/**
 * Starts code-server on a free loopback port as the leader of its own process group.
 * Returns { port, url, child, logFile, stop() }. stop() kills the group and every descendant.
 */
export async function startCodeServer({ userDataDir, extensionsDir, env = {}, startTimeoutMs = 30_000 }) {
  const bin = findCodeServer();
  const port = await freePort();
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const config = join(userDataDir, 'code-server-config.yaml');
  writeFileSync(config, '');
  const logFile = join(userDataDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config',
    config,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  const child = spawn(bin, args, {
    detached: true, // own process group: the extension host and language server live in it too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const spawnError = new Promise((_, rej) => child.on('error', (e) => rej(new ToolMissingError(`cannot start ${bin}: ${e.message}`))));
  spawnError.catch(() => {});
  // A watchdog in a process group of its own: if the owner of this code-server dies in any way (even SIGKILL,
  // before it could clean up), the watchdog stops code-server's group: no orphaned extension hosts.
  const watchdog = spawn('/bin/sh', ['-c', WATCHDOG, 'code-server-watchdog', String(process.pid), String(child.pid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  const stop = async () => {
    await killGroup(child.pid);
    try {
      process.kill(-watchdog.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`code-server exited early (${exited.code ?? exited.signal}); log:\n${tail(logFile)}`);
      if (Date.now() > deadline)
        throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs} ms; log:\n${tail(logFile)}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      await Promise.race([sleep(100), spawnError]);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, url, child, logFile, stop };
}

const WATCHDOG = `
owner=$1; group=$2
while kill -0 "$owner" 2>/dev/null && kill -0 -"$group" 2>/dev/null; do sleep 0.5; done
kill -TERM -"$group" 2>/dev/null || exit 0
sleep 2
kill -KILL -"$group" 2>/dev/null
exit 0
`;

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** pids of every descendant of `pid` (from /proc), deepest last. */
export function descendants(pid) {
  const children = new Map();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function safeReaddir(d) {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the process group (and any descendant that left it), then SIGKILL what remains after a grace period. */
export async function killGroup(pgid, graceMs = 2000) {
  if (!pgid) return;
  const stragglers = descendants(pgid);
  const signal = (sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* group gone */
    }
    for (const p of stragglers) {
      try {
        process.kill(p, sig);
      } catch {
        /* gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (groupAlive(pgid) || stragglers.some(alive))) await sleep(50);
  if (groupAlive(pgid) || stragglers.some(alive)) {
    signal('SIGKILL');
    const hard = Date.now() + 2000;
    while (Date.now() < hard && (groupAlive(pgid) || stragglers.some(alive))) await sleep(50);
  }
}

// ---- packaging ---------------------------------------------------------------------------------

export function readManifest() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}

/**
 * The .vsix as `npm run package` makes it: the production bundles (minified, which the size check is about),
 * then `vsce package --no-dependencies` into outDir. Returns { vsix, output, warnings } (warnings: vsce's WARNING
 * lines, which the packaging test treats as failures). Throws with the build's or vsce's output when either fails.
 */
export function packageVsix(outDir, { cwd = ROOT } = {}) {
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const build = spawnSync('npm', ['run', '--silent', 'build:production'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) throw new Error(`npm run build:production failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
  mkdirSync(outDir, { recursive: true });
  const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
  if (!existsSync(vsce)) throw new ToolMissingError('@vscode/vsce is not installed (devDependency): run npm ci.');
  const res = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_yes: 'true' },
  });
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  if (res.status !== 0 || !existsSync(vsix)) throw new Error(`vsce package failed (exit ${res.status}):\n${output}`);
  const warnings = output.split('\n').filter((l) => /\bWARNING\b/.test(l));
  return { vsix, output, warnings };
}

/** Installs the .vsix with code-server's CLI (offline) and returns the installed extension's folder. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const bin = findCodeServer();
  const args = ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'];
  if (userDataDir) args.unshift('--user-data-dir', userDataDir);
  const before = new Set(safeReaddir(extensionsDir));
  const output = execFileSync(bin, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
  });
  const dirs = safeReaddir(extensionsDir).filter((d) => !before.has(d) && existsSync(join(extensionsDir, d, 'package.json')));
  if (dirs.length !== 1) {
    throw new Error(`installing ${vsix} into the fresh folder ${extensionsDir} created ${dirs.length} extension folders:\n${output}`);
  }
  const fresh = dirs[0];
  return join(extensionsDir, fresh);
}

// ---- other editors -----------------------------------------------------------------------------

export const MIN_NEOVIM = [0, 7];

/** Neovim for the LSP-client test: $NVIM_PATH, else `nvim` on PATH; it must be 0.7 or newer. Returns { bin, version }. */
export function findNeovim() {
  const hint = "Install Debian's neovim (scripts/install-tools.sh does: apt-get install neovim).";
  let bin = process.env.NVIM_PATH;
  if (bin && !existsSync(bin)) throw new ToolMissingError(`$NVIM_PATH=${bin} does not exist. ${hint}`);
  bin ??= (process.env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .map((d) => join(d, 'nvim'))
    .find((c) => existsSync(c));
  if (!bin) throw new ToolMissingError(`nvim not found (looked at $NVIM_PATH and PATH). ${hint}`);
  const res = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(res.stdout ?? '');
  if (!m)
    throw new ToolMissingError(
      `${bin} --version did not print an NVIM version (${(res.stderr || res.error?.message || '').trim()}). ${hint}`,
    );
  const version = m.slice(1).map(Number);
  if (version[0] < MIN_NEOVIM[0] || (version[0] === MIN_NEOVIM[0] && version[1] < MIN_NEOVIM[1])) {
    throw new ToolMissingError(`${bin} is Neovim ${version.join('.')}; the LSP test needs ${MIN_NEOVIM.join('.')} or newer. ${hint}`);
  }
  return { bin, version: version.join('.') };
}

#!/usr/bin/env node
// A stand-in for the VS Code desktop executable that @vscode/test-electron's runTests({ vscodeExecutablePath })
// (or @vscode/test-cli's useInstallation.fromPath) can call where no desktop build can be downloaded.
//
// It accepts the desktop arguments test-electron passes:
//   --extensionDevelopmentPath=DIR  --extensionTestsPath=FILE_OR_DIR  --user-data-dir=DIR  --extensions-dir=DIR
//   [FOLDER]   (other flags such as --no-sandbox, --disable-updates, --skip-welcome are accepted and ignored)
// then starts code-server (a real VS Code build) on a free loopback port as its own process group, opens the
// workbench in headless Debian chromium with the development/test payload, forwards the workbench's
// codeAutomationLog output to stdout and exits with the code the tests pass to codeAutomationExit, killing the
// whole process group (code-server, extension host, language server) at the end.
//
// Environment: CODE_SERVER, CHROMIUM_PATH (tool locations), CODE_SERVER_LAUNCHER_TIMEOUT_MS (default 120000),
// CODE_SERVER_LAUNCHER_VERBOSE=1 (also forward the page's console and print code-server's log).
// Exit codes: the tests' code; 124 on overall timeout; 127 when a tool is missing; 2 on bad usage; 1 otherwise.
import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  ROOT,
  ToolMissingError,
  findChromium,
  findCodeServer,
  launchChromium,
  makeTempDir,
  startCodeServer,
  tail,
  writeUserSettings,
} from './tools.mjs';

const PREFIX = '[code-server-launcher]';
const verbose = process.env.CODE_SERVER_LAUNCHER_VERBOSE === '1';

function parseArgs(argv) {
  const known = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'launcher-timeout']);
  const opts = { extensionDevelopmentPath: [], positional: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version' || a === '-v') {
      opts.version = true;
      continue;
    }
    if (a === '--help' || a === '-h') {
      opts.help = true;
      continue;
    }
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      opts.positional.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (!known.has(name)) {
      opts.ignored.push(a);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    if (name === 'extensionDevelopmentPath') opts.extensionDevelopmentPath.push(value);
    else opts[name] = value;
  }
  return opts;
}

class UsageError extends Error {}

// The workbench's own start-up chatter arrives through codeAutomationLog with the same type as the tests'
// output; these lines are dropped unless CODE_SERVER_LAUNCHER_VERBOSE=1.
const WORKBENCH_NOISE = new RegExp(
  '^(Resolving connection token|Resolved connection token|Creating a socket|\\[Service Worker\\]|' +
    'Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|ChatSessionStore:)',
);

const abs = (p) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

/** vscode-remote URI for an absolute path on the code-server host. */
const remote = (authority, p) => `vscode-remote://${authority}${encodeURI(abs(p))}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(
      'usage: code-server-launcher --extensionDevelopmentPath=DIR --extensionTestsPath=PATH [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]',
    );
    return 0;
  }
  if (opts.version) {
    const { execFileSync } = await import('node:child_process');
    process.stdout.write(execFileSync(findCodeServer(), ['--version'], { encoding: 'utf8' }));
    return 0;
  }
  if (!opts.extensionTestsPath) throw new UsageError('--extensionTestsPath is required (this launcher only runs extension tests)');
  if (opts.extensionDevelopmentPath.length > 1) {
    throw new UsageError("code-server's web workbench takes one --extensionDevelopmentPath; got " + opts.extensionDevelopmentPath.length);
  }
  if (opts.positional.length > 1) throw new UsageError(`at most one folder to open; got ${opts.positional.join(' ')}`);

  // Fail fast, with a clear message, before anything is started.
  findCodeServer();
  findChromium();

  const timeoutMs = Number(opts['launcher-timeout'] ?? process.env.CODE_SERVER_LAUNCHER_TIMEOUT_MS ?? 120_000);
  const ownDirs = []; // scratch folders made here (none when test-electron passes both) are removed at the end
  const scratch = (prefix) => {
    const d = makeTempDir(prefix);
    ownDirs.push(d);
    return d;
  };
  const userDataDir = abs(opts['user-data-dir'] ?? scratch('cs-user-'));
  const extensionsDir = abs(opts['extensions-dir'] ?? scratch('cs-ext-'));
  writeUserSettings(userDataDir);
  if (verbose && opts.ignored.length) console.error(`${PREFIX} ignoring ${opts.ignored.join(' ')}`);

  let server;
  let browser;
  let timer;
  let cleaning;
  // Idempotent: the signal handlers, the parent watch and main's finally all share one cleanup.
  const cleanup = () =>
    (cleaning ??= (async () => {
      clearTimeout(timer);
      if (browser) await browser.close().catch(() => {});
      if (server) {
        if (verbose) console.error(`${PREFIX} code-server log:\n${tail(server.logFile, 200)}`);
        await server.stop();
      }
      for (const d of ownDirs) rmSync(d, { recursive: true, force: true });
    })());
  let exiting = false;
  const stopAndExit = (why, code) => {
    if (exiting) return; // test-electron sends SIGINT again after the terminal's: one cleanup is enough
    exiting = true;
    console.error(`${PREFIX} ${why}: stopping code-server and chromium`);
    cleanup().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stopAndExit('SIGINT', 130));
  process.on('SIGTERM', () => stopAndExit('SIGTERM', 143));
  process.on('SIGHUP', () => stopAndExit('SIGHUP', 129));
  // If whoever started us dies (e.g. test-electron's process killed with SIGTERM), stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stopAndExit('the parent process exited', 1);
  }, 500).unref();
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', () => {
      /* EPIPE once the parent is gone */
    });

  const started = Date.now();
  try {
    server = await startCodeServer({ userDataDir, extensionsDir });
    if (verbose) console.error(`${PREFIX} code-server on ${server.url} in ${Date.now() - started} ms`);
    const authority = `127.0.0.1:${server.port}`;
    const payload = [['extensionTestsPath', remote(authority, opts.extensionTestsPath)]];
    for (const p of opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(authority, p)]);
    const params = new URLSearchParams();
    if (opts.positional[0]) {
      const target = abs(opts.positional[0]);
      params.set(target.endsWith('.code-workspace') ? 'workspace' : 'folder', target);
    } else {
      params.set('ew', 'true'); // empty window
    }
    params.set('payload', JSON.stringify(payload));
    const url = `${server.url}/?${params}`;

    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const exit = new Promise((resolveExit) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
        if (!verbose && WORKBENCH_NOISE.test(text)) return;
        (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    });
    if (verbose) {
      page.on('console', (m) => console.error(`${PREFIX} [page ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => console.error(`${PREFIX} [page error] ${e.message}`));
    }
    const timeout = new Promise((_, rej) => {
      timer = setTimeout(() => rej(new TimeoutError(timeoutMs)), Math.max(0, timeoutMs - (Date.now() - started)));
    });
    await Promise.race([page.goto(url, { waitUntil: 'domcontentloaded' }), timeout]);
    const code = await Promise.race([exit, timeout]);
    if (verbose) console.error(`${PREFIX} tests exited with ${code} after ${Date.now() - started} ms`);
    return code;
  } catch (err) {
    if (err instanceof TimeoutError && browser) {
      const dir = join(ROOT, 'test-results/screenshots');
      try {
        mkdirSync(dir, { recursive: true });
        const [page] = browser.contexts()[0]?.pages() ?? [];
        if (page) await page.screenshot({ path: join(dir, 'launcher-timeout.png') });
        console.error(`${PREFIX} screenshot of the stuck workbench: test-results/screenshots/launcher-timeout.png`);
      } catch {
        /* best effort */
      }
    }
    if (server && !(err instanceof TimeoutError)) console.error(`${PREFIX} code-server log (tail):\n${tail(server.logFile)}`);
    throw err;
  } finally {
    await cleanup();
  }
}

class TimeoutError extends Error {
  constructor(ms) {
    super(`the tests did not call codeAutomationExit within ${ms} ms (set CODE_SERVER_LAUNCHER_TIMEOUT_MS to change)`);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ToolMissingError) {
      console.error(`${PREFIX} ERROR: ${err.message}`);
      process.exit(127);
    }
    if (err instanceof UsageError) {
      console.error(`${PREFIX} usage error: ${err.message}`);
      process.exit(2);
    }
    console.error(`${PREFIX} ERROR: ${err instanceof TimeoutError ? err.message : (err.stack ?? err)}`);
    process.exit(err instanceof TimeoutError ? 124 : 1);
  },
);

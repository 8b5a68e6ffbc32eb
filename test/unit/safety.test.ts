/**
 * Safety: the server and the CLI never touch the network, never start a process, never run workspace code
 * (configuration is JSON only), never fetch a `$ref`, and the server reads no file content outside the
 * workspace it serves. Checked three ways: the sources' imports and calls, the bundles' module graph, and
 * the bundled server at run time with every network and process API replaced by a tripwire, while a real
 * HTTP server on 127.0.0.1 waits for a connection that must never come.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import * as knowledge from '../../server/src/knowledge';
import {
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(__dirname, '../..');

/** Node modules that reach the network, start processes or run code. */
const FORBIDDEN = ['child_process', 'net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'cluster', 'inspector', 'vm', 'worker_threads'];
/** worker_threads runs the CLI's and the server's own bundle on another thread (the CLI's workers, the scan worker, the editor's first index), from these places only. */
const WORKER_PLACES = [
  path.join('server', 'src', 'cli'),
  path.join('server', 'src', 'large', 'worker.ts'),
  path.join('server', 'src', 'large', 'workerThread.ts'),
  path.join('server', 'src', 'workspace', 'indexWorker.ts'),
  path.join('server', 'src', 'workspace', 'indexThread.ts'),
];
const BUILTIN_SECTION = '(a built-in re-exported)';
const mayStartWorkers = (relative: string) => WORKER_PLACES.some((place) => relative.startsWith(place));
/** Global calls that reach the network or evaluate code. */
const FORBIDDEN_CALLS = new Set(['fetch', 'eval', 'Function', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'importScripts']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.[cm]?tsx?$/.test(entry.name) ? [full] : [];
  });
}

const bare = (specifier: string) => specifier.replace(/^node:/, '').split('/')[0];

describe('safety: the sources', () => {
  const files = sourceFiles(path.join(root, 'server/src'));

  test('import no network, process or code-running module (worker_threads: the CLI, the scan worker and the index worker only)', () => {
    const found: string[] = [];
    for (const file of files) {
      const relative = path.relative(root, file);
      const workers = mayStartWorkers(relative);
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const check = (specifier: string, node: ts.Node) => {
        const name = bare(specifier);
        if (FORBIDDEN.includes(name) && !(workers && name === 'worker_threads'))
          found.push(`${relative}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${specifier}`);
      };
      const visit = (node: ts.Node): void => {
        if (
          (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
          node.moduleSpecifier &&
          ts.isStringLiteral(node.moduleSpecifier)
        )
          check(node.moduleSpecifier.text, node);
        if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
          const callee = node.expression;
          if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword)
            check(node.arguments[0].text, node);
        }
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && !ts.isStringLiteralLike(node.arguments[0]))
          found.push(`${relative}: import() of a computed specifier`);
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'require' &&
          !ts.isStringLiteralLike(node.arguments[0] ?? node)
        )
          found.push(`${relative}: require() of a computed specifier`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepEqual(found, []);
  });

  test('call no global fetch, eval, Function or socket API', () => {
    const found: string[] = [];
    for (const file of files) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
          ts.isIdentifier(node.expression) &&
          FORBIDDEN_CALLS.has(node.expression.text)
        ) {
          found.push(
            `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.getText(sf).slice(0, 60)}`,
          );
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepEqual(found, []);
  });
});

/**
 * Library modules bundled with a forbidden require that the server never calls: vscode-jsonrpc's socket and
 * pipe transports (net), vscode-languageserver's global-module lookup (child_process). The run-time test
 * below shows they stay unused; anything new here must be looked at.
 */
const LIBRARY_ALLOWANCE: Record<string, string[]> = {
  'node_modules/vscode-jsonrpc/lib/node/main.js': ['net', 'crypto', 'os'],
  'node_modules/vscode-languageserver/lib/node/files.js': ['child_process'],
};

describe('safety: the bundles', () => {
  for (const bundle of ['dist/server.js', 'dist/cli.js']) {
    test(
      `${bundle}: forbidden modules only in known library code`,
      { skip: !fs.existsSync(path.join(root, bundle)) && 'run npm run build' },
      () => {
        const text = fs.readFileSync(path.join(root, bundle), 'utf8');
        // esbuild marks the start of each module with a `// path` comment line.
        let section = '(bundle header)';
        const found: string[] = [];
        for (const line of text.split('\n')) {
          // (A checkout whose node_modules is a symlink into another one gets `../other/node_modules/...`, or
          // `../../main/node_modules/...` from a worktree.)
          const marker = /^\/\/ (?:(?:\.\.\/)+[^/\s]+\/)?((?:node_modules|server|data|client)\/\S+)$/.exec(line);
          if (marker) {
            section = marker[1];
            continue;
          }
          // A built-in is required once, in a module of its own that re-exports it (esbuild.mjs, builtinsOnce);
          // the modules that use it name its exports (`node_worker_threads_exports`), which is what is checked.
          if (line.startsWith('// builtin:')) {
            section = BUILTIN_SECTION;
            continue;
          }
          if (section === BUILTIN_SECTION) continue;
          for (const match of line.matchAll(
            /\brequire\("(?:node:)?([a-z_0-9/]+)"\)|\bimport\("([^"]+)"\)|\bnode_([a-z_0-9]+)_exports\b/g,
          )) {
            const name = match[1] ? bare(match[1]) : (match[3] ?? `import(${match[2]})`);
            if (!FORBIDDEN.includes(name) && !name.startsWith('import(')) continue;
            if (name === 'worker_threads' && mayStartWorkers(section)) continue;
            if (LIBRARY_ALLOWANCE[section]?.includes(name)) continue;
            found.push(`${section}: ${name}`);
          }
        }
        assert.deepEqual(found, []);
      },
    );
  }
});

describe('safety: the web bundles (vscode.dev, github.dev)', () => {
  // In a web worker there is no Node: a require() of anything but the editor's API would fail at load.
  for (const [bundle, allowed] of [
    ['dist/browserServer.js', []],
    ['dist/browserClient.js', ['vscode']],
  ] as const) {
    test(
      `${bundle}: requires no module${allowed.length ? ` but ${allowed.join(', ')}` : ''}, Node built-in or other`,
      { skip: !fs.existsSync(path.join(root, bundle)) && 'run npm run build' },
      () => {
        const text = fs.readFileSync(path.join(root, bundle), 'utf8');
        const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
        assert.deepEqual(
          required.filter((name) => !(allowed as readonly string[]).includes(name)),
          [],
        );
        for (const name of ['worker_threads', 'child_process', 'node:fs', 'readFileSync'])
          assert.ok(!text.includes(name), `${bundle} mentions ${name}`);
      },
    );
  }

  test('the web server is built from shared code without the disk config reader or the scan worker', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(root, 'server/src/browserServer.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'iife',
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const nodeOnly of [
      'large/worker.ts',
      'large/workerThread.ts',
      'workspace/indexWorker.ts',
      'workspace/indexThread.ts',
      'editorSettings/diskConfig.ts',
      'config/load.ts',
      'config/cascade.ts',
      'cli/',
    ])
      assert.ok(!inputs.some((input) => input.includes(nodeOnly)), `${nodeOnly} is in the web server bundle`);
    assert.ok(inputs.some((input) => input.includes('editorSettings/clientConfig.ts')));
  });
});

/** A preload that turns every network, process and code-loading API into a tripwire that logs and throws. */
const TRIPWIRES = `
const fs = require('node:fs');
const log = process.env.TRIPWIRE_LOG;
const note = (what) => fs.appendFileSync(log, what + '\\n');
const trip = (name) => function () { note('CALL ' + name + ' ' + JSON.stringify([...arguments].map(String)).slice(0, 200)); throw new Error('tripwire: ' + name); };
const wire = (moduleName, names) => { const m = require(moduleName); for (const n of names) if (typeof m[n] === 'function') m[n] = trip(moduleName + '.' + n); };
wire('node:child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
wire('node:net', ['connect', 'createConnection', 'createServer']);
require('node:net').Socket.prototype.connect = trip('net.Socket.connect');
wire('node:http', ['request', 'get', 'createServer']);
wire('node:https', ['request', 'get', 'createServer']);
wire('node:http2', ['connect', 'createServer']);
wire('node:dgram', ['createSocket']);
wire('node:tls', ['connect', 'createServer']);
wire('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6']);
wire('node:vm', ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
globalThis.fetch = trip('fetch');
globalThis.WebSocket = trip('WebSocket');
// A worker may run only the process's own script (the scan worker); the preload runs in it too.
if (process.env.TRIPWIRE_WORKERS) {
  const threads = require('node:worker_threads');
  const Worker = threads.Worker;
  threads.Worker = function (file, options) {
    if (require('node:path').resolve(String(file)) !== require('node:path').resolve(String(process.argv[1]))) return trip('worker_threads.Worker')(file);
    note('WORKER ' + file);
    return new Worker(file, options);
  };
}
// Content reads, to compare with where the server may read.
for (const n of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream']) {
  const original = fs[n];
  fs[n] = function (file) { if (typeof file === 'string' || file instanceof URL) note('READ ' + String(file)); return original.apply(this, arguments); };
}
`;

describe(
  'safety: the bundled server at run time',
  { skip: !fs.existsSync(path.join(root, 'dist/server.js')) && 'run npm run build' },
  () => {
    let workspace: string;
    let outside: string;
    let logFile: string;
    let listener: http.Server;
    let connections = 0;
    let server: ChildProcess;
    let connection: ProtocolConnection;
    const published = new Map<string, unknown[]>();

    before(async () => {
      listener = http.createServer((_, res) => res.end('openapi: 3.0.0\n'));
      listener.on('connection', () => connections++);
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const port = (listener.address() as AddressInfo).port;
      const remote = `http://127.0.0.1:${port}`;

      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-safe-'));
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-outside-'));
      logFile = path.join(outside, 'tripwire.log');
      fs.writeFileSync(logFile, '');
      const marker = path.join(outside, 'workspace-code-ran');
      const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: {} };`;
      // Code that a careless config loader would run, under every name such loaders try.
      for (const name of [
        '.http-status-lens.js',
        '.http-status-lens.cjs',
        '.http-status-lens.mjs',
        'http-status-lens.config.js',
        '.http-status-lensrc.js',
      ])
        fs.writeFileSync(path.join(workspace, name), payload);
      fs.writeFileSync(
        path.join(workspace, '.http-status-lens.json'),
        JSON.stringify({ $schema: `${remote}/schema.json`, extends: `${remote}/base.json`, rules: { '424-for-lock': 'error' } }),
      );
      fs.writeFileSync(
        path.join(workspace, 'package.json'),
        JSON.stringify({ scripts: { postinstall: payload }, 'http-status-lens': { plugins: ['./.http-status-lens.js'] } }),
      );
      fs.writeFileSync(
        path.join(workspace, 'api.yaml'),
        `openapi: 3.0.0\npaths:\n  /a:\n    $ref: '${remote}/paths.yaml#/a'\n  /b:\n    get:\n      responses:\n        '424':\n          $ref: '${remote}/responses.yaml#/Locked'\n        '409':\n          $ref: 'file://${outside}/secret.yaml#/x'\n        '423':\n          $ref: '../${path.basename(outside)}/secret.yaml#/y'\n`,
      );
      fs.writeFileSync(path.join(outside, 'secret.yaml'), 'x: {description: secret}\n');
      fs.writeFileSync(path.join(outside, '.http-status-lens.json'), JSON.stringify({ rules: { '424-for-lock': 'off' } }));

      const preload = path.join(outside, 'tripwires.cjs');
      fs.writeFileSync(preload, TRIPWIRES);
      server = spawn(process.execPath, ['--require', preload, path.join(root, 'dist/server.js'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, TRIPWIRE_LOG: logFile, TRIPWIRE_WORKERS: '1' },
      });
      connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) =>
        published.set(params.uri, params.diagnostics),
      );
      connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
      connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(workspace).href, name: 'w' }]);
      connection.onRequest('client/registerCapability', () => null);
      connection.onRequest('window/showMessageRequest', () => null);
      connection.listen();
      const folder = pathToFileURL(workspace).href;
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'w' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      });
      await connection.sendNotification('initialized', {});
    });

    after(async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      server.kill();
      listener.close();
      fs.rmSync(workspace, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    });

    test('every feature on a workspace full of remote $refs and code-like configs: no network, no process, no code run, no read outside', async () => {
      const spec = pathToFileURL(path.join(workspace, 'api.yaml')).href;
      const code = pathToFileURL(path.join(workspace, 'handler.ts')).href;
      const stray = pathToFileURL(path.join(outside, 'stray.ts')).href;
      // Over a megabyte: checked in the scan worker, which runs under the same tripwires.
      const large = pathToFileURL(path.join(workspace, 'large.yaml')).href;
      const operation = (i: number) =>
        `  /r${i}:\n    get:\n      responses:\n        '200':\n          $ref: '${'http://127.0.0.1:9'}/r.yaml#/r${i}'\n`;
      const largeText =
        fs.readFileSync(path.join(workspace, 'api.yaml'), 'utf8') + Array.from({ length: 14_000 }, (_, i) => operation(i)).join('');
      const texts: [string, string, string][] = [
        [spec, 'yaml', fs.readFileSync(path.join(workspace, 'api.yaml'), 'utf8')],
        [large, 'yaml', largeText],
        [code, 'typescript', "import x from 'http://127.0.0.1/x.js';\nres.status(424).json({ error: 'the order is locked' });\n"],
        [stray, 'typescript', "res.status(424).json({ error: 'locked' });\n"],
      ];
      for (const [uri, languageId, text] of texts)
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const deadline = Date.now() + 10_000;
      while (texts.some(([uri]) => !published.has(uri)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      for (const [uri, , text] of texts) {
        const line = text.split('\n').findIndex((l) => l.includes('424'));
        const character = text.split('\n')[line].indexOf('424') + 1;
        await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
        const diagnostics = published.get(uri) ?? [];
        await connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          context: { diagnostics },
        });
      }
      await connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path.join(workspace, '.http-status-lens.json')).href, type: 2 }],
      });
      await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await new Promise((resolve) => setTimeout(resolve, 300));

      const log = fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
      const findings = (published.get(code) ?? []) as { severity: number }[];
      assert.equal(findings[0]?.severity, 1, 'the server did its work, with the workspace config read (424-for-lock set to error)');
      assert.ok(log.includes(`READ ${path.join(workspace, '.http-status-lens.json')}`), 'the tripwires see file reads');
      assert.ok(largeText.length > 1_000_000 && log.some((l) => l.startsWith('WORKER ')), 'the large spec went to the scan worker');
      assert.ok((published.get(large) ?? []).length > 0, 'the worker checked the large spec');
      assert.deepEqual(
        log.filter((l) => l.startsWith('CALL')),
        [],
        'no network, process or code-running API was called',
      );
      assert.equal(connections, 0, 'nothing connected to the HTTP server the $refs and the config point at');
      assert.ok(!fs.existsSync(path.join(outside, 'workspace-code-ran')), 'no workspace code ran');
      const reads = log.filter((l) => l.startsWith('READ ')).map((l) => l.slice(5));
      const allowed = (file: string) =>
        file.startsWith(workspace + path.sep) ||
        file.startsWith(path.join(root, 'dist') + path.sep) ||
        file.startsWith('/proc/') ||
        file.startsWith('/dev/');
      assert.deepEqual(
        reads.filter((file) => !allowed(file)),
        [],
        'the server read content only from the workspace (and its own bundle)',
      );
      assert.deepEqual(
        reads
          .filter((file) => file.startsWith(workspace + path.sep))
          .map((file) => path.basename(file))
          .filter((name) => name !== '.http-status-lens.json' && name !== '.gitignore' && knowledge.languageForFile(name) === undefined),
        [],
        'in the workspace, only the JSON config, ignore files and source files (read as text by the workspace index, never run) are read',
      );
    });
  },
);

describe('safety: the tripwires themselves', () => {
  test('they catch a network call, a process and a read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-trip-'));
    try {
      const preload = path.join(dir, 'tripwires.cjs');
      const logFile = path.join(dir, 'log');
      fs.writeFileSync(preload, TRIPWIRES);
      fs.writeFileSync(logFile, '');
      const probe =
        "for (const f of [() => fetch('http://127.0.0.1:9'), () => require('http').get('http://127.0.0.1:9'), () => require('child_process').execSync('true'), () => new (require('worker_threads').Worker)('')]) { try { f(); } catch {} } require('fs').readFileSync(__filename === '[eval]' ? '/etc/hostname' : __filename);";
      spawnSync(process.execPath, ['--require', preload, '-e', probe], {
        env: { ...process.env, TRIPWIRE_LOG: logFile, TRIPWIRE_WORKERS: '1' },
      });
      const log = fs.readFileSync(logFile, 'utf8');
      for (const name of ['fetch', 'node:http.get', 'node:child_process.execSync', 'worker_threads.Worker', 'READ /etc/hostname'])
        assert.ok(log.includes(name), `${name} in ${log}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('safety: the CLI at run time', { skip: !fs.existsSync(path.join(root, 'dist/cli.js')) && 'run npm run build' }, () => {
  test('lint and --fix of a project with remote $refs and code-like configs: no network, no process, no code run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-cli-safe-'));
    try {
      const logFile = path.join(dir, '..', `${path.basename(dir)}.log`);
      fs.writeFileSync(logFile, '');
      const marker = `${dir}.ran`;
      for (const name of ['.http-status-lens.js', '.http-status-lens.cjs', 'http-status-lens.config.js'])
        fs.writeFileSync(path.join(dir, name), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
      fs.writeFileSync(path.join(dir, '.http-status-lens.json'), '{"$schema": "http://127.0.0.1:9/schema.json"}');
      fs.writeFileSync(
        path.join(dir, 'api.yaml'),
        "openapi: 3.0.0\npaths:\n  /a:\n    $ref: 'http://127.0.0.1:9/a.yaml'\n    get:\n      responses:\n        '424':\n          description: the order is locked\n",
      );
      fs.writeFileSync(path.join(dir, 'h.ts'), "res.status(424).json({ error: 'the order is locked' });\n");
      const preload = path.join(dir, '..', `${path.basename(dir)}-tripwires.cjs`);
      fs.writeFileSync(preload, TRIPWIRES);
      for (const args of [
        ['lint', '--format', 'json', dir],
        ['lint', '--fix', dir],
      ]) {
        const result = spawnSync(process.execPath, ['--require', preload, path.join(root, 'dist/cli.js'), ...args], {
          env: { ...process.env, TRIPWIRE_LOG: logFile },
          encoding: 'utf8',
        });
        assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      }
      const log = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('CALL'));
      assert.deepEqual(log, []);
      assert.ok(!fs.existsSync(marker), 'no workspace code ran');
      assert.match(fs.readFileSync(path.join(dir, 'h.ts'), 'utf8'), /status\(423\)/, 'the CLI did its work');
      fs.rmSync(logFile);
      fs.rmSync(preload);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

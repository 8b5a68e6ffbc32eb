// Bundles the extension client, the language server and the CLI into dist/. Type checking is `tsc --noEmit`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { editorSchema } from './scripts/editor-schema.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Each Node built-in imported once for the whole bundle: esbuild wraps a CommonJS module in a copy of its
 * exports for each module that imports it (`__toESM(require("node:fs"))`: 31 copies of fs and path's ~100
 * properties in the CLI, ~1.3 ms of a --cache re-run). Imports go through one ESM module per built-in that
 * re-exports it, which esbuild copies once; require() calls are left as they are.
 * @type {esbuild.Plugin}
 */
const builtinsOnce = {
  name: 'builtins-once',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, ({ path, kind, namespace }) => {
      if (namespace === 'builtin') return { path, external: true };
      return kind === 'import-statement' ? { path, namespace: 'builtin' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => ({ contents: `export * from ${JSON.stringify(path)};` }));
  },
};

/**
 * The knowledge files (data/*.json) as `JSON.parse('...')` instead of object literals: V8 scans a string and
 * parses JSON faster than it compiles the same data as code (~200 KB, evaluated at every start).
 * @type {esbuild.Plugin}
 */
const dataAsJson = {
  name: 'data-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, ({ path }) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // vscode-languageserver-types ships a UMD build that esbuild cannot see through; use its ESM build.
  mainFields: ['module', 'main'],
  plugins: [builtinsOnce, dataAsJson],
};

/** The web extension (vscode.dev, github.dev): no Node built-ins; packages' browser builds first. */
const web = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [dataAsJson] };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserClient.js', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browserServer.js', format: 'iife' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// The config file's schema as VS Code's JSON validation reads it: completion only (scripts/editor-schema.mjs).
mkdirSync('dist', { recursive: true });
const schema = JSON.parse(readFileSync('schemas/http-status-lens.schema.json', 'utf8'));
writeFileSync('dist/config.schema.json', JSON.stringify(editorSchema(schema), null, 2) + '\n');

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
}

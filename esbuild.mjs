// Bundles the extension client, the language server and the CLI into dist/. Type checking is `tsc --noEmit`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { editorSchema } from './scripts/editor-schema.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
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

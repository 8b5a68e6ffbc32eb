// Runs every suite CI runs, in order: unit + protocol tests (node's test runner), then the real-VS-Code tests.
// `npm test` builds first; this script expects dist/ to exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (!existsSync(join(root, 'dist/server.js'))) {
  console.error('dist/server.js is missing: run `npm run build` first (npm test does).');
  process.exit(1);
}

run('unit and protocol tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/unit'), ...testFiles('test/fuzz'), ...testFiles('test/lsp')]);
if (existsSync(join(root, 'scripts/test-e2e.mjs')) && !process.argv.includes('--no-e2e')) {
  run('real VS Code tests', process.execPath, [join(root, 'scripts/test-e2e.mjs')]);
}

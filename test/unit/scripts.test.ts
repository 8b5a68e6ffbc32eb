// No orphan scripts: every file in scripts/ is run by an npm script, or imported (directly or not) by one, by
// the build, a test or the bench. A script nothing reaches is either wired into package.json or removed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(relative);
    return /\.(ts|mts|mjs|js|sh)$/.test(entry.name) && !entry.name.endsWith('.d.mts') ? [relative] : [];
  });
}

/** The relative modules a file imports or runs, resolved to repository paths. */
function reached(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]|['"`](?:\$\{?[A-Z_]+\}?\/)?(scripts\/[\w./-]+)['"`]/g,
  )) {
    const target = match[1] ? path.join(path.dirname(file), match[1]) : match[2];
    for (const candidate of [target, `${target}.ts`, `${target}.mjs`, path.join(target, 'index.ts')])
      if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile())
        found.push(path.normalize(candidate));
  }
  return found;
}

test('every file in scripts/ is reached from package.json, the build, a test or the bench', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const entries = new Set<string>();
  for (const command of Object.values(manifest.scripts))
    for (const match of command.matchAll(/(scripts\/[\w./-]+)/g)) entries.add(path.normalize(match[1]));
  for (const file of [...files('test'), ...files('bench'), 'esbuild.mjs', 'action.yml', '.ci/run']) entries.add(file);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !fs.existsSync(path.join(root, file))) continue;
    seen.add(file);
    queue.push(...reached(file));
  }
  const orphans = files('scripts').filter((file) => !seen.has(file));
  assert.deepEqual(orphans, [], 'wire each into an npm script (package.json) or remove it');
});

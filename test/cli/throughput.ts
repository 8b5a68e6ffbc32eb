/**
 * Files per second of `http-status-lens lint` on a large tree of real sources: the .ts/.js/.json/.yaml
 * files of node_modules, copied into a temporary directory (directory names the walk would skip are
 * renamed so every file counts). Compares one thread with worker threads on every core.
 *
 *   npm run build && node --import tsx test/cli/throughput.ts [--files 5000] [--runs 3] [--keep]
 *
 * Not a test (timings vary with the machine): it prints a table. The benchmark suite can call measure().
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'dist/cli.js');
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|json|yaml|yml)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'coverage', 'vendor']);

export interface Measurement {
  concurrency: string;
  files: number;
  seconds: number;
  filesPerSecond: number;
}

/** Copies up to `count` source files of node_modules (each under 200 KB) into a new directory. */
export function makeTree(count: number): { dir: string; files: number; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-throughput-'));
  fs.mkdirSync(path.join(dir, '.git'));
  let files = 0;
  let bytes = 0;
  const visit = (source: string, target: string[]) => {
    for (const entry of fs.readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (files >= count) return;
      const from = path.join(source, entry.name);
      const name = SKIPPED.has(entry.name) || entry.name.startsWith('.') ? `_${entry.name.replace(/^\./, '')}` : entry.name;
      if (entry.isDirectory()) visit(from, [...target, name]);
      else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
        const size = fs.statSync(from).size;
        if (size > 200 * 1024) continue;
        const to = path.join(dir, ...target, name);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        files++;
        bytes += size;
      }
    }
  };
  visit(path.join(root, 'node_modules'), ['src']);
  return { dir, files, bytes };
}

export function measure(dir: string, concurrency: string, runs: number): Measurement {
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI, 'lint', '.', '--format', 'json', '--no-config', '--concurrency', concurrency], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status === 2) throw new Error(result.stderr);
    files = countLinted(dir);
  }
  const seconds = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return { concurrency, files, seconds, filesPerSecond: files / seconds };
}

/** How many files the CLI lints in `dir` (what the walk picks: every copied file here). */
function countLinted(dir: string): number {
  let n = 0;
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== '.git') visit(path.join(d, entry.name));
      else if (entry.isFile() && EXTENSIONS.test(entry.name)) n++;
    }
  };
  visit(dir);
  return n;
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  if (!fs.existsSync(CLI)) throw new Error('run `npm run build` first');
  const tree = makeTree(arg('--files', 5000));
  console.log(`tree: ${tree.files} files, ${(tree.bytes / 1024 / 1024).toFixed(1)} MB in ${tree.dir}; ${os.availableParallelism()} cores`);
  try {
    for (const concurrency of ['off', 'auto']) {
      const m = measure(tree.dir, concurrency, arg('--runs', 3));
      console.log(
        `--concurrency ${m.concurrency.padEnd(4)}  ${m.files} files in ${m.seconds.toFixed(2)} s  ${Math.round(m.filesPerSecond)} files/s (median of ${arg('--runs', 3)})`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep')) fs.rmSync(tree.dir, { recursive: true, force: true });
  }
}

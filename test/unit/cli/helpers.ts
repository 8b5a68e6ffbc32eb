/**
 * Helpers for the CLI tests: run the CLI in this process (fast; worker threads still run dist/cli.js)
 * or as the real bundle, make throwaway project trees, compare against golden files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { lint } from '../../../server/src/cli/run';
import { PathError } from '../../../server/src/cli/walker';

export const root = path.resolve(__dirname, '../../..');
export const CLI = path.join(root, 'dist/cli.js');
export const fixtures = path.join(root, 'test/fixtures/cli');
export const project = path.join(fixtures, 'project');

if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI as a child process (what `npx http-status-lens` runs). */
export function runCli(args: string[], cwd = project, env: NodeJS.ProcessEnv = {}, input?: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, env: { PATH: process.env.PATH, ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's main path in this process, with the same exit code and output as the bundle. */
export async function lintHere(args: string[], cwd = project, env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = { isTTY: false, write: (text: string) => ((stdout += text), true) };
  const err = { isTTY: false, write: (text: string) => ((stderr += text), true) };
  try {
    const parsed = parseArgs(args);
    if (parsed.command !== 'lint') throw new Error('lintHere runs lint only');
    const code = await lint(parsed.options, {
      cwd,
      env,
      stdout: out,
      stderr: err,
      readStdin: async () => stdin,
      version: '0.0.0-test',
      entry: CLI,
    });
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError)
      return { code: 2, stdout, stderr: stderr + `http-status-lens: ${error.message}\n` };
    throw error;
  }
}

const temporary: string[] = [];

/** A new directory with these files ('/'-separated paths), marked as a git repository when asked. */
export function makeTree(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-cli-')));
  temporary.push(dir);
  if (options.git !== false) fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** A copy of the fixture project in a fresh git-rooted directory, for tests that change files. */
export function copyProject(): string {
  const dir = makeTree({});
  fs.cpSync(project, dir, { recursive: true });
  return dir;
}

export function removeTrees(): void {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Compares with test/fixtures/cli/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(fixtures, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(
    actual,
    fs.readFileSync(file, 'utf8'),
    `output differs from golden/${name} (UPDATE_GOLDEN=1 rewrites it; see test/fixtures/cli/README.md)`,
  );
}

export function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, ...name.split('/')), 'utf8');
}

/** The `file` fields of a JSON report, in order. */
export function filesOf(run: Run): string[] {
  return [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file.split(path.sep).join('/')))];
}

/**
 * The workspace (issue 16), measured on a tree of real sources:
 * - index throughput: the CLI's model built over the tree (walk, read, carrier pass), files per second, one thread;
 * - memory of the model per 1,000 files (heap after a full GC, in a child process of its own);
 * - workspace open to index ready: dist/server.js spawned over stdio with the tree as its workspace folder,
 *   `initialized` to the end of its indexing progress; and a hover on an open document while it indexes;
 * - `--cache`: a cold lint of the tree, then one file changed and the same lint again.
 *
 * `node --import tsx bench/workspace.ts [--files N] [--runs N]` runs this part alone (on the project's own
 * node_modules when .bench has not been set up); `npm run bench` runs it with the rest.
 */
import { spawn } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { type CodeTree, codeTree } from './corpus';
import { type Summary, runProcess, summarize } from './measure';
import { log, modules, outDir, root, serverArgs } from './setup';

export interface WorkspaceResult {
  files: number;
  bytes: number;
  indexMs: Summary;
  filesPerSecond: number;
  /** CPU time of the index (user + system), and files per CPU-second: what the index costs whatever else runs. */
  indexCpuMs: Summary;
  filesPerCpuSecond: number;
  /** The machine's load average (1 min) when the index was measured. */
  loadAverage: number;
  /** Heap held by the model, per 1,000 files. */
  modelKBPerThousandFiles: number;
  /** `initialized` to the end of the server's indexing progress. */
  readyMs: Summary;
  /** A hover on an open document sent right after `initialized`, while the index is built. */
  hoverDuringIndexMs: Summary;
  cacheColdMs: Summary;
  cacheWarmMs: Summary;
  /** Warm run after one changed file, as a share of the cold run (median over median). */
  cacheRatio: number;
  /** The same in CPU time (all threads), which the other processes of a shared machine disturb less. */
  cacheColdCpuMs?: Summary;
  cacheWarmCpuMs?: Summary;
  cacheCpuRatio?: number;
}

export async function benchWorkspace(tree: CodeTree, runs: number): Promise<WorkspaceResult> {
  log('workspace: index throughput and model memory ...');
  const indexer = path.join(outDir, 'workspace-index.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'workspace-index.ts')],
    outfile: indexer,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const child = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', indexer, tree.dir, String(runs)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`workspace-index exited with ${code}`))));
  });
  const index = JSON.parse(child) as { files: number; indexed: number; times: number[]; cpu: number[]; heapBytes: number };
  const indexMs = summarize(index.times)!;
  const indexCpuMs = summarize(index.cpu)!;
  const loadAverage = os.loadavg()[0];

  log('workspace: open to index ready, over stdio ...');
  const ready: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < runs; i++) {
    const session = await openWorkspace(tree.dir);
    ready.push(session.readyMs);
    hover.push(session.hoverMs);
  }

  log('workspace: --cache, cold and after one change ...');
  const cli = path.join(root, 'dist', 'cli.js');
  const cacheFile = path.join(os.tmpdir(), `http-status-lens-bench-cache-${process.pid}`);
  const changed = path.join(
    tree.dir,
    fs
      .readdirSync(tree.dir)
      .filter((name) => name.startsWith('part-'))
      .sort()[0],
  );
  const changedFile = path.join(changed, fs.readdirSync(changed).sort()[0]);
  const original = fs.readFileSync(changedFile);
  const cold: number[] = [];
  const warm: number[] = [];
  const coldCpu: number[] = [];
  const warmCpu: number[] = [];
  const lint = ['lint', '--format', 'json', '--cache', '--cache-location', cacheFile, '.'];
  try {
    for (let i = 0; i < runs; i++) {
      fs.rmSync(cacheFile, { force: true });
      fs.writeFileSync(changedFile, original);
      const first = await runProcess(process.execPath, [cli, ...lint], { cwd: tree.dir, timeoutMs: 600_000 });
      cold.push(first.ms);
      if (first.cpuMs !== undefined) coldCpu.push(first.cpuMs);
      fs.appendFileSync(changedFile, `\n// changed by the bench, run ${i}\n`);
      const again = await runProcess(process.execPath, [cli, ...lint], { cwd: tree.dir, timeoutMs: 600_000 });
      warm.push(again.ms);
      if (again.cpuMs !== undefined) warmCpu.push(again.cpuMs);
    }
  } finally {
    fs.writeFileSync(changedFile, original);
    fs.rmSync(cacheFile, { force: true });
  }
  const cacheColdMs = summarize(cold)!;
  const cacheWarmMs = summarize(warm)!;
  const cacheColdCpuMs = summarize(coldCpu);
  const cacheWarmCpuMs = summarize(warmCpu);
  return {
    files: index.files,
    bytes: tree.bytes,
    indexMs,
    filesPerSecond: Math.round(index.files / (indexMs.median / 1000)),
    indexCpuMs,
    filesPerCpuSecond: Math.round(index.files / (indexCpuMs.median / 1000)),
    loadAverage,
    modelKBPerThousandFiles: Math.round(index.heapBytes / 1024 / (index.files / 1000)),
    readyMs: summarize(ready)!,
    hoverDuringIndexMs: summarize(hover)!,
    cacheColdMs,
    cacheWarmMs,
    cacheRatio: cacheWarmMs.median / cacheColdMs.median,
    cacheColdCpuMs,
    cacheWarmCpuMs,
    cacheCpuRatio: cacheColdCpuMs && cacheWarmCpuMs && cacheWarmCpuMs.median / cacheColdCpuMs.median,
  };
}

/** One editor session: initialize with the tree as workspace folder, time the index and a hover meanwhile. */
async function openWorkspace(dir: string): Promise<{ readyMs: number; hoverMs: number }> {
  const proc = spawn(process.execPath, serverArgs(), { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  let started = 0n;
  const ready = new Promise<number>((resolve) => {
    connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      if (params.value.kind === 'end') resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
  connection.listen();
  const folder = pathToFileURL(dir).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'tree' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true },
      textDocument: { hover: { contentFormat: ['markdown'] } },
    },
  });
  const uri = `${folder}/open-during-index.ts`;
  const text = "app.get('/x', (req, res) => res.status(424).send('The row is locked'));\n";
  started = process.hrtime.bigint();
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  const hoverStarted = process.hrtime.bigint();
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: text.indexOf('424') + 1 } });
  const hoverMs = Number(process.hrtime.bigint() - hoverStarted) / 1e6;
  const readyMs = await ready;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return { readyMs, hoverMs };
}

function report(result: WorkspaceResult): string {
  const ms = (s: Summary) => `${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
  return [
    `tree: ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB`,
    `index (walk, read, carrier pass; one thread): ${ms(result.indexMs)} = ${result.filesPerSecond} files/s (target >= 5,000); ` +
      `CPU time ${ms(result.indexCpuMs)} = ${result.filesPerCpuSecond} files per CPU-second; load average ${result.loadAverage.toFixed(1)}`,
    `model memory: ${result.modelKBPerThousandFiles} KB per 1,000 files`,
    `workspace open to index ready (server over stdio): ${ms(result.readyMs)}`,
    `hover on an open document while indexing: ${ms(result.hoverDuringIndexMs)}`,
    `lint --cache: cold ${ms(result.cacheColdMs)}, after one changed file ${ms(result.cacheWarmMs)} = ${(result.cacheRatio * 100).toFixed(1)}% (target < 10%)` +
      (result.cacheColdCpuMs && result.cacheWarmCpuMs && result.cacheCpuRatio !== undefined
        ? `; CPU time cold ${ms(result.cacheColdCpuMs)}, after one changed file ${ms(result.cacheWarmCpuMs)} = ${(result.cacheCpuRatio * 100).toFixed(1)}%`
        : ''),
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const from = fs.existsSync(modules) ? modules : path.join(root, 'node_modules');
  const tree = codeTree(option('--files', 5000), from);
  benchWorkspace(tree, option('--runs', 3)).then(
    (result) => console.log(`${report(result)}\n\ncores: ${os.availableParallelism()}, node ${process.version}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

export { report as workspaceReport };

/**
 * Child process of bench/workspace.ts, bundled by esbuild as the CLI is (so it runs the code that ships):
 * builds the CLI's workspace model over a tree (walk, read, carrier pass) `runs` times and prints, as JSON,
 * the time of each build and the heap the last model holds (after a full GC with it, minus after one
 * without it). Run with --expose-gc.
 */
import { CliConfig } from '../server/src/cli/config';
import { indexProject } from '../server/src/cli/workspaceIndex';
import { collectFiles } from '../server/src/cli/walker';

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
let files: ReturnType<typeof collectFiles>['files'] = [];
const times: number[] = [];
/** CPU time (user + system) of each build: on a shared machine, wall time also counts the other processes' turns. */
const cpu: number[] = [];
let project: ReturnType<typeof indexProject> | undefined;
for (let i = 0; i < runs; i++) {
  project = undefined;
  gc();
  const started = process.hrtime.bigint();
  const startedCpu = process.cpuUsage();
  // As `lint DIR` does: one walk collects the files, the project (DIR, a repository) is not walked again.
  const config = new CliConfig({ noConfig: true, rules: {} }, dir);
  files = collectFiles([dir], dir, config).files;
  project = indexProject(files, dir, config, undefined, new Set([dir]));
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  const used = process.cpuUsage(startedCpu);
  cpu.push((used.user + used.system) / 1000);
}
const indexed = project!.model().size;
gc();
const withModel = process.memoryUsage().heapUsed;
project = undefined;
gc();
const heapBytes = withModel - process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ files: files.length, indexed, times, cpu, heapBytes }));

/**
 * Child process of bench/workspace.ts, bundled by esbuild as the CLI is (so it runs the code that ships):
 * builds the CLI's workspace model over a tree (walk, read, carrier pass) `runs` times and prints, as JSON,
 * the time of each build and the heap the last model holds (after a full GC with it, minus after one
 * without it). Run with --expose-gc.
 */
import { CliConfig } from '../server/src/cli/config';
import { indexProject } from '../server/src/cli/project';
import { collectFiles } from '../server/src/cli/walker';

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const config = new CliConfig({ noConfig: true, rules: {} }, dir);
const { files } = collectFiles([dir], dir, config);
const times: number[] = [];
let project: ReturnType<typeof indexProject> | undefined;
for (let i = 0; i < runs; i++) {
  project = undefined;
  gc();
  const started = process.hrtime.bigint();
  project = indexProject(files, dir, config);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const indexed = project!.model.size;
gc();
const withModel = process.memoryUsage().heapUsed;
project = undefined;
gc();
const heapBytes = withModel - process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ files: files.length, indexed, times, heapBytes }));

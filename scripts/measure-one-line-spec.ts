// Issue 20 item 5: the CLI on one-line JSON specs dense with findings (the hostile suite's "responses in one
// operation, on one line", at larger sizes: alternately "409" and "424" with a description that speaks of a lock,
// so half the responses are findings). For each size and format, `lint` in a fresh process, its output to a file:
// wall time and peak RSS (the process's own maxRSS, read at its exit), and that RSS above the CLI's on a spec of
// two responses, per byte of the spec.
// Run after `npm run build`: npm run measure:one-line-spec [-- [--cli dist/cli.js] [N...]] (default N: 50000
// 100000 200000); --cli measures another build, e.g. a copy of main's dist/, side by side.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { oneLineResponses } from '../test/fuzz/hostile';

const args = process.argv.slice(2);
const cliAt = args.indexOf('--cli');
const cli = path.resolve(cliAt >= 0 ? args.splice(cliAt, 2)[1] : 'dist/cli.js');
const sizes = args.length > 0 ? args.map(Number) : [50_000, 100_000, 200_000];
const formats = ['stylish', 'json', 'sarif', 'github', 'junit'];
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'one-line-spec-'));
// Preloaded into each run: its peak RSS on stderr at exit (a CommonJS file: an ES module would load more).
const reportRss = path.join(directory, 'report-rss.cjs');
fs.writeFileSync(reportRss, "process.on('exit', () => process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");

/** Lints a spec of n responses in the format: seconds, peak RSS in bytes, the spec's size. */
function lint(n: number, format: string): { seconds: number; rss: number; bytes: number } {
  const spec = path.join(directory, `spec-${n}.json`);
  if (!fs.existsSync(spec)) fs.writeFileSync(spec, oneLineResponses(n) + '\n');
  const out = fs.openSync(path.join(directory, 'out.txt'), 'w');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', reportRss, cli, 'lint', spec, '--format', format], {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(out);
  const rss = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]) * 1024;
  if ((run.status !== 0 && run.status !== 1) || !rss) throw new Error(`lint ${format} ${n}: exit ${run.status}: ${run.stderr}`);
  return { seconds, rss, bytes: fs.statSync(spec).size };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
// What node and the CLI take whatever the input (a spec of two responses).
const baseline = lint(2, 'stylish').rss;
console.log(`${cli}: ${mb(baseline)} for a spec of two responses\n`);
console.log('responses  input      format   time     peak RSS   above that / input');
for (const n of sizes) {
  for (const format of formats) {
    const { seconds, rss, bytes } = lint(n, format);
    console.log(
      `${String(n).padEnd(10)} ${mb(bytes).padEnd(10)} ${format.padEnd(8)} ${`${seconds.toFixed(2)} s`.padEnd(8)} ${mb(rss).padEnd(10)} ${((rss - baseline) / bytes).toFixed(1)}x`,
    );
  }
}
fs.rmSync(directory, { recursive: true, force: true });

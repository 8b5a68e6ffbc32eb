/**
 * `npm run bench [-- --quick] [--no-build] [--profile] [--files github.json,github.yaml] [--report-only]`
 *
 * Installs the peers and the corpus into .bench/ (git-ignored), then measures, in one process and on the
 * same files: our CLI against Spectral and Redocly and against the floors (node start-up, read, parse),
 * alternating the tools run by run; the editor through the real server over stdio; CLI throughput on a
 * tree of real sources; bundle sizes. Writes docs/benchmarks.md and docs/benchmarks.json (with --quick:
 * .bench/out/benchmarks.quick.md/.json, so a development run never overwrites the published figures).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CodeTree, type SpecFile, codeTree, specFiles } from './corpus';
import { type EditorResult, measureEditor, measureOpen, measureStartup, profileStartup, sessionName } from './editor';
import { KINDS } from './inject';
import { type ProcessRun, type Summary, hasGnuTime, runProcess, summarize } from './measure';
import { type Profile, profileCli, readProfile } from './profile';
import { type PreviousRun, previousRun } from './previous';
import { writeReport } from './report';
import { type WorkspaceResult, benchWorkspace } from './workspace';
import {
  FLOORS,
  PEER_PACKAGES,
  buildFloors,
  buildProject,
  installPeers,
  installedVersion,
  log,
  outDir,
  prepareCorpusDir,
  root,
  serverCommand,
  serverScript,
} from './setup';
import { type Tool, readOutput, tools } from './tools';

export interface Plan {
  quick: boolean;
  runs: Record<'ours' | 'floor' | 'peer' | 'spectral-oas', number>;
  /** Fewer runs for the slow peers on the largest files. */
  bigFileBytes: number;
  codeFiles: number;
  codeRuns: number;
  startupRuns: number;
  editor: { idleRequests: number; edits: number; diagnosticRuns: number; openRuns: number };
}

const FULL: Plan = {
  quick: false,
  runs: { ours: 7, floor: 7, peer: 5, 'spectral-oas': 1 },
  bigFileBytes: 20e6,
  codeFiles: 5000,
  codeRuns: 5,
  startupRuns: 15,
  // 500 edits: a p99 of 200 requests while editing was their second-slowest, and the slowest few were stalls of
  // this shared machine (CPU profiles of client and server: both idle through a 5-8 ms request), not work.
  editor: { idleRequests: 300, edits: 500, diagnosticRuns: 15, openRuns: 7 },
};

const QUICK: Plan = {
  quick: true,
  runs: { ours: 3, floor: 3, peer: 2, 'spectral-oas': 0 },
  bigFileBytes: 20e6,
  codeFiles: 1000,
  codeRuns: 2,
  startupRuns: 5,
  editor: { idleRequests: 100, edits: 40, diagnosticRuns: 5, openRuns: 3 },
};

export interface ToolResult {
  id: string;
  label: string;
  kind: Tool['kind'];
  oneRule: boolean;
  runs: ProcessRun[];
  time?: Summary;
  rssMB?: Summary;
  /** Runs that did not finish normally (timeout, crash, out of memory). */
  failures: string[];
  check?: { ok: boolean; findings: number; detail: string };
}

export interface SpecResult {
  name: string;
  title: string;
  format: SpecFile['format'];
  bytes: number;
  lines: number;
  operations: number;
  injected: number;
  expectedFindings: number;
  tools: ToolResult[];
  ratios: {
    fastestPeer?: string;
    /** fastest one-rule peer median / ours median: how many times faster we are. */
    speedup?: number;
    /** ours median / read + JSON.parse median (JSON files). */
    overJsonParse?: number;
    overYamlDocument?: number;
    overYamlOutline?: number;
    overJsonOutline?: number;
    overNodeStart?: number;
  };
}

export interface CodeResult {
  tree: Omit<CodeTree, 'dir'>;
  auto: { time: Summary; rssMB?: Summary; filesPerSecond: number; mbPerSecond: number; findings: number };
  single: { time: Summary; rssMB?: Summary; filesPerSecond: number; mbPerSecond: number; findings: number };
}

export interface Target {
  id: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean | undefined;
}

export interface Results {
  generatedAt: string;
  command: string;
  plan: Plan;
  machine: Record<string, string | number>;
  versions: Record<string, string>;
  injection: { kind: string; expected: string | null; what: string }[];
  specs: SpecResult[];
  editor: { startup: { summary: Summary; rssMB: Summary }; sessions: EditorResult[] };
  code?: CodeResult;
  /** The workspace model (issue 16): bench/workspace.ts. */
  workspace?: WorkspaceResult;
  bundle: { file: string; bytes: number }[];
  vsix?: { file: string; bytes: number };
  targets: Target[];
  profiles: ({ what: string; command: string } & Profile)[];
  /** The run this one replaced, for the report's comparison (bench/previous.ts). */
  previous?: PreviousRun;
}

function parseArgs(argv: string[]): { quick: boolean; build: boolean; files?: string[]; profile: boolean; reportOnly: boolean } {
  const options = { quick: false, build: true, files: undefined as string[] | undefined, profile: false, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--report-only') options.reportOnly = true;
    else if (arg === '--files') options.files = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--files=')) options.files = arg.slice('--files='.length).split(',').filter(Boolean);
    else throw new Error(`unknown option ${arg} (expected --quick, --no-build, --profile, --report-only, --files a.json,b.yaml)`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const plan = options.quick ? QUICK : FULL;
  const base = options.quick ? path.join(outDir, 'benchmarks.quick') : path.join(root, 'docs', 'benchmarks');
  if (options.reportOnly) {
    // Rewrites the report from the last run's JSON (after a change to report.ts or to the targets); measures nothing.
    const results = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as Results;
    results.targets = targets(results);
    writeReport(results, `${base}.md`, `${base}.json`);
    log(`rewrote ${path.relative(root, base)}.md from its .json`);
    return;
  }
  // Read before this run replaces it.
  const previous = previousRun(`${base}.json`, root);
  const host = machine();
  if (!hasGnuTime) log('warning: /usr/bin/time is missing (apt-get install time): peak RSS will be n/a');
  if (options.build) buildProject();
  installPeers();
  await buildFloors();
  prepareCorpusDir();
  let specs = specFiles(plan.quick);
  if (options.files) specs = specs.filter((spec) => options.files!.includes(spec.name));
  const tree = codeTree(plan.codeFiles);

  const specResults: SpecResult[] = [];
  for (const spec of specs) specResults.push(await benchSpec(spec, plan));

  log('code tree throughput ...');
  const code = await benchCode(tree, plan);
  const workspace = await benchWorkspace(tree, plan.codeRuns);

  log('editor: server start-up ...');
  const startup = await measureStartup(plan.startupRuns);
  const sessions: EditorResult[] = [];
  // Issue 19: the same targets alone and in a workspace of source files the server has indexed.
  for (const workspace of [undefined, { dir: tree.dir, files: tree.files }]) {
    for (const spec of specs.filter((s) => s.spec.id === 'github')) {
      const name = sessionName(spec, workspace);
      log(`editor: ${name} over stdio (${plan.editor.edits} edits) ...`);
      const session = await measureEditor(spec, { ...plan.editor, workspace });
      log(`editor: ${name} open in a fresh server against the CLI (${plan.editor.openRuns} runs each) ...`);
      session.openVsCli = await measureOpen(spec, plan.editor.openRuns, outDir, workspace);
      sessions.push(session);
    }
  }

  const results: Results = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
    plan,
    machine: host,
    versions: versions(),
    injection: KINDS.map((k) => ({ kind: k.id, expected: k.expected, what: k.what })),
    specs: specResults,
    editor: { startup, sessions },
    code,
    workspace,
    ...bundle(),
    targets: [],
    profiles: [],
    previous,
  };
  results.targets = targets(results);

  // Profile where a target is missed (or everywhere with --profile).
  const profile = async (what: string, command: string, take: () => Promise<Profile> | Profile) => {
    log(`profiling: ${what} ...`);
    try {
      results.profiles.push({ what, command, ...(await take()) });
    } catch (error) {
      log(`profile failed: ${String(error)}`);
    }
  };
  for (const spec of specResults) {
    const missed = spec.ratios.speedup !== undefined && spec.ratios.speedup < 5;
    const overFloor = spec.ratios.overJsonParse !== undefined && spec.ratios.overJsonParse >= 2.5;
    if (!options.profile && !missed && !overFloor) continue;
    const file = specs.find((s) => s.name === spec.name)!.file;
    await profile(`CLI on ${spec.name}`, `node --cpu-prof dist/cli.js lint --format json ${spec.name}`, () =>
      profileCli(['lint', '--format', 'json', file], path.join(outDir, 'profiles', spec.name)),
    );
  }
  if (options.profile || results.targets.some((t) => t.id === 'code-throughput' && t.pass === false)) {
    await profile(
      `CLI on the code tree (${tree.files} files, one thread)`,
      'node --cpu-prof dist/cli.js lint --format json --concurrency off CODE-TREE',
      () => profileCli(['lint', '--format', 'json', '--concurrency', 'off', tree.dir], path.join(outDir, 'profiles', 'code')),
    );
  }
  for (const session of sessions) {
    const missed = results.targets.some(
      (t) => t.pass === false && /^(hover|completion|diagnostics)-/.test(t.id) && t.id.endsWith(`-${session.file}`),
    );
    if (!options.profile && !missed) continue;
    const spec = specs.find((s) => s.name === session.spec)!;
    const workspace = session.file === spec.name ? undefined : { dir: tree.dir, files: tree.files };
    const dir = path.join(outDir, 'profiles', `editor-${spec.name}${workspace ? '-workspace' : ''}`);
    await profile(
      `server while editing ${session.file} (open, 40 edits with hover/completion, 5 edit-to-diagnostics)`,
      serverCommand(['--cpu-prof']),
      async () => {
        await measureEditor(spec, { idleRequests: 20, edits: 40, diagnosticRuns: 5, profileDir: dir, workspace });
        return readProfile(dir, serverScript);
      },
    );
  }
  if (options.profile || results.targets.some((t) => t.id === 'server-startup' && t.pass === false)) {
    await profile('server start-up (spawn, initialize, shutdown)', serverCommand(['--cpu-prof']), () =>
      profileStartup(path.join(outDir, 'profiles', 'startup')),
    );
  }
  results.machine.loadAfter = loadAverage();

  writeReport(results, `${base}.md`, `${base}.json`);
  log(`wrote ${path.relative(root, base)}.md and .json`);
  process.stdout.write(fs.readFileSync(`${base}.md`, 'utf8'));
}

async function benchSpec(spec: SpecFile, plan: Plan): Promise<SpecResult> {
  const all = tools().filter((tool) => tool.appliesTo(spec));
  const big = spec.bytes >= plan.bigFileBytes;
  const runsOf = (tool: Tool) => {
    if (tool.id === 'spectral-oas') return plan.runs['spectral-oas'];
    if (tool.kind === 'peer') return big ? Math.min(3, plan.runs.peer) : plan.runs.peer;
    return plan.runs[tool.kind];
  };
  const timeoutOf = (tool: Tool) => (tool.id === 'spectral-oas' ? 420_000 : tool.kind === 'peer' ? 300_000 : 180_000);
  const results = new Map<string, ToolResult>(
    all.map((tool) => [
      tool.id,
      { id: tool.id, label: tool.label, kind: tool.kind, oneRule: tool.oneRule === true, runs: [], failures: [] },
    ]),
  );
  const rounds = Math.max(...all.map(runsOf));
  log(`${spec.name}: ${(spec.bytes / 1e6).toFixed(1)} MB, ${spec.lines} lines, ${all.length} tools, up to ${rounds} rounds`);
  for (let round = 0; round < rounds; round++) {
    // Alternate: every round runs each tool once, starting one tool further along.
    const order = all.map((_, i) => all[(i + round) % all.length]);
    for (const tool of order) {
      const result = results.get(tool.id)!;
      if (round >= runsOf(tool) || result.failures.length > 0) continue;
      const [command, ...args] = tool.command(spec);
      const stdoutFile = path.join(outDir, `${spec.name}.${tool.id}.out`);
      const run = await runProcess(command, args, {
        cwd: path.dirname(spec.file),
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        stdoutFile,
        stderrFile: `${stdoutFile}.err`,
        timeoutMs: timeoutOf(tool),
      });
      const ok = !run.timedOut && run.exitCode !== null && tool.okExit.includes(run.exitCode);
      if (!ok) {
        const why = run.timedOut
          ? `timeout after ${(timeoutOf(tool) / 1000).toFixed(0)} s`
          : `exit ${run.exitCode ?? run.signal}${tail(`${stdoutFile}.err`)}`;
        result.failures.push(why);
        log(`  ${tool.id}: FAILED (${why})`);
        continue;
      }
      result.runs.push(run);
      if (!result.check && tool.check) result.check = tool.check(spec, readOutput(stdoutFile));
      log(
        `  ${tool.id}: ${run.ms.toFixed(0)} ms, ${run.rssMB?.toFixed(0) ?? '?'} MB${result.runs.length === 1 && result.check ? `, ${result.check.detail}` : ''}`,
      );
    }
  }
  for (const result of results.values()) {
    result.time = summarize(result.runs.map((r) => r.ms));
    result.rssMB = summarize(result.runs.flatMap((r) => (r.rssMB === undefined ? [] : [r.rssMB])));
  }
  const median = (id: string) => results.get(id)?.time?.median;
  const ours = median('ours');
  const peers = [...results.values()].filter((r) => r.oneRule && r.time);
  const fastest = peers.sort((a, b) => a.time!.median - b.time!.median)[0];
  const over = (id: string) => (ours !== undefined && median(id) ? ours / median(id)! : undefined);
  return {
    name: spec.name,
    title: spec.spec.title,
    format: spec.format,
    bytes: spec.bytes,
    lines: spec.lines,
    operations: spec.operations,
    injected: spec.truth.length,
    expectedFindings: spec.truth.filter((s) => s.expected).length,
    tools: [...results.values()],
    ratios: {
      fastestPeer: fastest?.id,
      speedup: fastest && ours ? fastest.time!.median / ours : undefined,
      overJsonParse: over('json-parse'),
      overYamlDocument: over('yaml-document'),
      overYamlOutline: over('yaml-outline'),
      overJsonOutline: over('json-outline'),
      overNodeStart: over('node'),
    },
  };
}

async function benchCode(tree: CodeTree, plan: Plan): Promise<CodeResult> {
  const cli = path.join(root, 'dist/cli.js');
  const modes = [
    { id: 'auto', extra: [] as string[], runs: [] as ProcessRun[], findings: 0 },
    { id: 'single', extra: ['--concurrency', 'off'], runs: [] as ProcessRun[], findings: 0 },
  ];
  for (let round = 0; round < plan.codeRuns; round++) {
    // Alternate the two modes, starting with the other one each round.
    for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
      const stdoutFile = path.join(outDir, `code.${mode.id}.out`);
      const run = await runProcess(process.execPath, [cli, 'lint', '--format', 'json', ...mode.extra, tree.dir], {
        cwd: root,
        stdoutFile,
        stderrFile: `${stdoutFile}.err`,
        timeoutMs: 600_000,
      });
      if (run.timedOut || run.exitCode === null || run.exitCode > 1)
        throw new Error(`CLI failed on the code tree: exit ${run.exitCode}${tail(`${stdoutFile}.err`)}`);
      mode.runs.push(run);
      try {
        mode.findings = (JSON.parse(readOutput(stdoutFile)) as unknown[]).length;
      } catch {
        mode.findings = -1;
      }
      log(`  code (${mode.id}): ${run.ms.toFixed(0)} ms, ${run.rssMB?.toFixed(0) ?? '?'} MB`);
    }
  }
  const figures = (mode: (typeof modes)[number]) => {
    const time = summarize(mode.runs.map((r) => r.ms))!;
    const seconds = time.median / 1000;
    return {
      time,
      rssMB: summarize(mode.runs.flatMap((r) => (r.rssMB === undefined ? [] : [r.rssMB]))),
      filesPerSecond: tree.files / seconds,
      mbPerSecond: tree.bytes / 1e6 / seconds,
      findings: mode.findings,
    };
  };
  return {
    tree: { files: tree.files, bytes: tree.bytes, handlerish: tree.handlerish, packages: tree.packages },
    auto: figures(modes[0]),
    single: figures(modes[1]),
  };
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadBefore: loadAverage(),
  };
}

/** Other work on the machine skews every figure: the 1/5/15-minute load averages say how much there was. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

function versions(): Record<string, string> {
  const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'data', 'client'], { cwd: root, encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {
    // not a git checkout
  }
  const result: Record<string, string> = { 'http-status-lens': `${ours.version} (${commit})` };
  for (const name of Object.keys(PEER_PACKAGES)) result[name] = installedVersion(name) ?? 'missing';
  const main = path.join(root, 'node_modules');
  for (const name of ['yaml', 'jsonc-parser', 'vscode-languageserver'])
    result[`${name} (ours and floors)`] = installedVersion(name, main) ?? 'missing';
  result.floors = FLOORS.join(', ');
  return result;
}

function bundle(): Pick<Results, 'bundle' | 'vsix'> {
  const dist = path.join(root, 'dist');
  const files = fs.existsSync(dist)
    ? fs
        .readdirSync(dist)
        .filter((name) => name.endsWith('.js'))
        .sort()
    : [];
  const vsixes = fs
    .readdirSync(root)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => ({ file: name, bytes: fs.statSync(path.join(root, name)).size, mtime: fs.statSync(path.join(root, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  return {
    bundle: files.map((file) => ({ file: `dist/${file}`, bytes: fs.statSync(path.join(dist, file)).size })),
    vsix: vsixes[0] && { file: vsixes[0].file, bytes: vsixes[0].bytes },
  };
}

function targets(results: Results): Target[] {
  const list: Target[] = [];
  const x = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(2)}x`);
  const ms = (n: number | undefined) => (n === undefined ? 'n/a' : `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`);
  for (const name of ['github.json', 'github.yaml']) {
    const spec = results.specs.find((s) => s.name === name);
    if (!spec) continue;
    list.push({
      id: `cli-speed-${name}`,
      what: `CLI full lint vs fastest one-rule peer (${spec.ratios.fastestPeer ?? 'none'}), ${name}`,
      measured:
        spec.ratios.speedup !== undefined && spec.ratios.speedup < 1
          ? `${x(1 / spec.ratios.speedup)} slower`
          : `${x(spec.ratios.speedup)} faster`,
      target: '>= 5x faster',
      pass: spec.ratios.speedup === undefined ? undefined : spec.ratios.speedup >= 5,
    });
    if (spec.format === 'json') {
      list.push({
        id: `cli-floor-${name}`,
        what: `CLI full lint vs read + JSON.parse, ${name}`,
        measured: `${x(spec.ratios.overJsonParse)} the floor`,
        target: '< 2.5x',
        pass: spec.ratios.overJsonParse === undefined ? undefined : spec.ratios.overJsonParse < 2.5,
      });
    }
  }
  const checked = results.specs.map((s) => s.tools.find((t) => t.id === 'ours')?.check);
  list.push({
    id: 'cli-findings',
    what: 'CLI findings equal the injected truth (rule and range), every spec',
    measured: `${checked.filter((c) => c?.ok).length}/${checked.length} specs`,
    target: 'all',
    pass: checked.length > 0 && checked.every((c) => c?.ok),
  });
  for (const session of results.editor.sessions) {
    list.push({
      id: `hover-${session.file}`,
      what: `hover p99 while editing, ${session.file} (p50 ${ms(session.hoverEditing.p50)}; idle p99 ${ms(session.hoverIdle.p99)})`,
      measured: ms(session.hoverEditing.p99),
      target: '< 5 ms',
      pass: session.hoverEditing.p99 < 5,
    });
    list.push({
      id: `completion-${session.file}`,
      what: `completion p99 while editing, ${session.file}`,
      measured: session.completionEditing ? ms(session.completionEditing.p99) : 'n/a (no completionProvider)',
      target: '< 5 ms',
      pass: session.completionEditing ? session.completionEditing.p99 < 5 : undefined,
    });
    list.push({
      id: `diagnostics-${session.file}`,
      what: `one-character edit to fresh diagnostics, debounce included, ${session.file} (median; max ${ms(session.editToDiagnostics.max)})`,
      measured: ms(session.editToDiagnostics.median),
      target: '< 120 ms',
      pass: session.editToDiagnostics.median < 120,
    });
    const open = session.openVsCli;
    if (open) {
      list.push({
        id: `open-${session.file}`,
        what: `didOpen to first diagnostics in a fresh server vs the CLI's whole process, ${session.file} (medians ${ms(open.open.median)} / ${ms(open.cli.median)}, alternating, ${open.open.n} runs each${open.floor ? `; the protocol's floor ${ms(open.floor.median)}` : ''})`,
        measured: x(open.ratio),
        target: '<= 1x',
        pass: open.ratio <= 1,
      });
      if (open.floor)
        list.push({
          id: `open-own-${session.file}`,
          what: `the server's own part of that open (open minus the protocol's floor) vs the CLI's whole process, ${session.file} (${ms(open.open.median - open.floor.median)} / ${ms(open.cli.median)})`,
          measured: x((open.open.median - open.floor.median) / open.cli.median),
          target: '(reported)',
          pass: undefined,
        });
    }
    list.push({
      id: `diagnostics-truth-${session.file}`,
      what: `diagnostics over stdio equal the injected truth, ${session.file}`,
      measured: session.diagnosticsMatchTruth ? 'equal' : `${session.mismatches.length} differences`,
      target: 'equal',
      pass: session.diagnosticsMatchTruth,
    });
    list.push({
      id: `memory-${session.file}`,
      what: `server peak memory (worker included) with ${session.file} open and edited`,
      measured: session.peakRssMB === undefined ? 'n/a' : `${session.peakRssMB.toFixed(0)} MB`,
      target: '< 200 MB',
      pass: session.peakRssMB === undefined ? undefined : session.peakRssMB < 200,
    });
  }
  const startup = results.editor.startup.summary;
  const nodeStart = results.specs[0]?.tools.find((t) => t.id === 'node')?.time?.median;
  list.push({
    id: 'server-startup',
    what: `server start-up to initialize response (median; ${nodeStart ? `${x(startup.median / nodeStart)} node start-up` : ''})`,
    measured: ms(startup.median),
    target: '< 200 ms',
    pass: startup.median < 200,
  });
  const w = results.workspace;
  if (w) {
    list.push({
      id: 'workspace-index',
      what: `workspace index (walk, read, carrier pass) of ${w.files} real source files, one thread`,
      measured: `${w.filesPerSecond} files/s`,
      target: '>= 5,000 files/s',
      pass: w.filesPerSecond >= 5000,
    });
    list.push({
      id: 'workspace-cache',
      what: `lint --cache after one changed file, vs the cold run (${ms(w.cacheWarmMs.median)} / ${ms(w.cacheColdMs.median)})`,
      measured: `${(w.cacheRatio * 100).toFixed(1)}%`,
      target: '< 10%',
      pass: w.cacheRatio < 0.1,
    });
    list.push({
      id: 'workspace-ready',
      what: `workspace open to index ready over stdio (hover meanwhile: ${ms(w.hoverDuringIndexMs.median)}; model ${w.modelKBPerThousandFiles} KB per 1,000 files)`,
      measured: ms(w.readyMs.median),
      target: '(reported)',
      pass: undefined,
    });
  }
  if (results.code) {
    list.push({
      id: 'code-throughput',
      what: `CLI lint of ${results.code.tree.files} real source files (${(results.code.tree.bytes / 1e6).toFixed(1)} MB), 2 cores`,
      measured: `${results.code.auto.filesPerSecond.toFixed(0)} files/s, ${results.code.auto.mbPerSecond.toFixed(1)} MB/s`,
      target: '>= 1,000 files/s',
      pass: results.code.auto.filesPerSecond >= 1000,
    });
  }
  list.push({
    id: 'vsix-size',
    what: 'packaged .vsix',
    measured: results.vsix ? `${(results.vsix.bytes / 1024).toFixed(0)} KB (${results.vsix.file})` : 'n/a (no .vsix: run npm run package)',
    target: 'hundreds of KB (< 1 MB)',
    pass: results.vsix ? results.vsix.bytes < 1024 * 1024 : undefined,
  });
  return list;
}

function tail(file: string): string {
  const text = readOutput(file).trim();
  return text ? `: ${text.split('\n').slice(-3).join(' | ').slice(0, 300)}` : '';
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

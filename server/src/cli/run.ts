/**
 * `http-status-lens lint`: collect the files, lint them (in workers for large trees), stream the reports
 * in order to the formatter, and decide the exit code: 0 clean, 1 an error or more warnings than
 * --max-warnings, 2 a usage, configuration or I/O error (the report is still written).
 */
import * as path from 'node:path';
import type { LintOptions } from './args';
import { Baseline, BaselineWriter } from './baseline';
import { CliConfig } from './config';
import type { Counts, FileReport } from './findings';
import { PackedFindings, type Shown } from './packedFindings';
import { type Summary, createFormatter } from './formatters';
import { Progress, type ProgressStream } from './progress';
import { type LintTask } from './lintFile';
import { collectFiles, stdinTask } from './walker';
import { inOrder, runTasks } from './workers';
import { LintCache, cacheFile } from './cache';
import { lintProject, mergeProjectFindings, withProjectChanges } from './project';
import { type ProjectIndex, finishIndex, indexProject, planIndex, readInto } from './workspaceIndex';
import type { WorkspaceModel } from '../workspace/model';
import { inShard } from './shard';
import { fileUri } from './paths';
import * as fs from 'node:fs';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: ProgressStream;
  stderr: ProgressStream;
  /** Standard input, read whole (for --stdin). */
  readStdin(): Promise<string>;
  version: string;
  /** The script worker threads run (the CLI bundle). */
  entry: string;
}

export async function lint(options: LintOptions, io: CliIo): Promise<number> {
  const config = new CliConfig(options, io.cwd);
  const baseline = options.baseline !== undefined ? Baseline.load(path.resolve(io.cwd, options.baseline)) : undefined;
  const writer = options.writeBaseline !== undefined ? new BaselineWriter(path.resolve(io.cwd, options.writeBaseline)) : undefined;
  const collected = options.stdin
    ? stdinTask(options.stdinFilename!, await io.readStdin(), io.cwd, config)
    : collectFiles(options.paths, io.cwd, config, options.errorOnUnmatchedPattern);
  const { errors, ignored, notes } = collected;
  const shard = options.shard;
  const files = shard ? collected.files.filter((file) => inShard(path.relative(io.cwd, file.absolute), shard)) : collected.files;

  let failed = errors.length > 0;
  const progress = new Progress(files.length, io.stderr, io.env);
  const warn = (line: string) => {
    progress.clear();
    io.stderr.write(`http-status-lens: ${line}\n`);
  };
  const write = (text: string) => {
    if (text === '') return;
    progress.clear();
    io.stdout.write(text);
  };
  // A formatter may give a file's output in parts, written in blocks of 64 K characters as they come, so that
  // 200,000 findings of one file are never held as one string (their JSON is ~20x the size of the spec).
  const out = (text: string | Iterable<string>) => {
    if (typeof text === 'string') return write(text);
    let block = '';
    for (const part of text) {
      block += part;
      if (block.length >= 65_536) (write(block), (block = ''));
    }
    write(block);
  };
  for (const line of config.untrusted) warn(line);
  const configProblems = config.problems(io.cwd);
  for (const problem of configProblems) warn(problem);
  failed ||= configProblems.length > 0;
  for (const error of errors) warn(error);
  for (const file of ignored) warn(`${file} is ignored (by a .gitignore or the config's "ignore"): not linted`);
  for (const note of notes ?? []) warn(note);

  const dryRun = options.fix === 'dry-run';
  const formatter = createFormatter(options.format, {
    cwd: io.cwd,
    env: io.env,
    color: useColor(options, io),
    version: io.version,
    fixing: options.fix !== 'off' || options.stdin,
  });
  const all: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  const summary: Summary = { errors: 0, warnings: 0, infos: 0, fixable: 0, files: files.length, inBaseline: 0, fixedFiles: 0 };
  const faults = new Set<string>();
  if (!dryRun) out(formatter.begin());

  // Issue 16: the carriers of the files' projects first, so a use is judged by a declaration elsewhere.
  const cache = options.cache ? LintCache.load(cacheFile(options.cacheLocation, io.cwd), io.version, io.cwd) : undefined;
  if (cache?.discarded) warn(cache.discarded);
  // A directory linted whole (and not cut by --shard) need not be walked again for its carriers.
  const walked = new Set(
    options.stdin || shard
      ? []
      : options.paths.map((p) => path.resolve(io.cwd, p)).filter((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()),
  );
  // Without --fix, the files still to read give their carrier facts as they are linted (one lexing for both,
  // in the workers); a file whose findings turn out to depend on a carrier is linted again with the model.
  const collecting = options.fix === 'off' && !options.stdin && files.length > 0;
  const plan = collecting ? planIndex(files, io.cwd, config, cache, walked) : undefined;
  // A plain lint's model is finished once its files are linted (below).
  let project: ProjectIndex | undefined = !plan && files.length > 0 ? indexProject(files, io.cwd, config, cache, walked) : undefined;
  // Issue 17: handlers and specs linted together are joined (status-not-in-spec); --fix declares responses first.
  let joined: ReturnType<typeof lintProject>;
  try {
    joined = options.stdin ? undefined : lintProject(files, config.settingsTable, options.fix);
  } catch (error) {
    // A fault in the join loses the project rules, never the rest of the run.
    warn(
      `the project rules (status-not-in-spec) were skipped after an internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  for (const note of joined?.notes ?? []) warn(note);
  // The files become their tasks where they are (a copy of each cost a --cache re-run of 5,000 files).
  const tasks = withProjectChanges(files, joined) as LintTask[];
  for (let index = 0; index < tasks.length; index++) tasks[index].index = index;
  // A file's settings as the cache knows them: their JSON, written once in the cache (its entries refer to it).
  const settingsKeys = new Map<number, string>();
  const settingsKey = (index: number) => {
    let key = settingsKeys.get(index);
    if (key === undefined) settingsKeys.set(index, (key = JSON.stringify(config.settingsTable[index])));
    return key;
  };
  // When no carrier fact changed since the cache was written, a file's stored dependency key still holds
  // (the model is the same), and the model need not even be built.
  const dependencyKey = (task: LintTask) =>
    !project
      ? ''
      : ((project.unchanged ? cache?.dependenciesBefore(task.absolute) : undefined) ??
        project.model().dependencyKey(fileUri(task.absolute)));
  const statFor = (task: LintTask) => (task.text === undefined ? (project?.stats.get(task.absolute) ?? statOf(task.absolute)) : undefined);
  const run = (
    batch: readonly LintTask[],
    carriers: WorkspaceModel | undefined,
    collectFacts: boolean,
    onDone: (report: FileReport, task: LintTask) => void,
  ) =>
    runTasks(
      batch.map((task, index) => ({ ...task, index })),
      {
        settingsTable: config.settingsTable,
        fix: options.fix,
        // Fixes are made where something reads them: the format prints them, --fix applies them, the cache
        // keeps them for a later run in any format.
        fixes: formatter.printsFixes === true || options.fix !== 'off' || options.cache === true,
        concurrency: options.concurrency,
        entry: io.entry,
        carriers,
        collectFacts,
        onRuleFault: (message) => {
          if (!faults.has(message)) warn(message);
          faults.add(message);
        },
      },
      (done) => {
        const task = batch[done.index];
        done.index = task.index;
        onDone(done, task);
      },
    );

  // Reports found without the model, for files whose findings depend on no carrier (decided once all facts are in).
  const unjoined = new Map<number, FileReport>();
  // The progress line counts a file once, when it is first linted.
  const ticked = new Set<number>();
  if (plan) {
    const toRead = new Set(plan.toRead.map((file) => file.absolute));
    const reading = tasks.filter((task) => task.text === undefined && toRead.has(task.absolute));
    await run(reading, undefined, true, (done, task) => {
      if (done.facts) plan.model.restore(done.facts);
      toRead.delete(task.absolute);
      done.facts = undefined;
      unjoined.set(done.index, done);
      ticked.add(done.index);
      progress.tick();
    });
    // The project's other files (outside the linted paths) are read here.
    readInto(plan, toRead);
    project = finishIndex(plan, cache);
  }

  // Reports found so far are handed on as they are decided (in order: see inOrder).
  const report = inOrder((report) => onReport(report));
  const fresh: LintTask[] = [];
  const reusing = cache && options.fix === 'off' ? cache : undefined;
  for (const task of tasks) {
    const stat = reusing && statFor(task);
    const stored =
      stat && reusing.report(task.absolute, stat, settingsKey(task.settingsIndex), project?.unchanged ? undefined : dependencyKey(task));
    const first = unjoined.get(task.index);
    if (stored)
      report({
        index: task.index,
        file: task.display,
        absolute: task.absolute,
        findings: PackedFindings.of(stored.findings),
        fingerprints: stored.fingerprints,
        notes: stored.notes,
      });
    else if (first && !first.error && dependencyKey(task) === '') {
      if (stat) reusing.setReport(task.absolute, stat, settingsKey(task.settingsIndex), '', first);
      report(first);
    } else fresh.push(task);
  }
  unjoined.clear();

  await run(fresh, fresh.length > 0 ? project?.model() : undefined, false, (done, task) => {
    if (cache && task.text === undefined) {
      const stat = statFor(task);
      if (done.error || done.fixed || !stat) cache.forget(task.absolute);
      else cache.setReport(task.absolute, stat, settingsKey(task.settingsIndex), dependencyKey(task), done);
    }
    report(done);
  });
  if (cache) {
    try {
      cache.save(project?.unchanged === true);
    } catch (error) {
      warn(`cannot write the cache ${cache.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }

  function onReport(report: FileReport): void {
    mergeProjectFindings(report, joined);
    if (!ticked.has(report.index)) progress.tick();
    for (const note of report.notes) warn(note);
    if (report.error) {
      warn(report.error);
      failed = true;
    }
    if (report.fixed) summary.fixedFiles++;
    writer?.add(report);
    // With --write-baseline everything found is recorded, so nothing is new.
    const fresh: Shown = writer ? NOTHING : baseline ? baseline.newFindings(report) : report;
    summary.inBaseline += report.findings.length - fresh.findings.length;
    addCounts(all, fresh.findings.counts);
    const shown = options.quiet ? fresh.findings.select(fresh.fingerprints, (f) => f.severity === 'error') : fresh;
    addCounts(summary, shown.findings.counts);
    if (dryRun) out(report.diff ?? '');
    else if (shown.findings.length > 0 || formatter.printsCleanFiles)
      out(
        formatter.file({
          file: report.file,
          absolute: report.absolute,
          findings: shown.findings,
          fingerprints: shown.fingerprints,
        }),
      );
  }
  progress.clear();
  if (!dryRun) out(formatter.end(summary));

  if (writer) {
    const count = writer.write();
    warn(`wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${options.writeBaseline}`);
  }
  const unmatched = baseline?.unmatched() ?? 0;
  if (unmatched > 0 && options.format === 'stylish') {
    warn(
      `${unmatched} finding${unmatched === 1 ? ' in the baseline no longer occurs' : 's in the baseline no longer occur'}; --write-baseline ${options.baseline} drops them`,
    );
  }
  if (failed) return 2;
  const overLimit = options.maxWarnings >= 0 && all.warnings > options.maxWarnings;
  if (overLimit && options.format === 'stylish')
    warn(`${all.warnings} warning${all.warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`);
  return all.errors > 0 || overLimit ? 1 : 0;
}

function statOf(absolute: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = fs.statSync(absolute);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

function useColor(options: LintOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

const NOTHING: Shown = { findings: PackedFindings.NONE, fingerprints: [] };

function addCounts(into: Counts, counts: Counts): void {
  into.errors += counts.errors;
  into.warnings += counts.warnings;
  into.infos += counts.infos;
  into.fixable += counts.fixable;
}

/**
 * `http-status-lens lint`: collect the files, lint them (in workers for large trees), stream the reports
 * in order to the formatter, and decide the exit code: 0 clean, 1 an error or more warnings than
 * --max-warnings, 2 a usage, configuration or I/O error (the report is still written).
 */
import * as path from 'node:path';
import type { LintOptions } from './args';
import { Baseline, BaselineWriter } from './baseline';
import { CliConfig } from './config';
import { type Counts, type FileReport, type Finding, countFindings } from './findings';
import { type Summary, createFormatter } from './formatters';
import { Progress, type ProgressStream } from './progress';
import { lintProject, mergeProjectFindings, withProjectChanges } from './project';
import { collectFiles, stdinTask } from './walker';
import { runTasks } from './workers';

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
  const { files, errors, ignored, notes } = options.stdin
    ? stdinTask(options.stdinFilename!, await io.readStdin(), io.cwd, config)
    : collectFiles(options.paths, io.cwd, config, options.errorOnUnmatchedPattern);

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
  const configProblems = config.problems(io.cwd);
  for (const problem of configProblems) warn(problem);
  failed ||= configProblems.length > 0;
  for (const line of config.untrusted) warn(line);
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
  // Issue 17: handlers and specs linted together are joined (status-not-in-spec); --fix declares responses first.
  let project: ReturnType<typeof lintProject>;
  try {
    project = options.stdin ? undefined : lintProject(files, config.settingsTable, options.fix);
  } catch (error) {
    // A fault in the join loses the project rules, never the rest of the run.
    warn(`the project rules (status-not-in-spec) were skipped after an internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const note of project?.notes ?? []) warn(note);

  await runTasks(
    withProjectChanges(files, project).map((file, index) => ({ ...file, index })),
    {
      settingsTable: config.settingsTable,
      fix: options.fix,
      concurrency: options.concurrency,
      entry: io.entry,
      onRuleFault: (message) => {
        if (!faults.has(message)) warn(message);
        faults.add(message);
      },
    },
    (report) => {
      progress.tick();
      for (const note of report.notes) warn(note);
      if (report.error) {
        warn(report.error);
        failed = true;
      }
      mergeProjectFindings(report, project);
      if (report.fixed) summary.fixedFiles++;
      writer?.add(report);
      // With --write-baseline everything found is recorded, so nothing is new.
      const fresh = writer ? [] : baseline ? baseline.newFindings(report) : report.findings;
      summary.inBaseline += report.findings.length - fresh.length;
      countFindings(fresh, all);
      const shown = options.quiet ? fresh.filter((f) => f.severity === 'error') : fresh;
      countFindings(shown, summary);
      if (dryRun) out(report.diff ?? '');
      else
        out(
          formatter.file({
            file: report.file,
            absolute: report.absolute,
            findings: shown,
            fingerprints: fingerprintsOf(shown, report),
          }),
        );
    },
  );
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

function useColor(options: LintOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/**
 * The fingerprints of the findings shown, a subset of the report's in its order: matched by walking both
 * once (an indexOf per finding was quadratic: 200,000 findings in one spec took seconds).
 */
function fingerprintsOf(shown: readonly Finding[], report: FileReport): string[] {
  if (shown === report.findings) return report.fingerprints;
  const fingerprints: string[] = [];
  let at = 0;
  for (const finding of shown) {
    while (report.findings[at] !== finding) at++;
    fingerprints.push(report.fingerprints[at++]);
  }
  return fingerprints;
}

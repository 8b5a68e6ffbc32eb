/**
 * Whole-process measurements: wall time from spawn to exit (hrtime in this process), the child's peak
 * resident set size (from GNU time's %M, which is getrusage's ru_maxrss of the waited-for process tree) and
 * its CPU time (%U + %S: what the run costs whatever else the shared machine runs).
 * Statistics are medians with min-max; latencies also get p50/p99.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(GNU_TIME);

export interface ProcessRun {
  ms: number;
  /** Peak RSS in MB; undefined when GNU time is missing. */
  rssMB?: number;
  /** User + system CPU time in ms, all threads; undefined when GNU time is missing. */
  cpuMs?: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where the child's stdout goes; /dev/null when absent. */
  stdoutFile?: string;
  stderrFile?: string;
  timeoutMs: number;
}

export async function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const rssFile = `${options.stdoutFile ?? '/tmp/http-status-lens-bench'}.${process.pid}.rss`;
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', rssFile, command, ...args]] : [command, [...args]];
  const stdout = fs.openSync(options.stdoutFile ?? '/dev/null', 'w');
  const stderr = fs.openSync(options.stderrFile ?? '/dev/null', 'w');
  const started = process.hrtime.bigint();
  try {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', stdout, stderr],
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The child leads its own process group (detached), so its children go too.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearTimeout(timer);
    let rssMB: number | undefined;
    let cpuMs: number | undefined;
    let exitCode = code;
    if (hasGnuTime && fs.existsSync(rssFile)) {
      const text = fs.readFileSync(rssFile, 'utf8');
      fs.rmSync(rssFile);
      // GNU time writes "Command exited with non-zero status N" before the figure when the child failed.
      const status = /exited with non-zero status (\d+)/.exec(text);
      if (status) exitCode = Number(status[1]);
      if (/terminated by signal/.test(text)) exitCode = null;
      const [user, system, kb] = (text.trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (Number.isFinite(kb)) rssMB = kb / 1024;
      if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user + system) * 1000;
    }
    return { ms, rssMB, cpuMs, exitCode, signal, timedOut };
  } finally {
    fs.closeSync(stdout);
    fs.closeSync(stderr);
  }
}

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

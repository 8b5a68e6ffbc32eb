/**
 * The command line: the language service over files on disk. `http-status-lens lint [options] [PATH...]`;
 * everything is in cli/ (docs/cli.md describes it). The same bundle also runs the lint worker threads.
 */
import { USAGE, UsageError, parseArgs } from './cli/args';
import { lint } from './cli/run';
import { PathError } from './cli/walker';
import { isLintWorker, runWorker } from './cli/workers';
import { printToStderr } from './transport/workerOutput';
import { version } from '../../package.json';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') return print(USAGE + '\n');
    if (parsed.command === 'version') return print(`${version}\n`);
    return await lint(parsed.options, {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin,
      version,
      entry: __filename,
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError) {
      const hint = error instanceof UsageError ? '\nRun "http-status-lens --help" for the options.' : '';
      process.stderr.write(`http-status-lens: ${error.message}${hint}\n`);
      return 2;
    }
    process.stderr.write(`http-status-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

if (isLintWorker()) (printToStderr(), runWorker());
else {
  // `... | head`: the reader went away; stop quietly instead of throwing from the write.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  // Written as fast as the reader reads: on a pipe, node queues what a slow reader has not taken yet in
  // memory (the JSON of 100,000 findings, ~100 MB) instead of waiting, as it does for a file or a terminal.
  blockingWrites(process.stdout);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Everything is written (files synchronously, stdout blocking): ending here spares the garbage collections
    // V8 left for idle time, ~7 ms of CPU in a --cache re-run. Output still queued is left to drain first.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  });
}

/** Makes writes to a pipe block, as yargs' set-blocking does (the handle's own switch; absent elsewhere). */
function blockingWrites(stream: NodeJS.WriteStream): void {
  (stream as { _handle?: { setBlocking?(blocking: boolean): void } })._handle?.setBlocking?.(true);
}

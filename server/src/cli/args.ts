/** Command-line arguments of `http-status-lens lint`. */

export const FORMATS = ['stylish', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  format: Format;
  /** Warnings allowed before the exit code is 1; -1 for no limit (errors always count). */
  maxWarnings: number;
  fix: boolean;
  paths: string[];
}

export type ParsedArgs = { command: 'lint'; options: LintOptions } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: http-status-lens lint [options] [PATH...]

Lints HTTP status codes in source files and OpenAPI specs (default PATH: the current directory).

Options:
  --format stylish|json   output format (default: stylish)
  --max-warnings N        exit 1 when there are more than N warnings (default: no limit; errors always fail)
  --fix                   apply the preferred fix of every finding
  -h, --help              show this help
  -v, --version           print the version

Exit codes: 0 no findings over the limit, 1 findings over the limit, 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: expected "lint"');
  if (command !== 'lint') throw new UsageError(`unknown command "${command}": expected "lint"`);
  const options: LintOptions = { format: 'stylish', maxWarnings: -1, fix: false, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--format': {
        const format = value();
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
        options.format = format as Format;
        break;
      }
      case '--max-warnings': {
        const raw = value();
        const n = Number(raw);
        if (!Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings needs a whole number >= -1, got "${raw}"`);
        options.maxWarnings = n;
        break;
      }
      case '--fix':
        options.fix = true;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { command: 'lint', options };
}

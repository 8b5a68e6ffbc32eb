/** Command-line arguments of `http-status-lens lint`. Every mistake is a UsageError (exit code 2). */
import { type RuleId, type Severity, ruleIds, severities } from '../service';
import { type Shard, readShard } from './shard';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  format: Format;
  /** Warnings allowed before the exit code is 1; -1 for no limit (errors always count). */
  maxWarnings: number;
  /** Report errors only (warnings still count for --max-warnings, as in ESLint). */
  quiet: boolean;
  /** --rule overrides, applied over every config file. */
  rules: Partial<Record<RuleId, Severity>>;
  /** --config FILE: this file instead of the cascade. */
  config?: string;
  /** --no-config: no config file at all. */
  noConfig: boolean;
  fix: 'off' | 'write' | 'dry-run';
  baseline?: string;
  writeBaseline?: string;
  /** Worker threads: 'auto' (one per core when there are many files), 'off', or a count. */
  concurrency: number | 'auto' | 'off';
  /** Colours in stylish output; undefined: only when stdout is a terminal (and NO_COLOR is not set). */
  color?: boolean;
  /** --stdin: lint the text read from standard input instead of files. */
  stdin: boolean;
  /** --stdin-filename: the path the text stands for (picks its language and config). */
  stdinFilename?: string;
  /** A path that yields no file to lint is an error (exit 2), as in ESLint; --no-error-on-unmatched-pattern allows it. */
  errorOnUnmatchedPattern: boolean;
  /** --cache: reuse the results of unchanged files (issue 16). */
  cache?: boolean;
  /** --cache-location: the cache file, or a directory for it. */
  cacheLocation?: string;
  /** --shard i/n: lint only the i-th of n deterministic groups of the files. */
  shard?: Shard;
  paths: string[];
}

export type ParsedArgs = { command: 'lint'; options: LintOptions } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: http-status-lens lint [options] [path or glob...]

Lints HTTP status codes in source files and OpenAPI specs. Directories are walked (respecting .gitignore
and the config's "ignore"); the default path is the current directory.

Output:
  -f, --format FORMAT       stylish (default), json, sarif, github or junit
  --quiet                   report errors only
  --max-warnings N          exit 1 when there are more than N warnings (default: no limit)
  --color, --no-color       force colours on or off (default: on when stdout is a terminal)

Configuration:
  -c, --config FILE         use this config file instead of the .http-status-lens.json files found
  --no-config               use no config file
  --rule ID=SEVERITY        set a rule's severity (off, hint, info, warning, error); repeatable

Fixing:
  --fix                     apply every safe preferred fix, and report what is left
  --fix-dry-run             print the fixes as a unified diff instead of writing them

Input:
  --stdin                   lint the text on standard input instead of files
  --stdin-filename PATH     the path that text stands for: its extension picks the language, its
                            folder the config (needed with --stdin)
  --no-error-on-unmatched-pattern
                            a path or glob with no file to lint is not an error

Large projects:
  --cache                   reuse the results of unchanged files (.http-status-lens-cache); a change to
                            the config, the tool's version or a carrier a file uses lints it again
  --cache-location PATH     the cache file, or a directory for it (implies nothing without --cache)
  --shard I/N               lint only the I-th of N groups of the files (deterministic, for CI matrices)

Baseline:
  --write-baseline FILE     record the current findings in FILE
  --baseline FILE           report only findings that are not in FILE

Other:
  --concurrency N|auto|off  worker threads for large trees (default: auto)
  -h, --help                show this help
  -v, --version             print the version

Exit codes: 0 no findings over the limit, 1 an error or more warnings than --max-warnings,
2 a usage, configuration or I/O error. Documentation: docs/cli.md`;

/** Options that take a value, by every name they answer to. */
const VALUED = new Set([
  '-f',
  '--format',
  '--max-warnings',
  '-c',
  '--config',
  '--rule',
  '--baseline',
  '--write-baseline',
  '--concurrency',
  '--stdin-filename',
  '--cache-location',
  '--shard',
]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (options.includes('-h') || options.includes('--help')) return { command: 'help' };
  if (options.includes('-v') || options.includes('--version')) return { command: 'version' };
  return { command: 'lint', options: parseLint(argv) };
}

function parseLint(argv: readonly string[]): LintOptions {
  const options: LintOptions = {
    format: 'stylish',
    maxWarnings: -1,
    quiet: false,
    rules: {},
    noConfig: false,
    fix: 'off',
    concurrency: 'auto',
    stdin: false,
    errorOnUnmatchedPattern: true,
    paths: [],
  };
  let command: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (command === undefined && !onlyPaths) command = arg;
      else options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    if (inline !== undefined && !VALUED.has(name)) throw new UsageError(`${name} takes no value`);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-') && v !== '-' && !/^-\d+$/.test(v)))
        throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-f':
      case '--format': {
        const format = value();
        if (!(FORMATS as readonly string[]).includes(format))
          throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
        options.format = format as Format;
        break;
      }
      case '--max-warnings':
        options.maxWarnings = wholeNumber(name, value(), -1);
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '-c':
      case '--config':
        options.config = value();
        break;
      case '--no-config':
        options.noConfig = true;
        break;
      case '--rule':
        for (const entry of value().split(',')) parseRule(entry.trim(), options.rules);
        break;
      case '--fix':
        if (options.fix === 'dry-run') throw new UsageError('--fix and --fix-dry-run cannot be combined');
        options.fix = 'write';
        break;
      case '--fix-dry-run':
        if (options.fix === 'write') throw new UsageError('--fix and --fix-dry-run cannot be combined');
        options.fix = 'dry-run';
        break;
      case '--baseline':
        options.baseline = value();
        break;
      case '--write-baseline':
        options.writeBaseline = value();
        break;
      case '--concurrency': {
        const raw = value();
        options.concurrency = raw === 'auto' || raw === 'off' ? raw : wholeNumber(name, raw, 1);
        break;
      }
      case '--stdin':
        options.stdin = true;
        break;
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--no-error-on-unmatched-pattern':
        options.errorOnUnmatchedPattern = false;
        break;
      case '--cache':
        options.cache = true;
        break;
      case '--cache-location':
        options.cacheLocation = value();
        break;
      case '--shard': {
        const raw = value();
        options.shard = readShard(raw);
        if (!options.shard) throw new UsageError(`--shard needs I/N with 1 <= I <= N (e.g. --shard 2/4), got "${raw}"`);
        break;
      }
      default:
        throw new UsageError(`unknown option "${name}"`);
    }
  }
  if (command === undefined) throw new UsageError('missing command: expected "lint"');
  if (command !== 'lint') throw new UsageError(`unknown command "${command}": expected "lint"`);
  if (options.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be combined');
  if (options.fix === 'dry-run' && options.format !== 'stylish')
    throw new UsageError(`--fix-dry-run prints a diff; it cannot be combined with --format ${options.format}`);
  checkStdin(options);
  if (options.paths.length === 0 && !options.stdin) options.paths.push('.');
  return options;
}

function checkStdin(options: LintOptions): void {
  if (!options.stdin) {
    if (options.stdinFilename !== undefined) throw new UsageError('--stdin-filename is only used with --stdin');
    return;
  }
  if (options.stdinFilename === undefined) throw new UsageError('--stdin needs --stdin-filename PATH (its extension picks the language)');
  if (options.paths.length > 0) throw new UsageError('--stdin lints standard input: give no paths with it');
  if (options.fix === 'write')
    throw new UsageError('--fix cannot write standard input back; use --fix-dry-run to print the fixes as a diff');
  if (options.writeBaseline !== undefined || options.baseline !== undefined)
    throw new UsageError('--stdin cannot be combined with a baseline');
}

function wholeNumber(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} needs a whole number >= ${min}, got "${raw}"`);
  return n;
}

function parseRule(entry: string, rules: Partial<Record<RuleId, Severity>>): void {
  const match = /^([^=:]+)[=:](.*)$/.exec(entry);
  if (!match) throw new UsageError(`--rule needs ID=SEVERITY, got "${entry}"`);
  const [, id, severity] = match;
  if (!(ruleIds as readonly string[]).includes(id)) throw new UsageError(`--rule: unknown rule "${id}" (known: ${ruleIds.join(', ')})`);
  if (!(severities as readonly string[]).includes(severity))
    throw new UsageError(`--rule ${id}: unknown severity "${severity}" (expected ${severities.join(', ')})`);
  rules[id as RuleId] = severity as Severity;
}

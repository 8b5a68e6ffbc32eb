/**
 * The files to lint, from the command-line paths: directories are walked (sorted by name, symbolic links
 * not followed), globs are matched below their fixed part, named files are taken as they are. Ignore
 * patterns apply to everything (a named file too, so a pre-commit hook that passes ignored files gets
 * nothing for them); the built-in list applies only below a walked directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type IgnoreLayer, isFileIgnored } from '../config';
import * as knowledge from '../knowledge';
import type { CliConfig } from './config';
import { type DirectoryRules, type Visit, walkTree } from '../workspace/walk';
import { gitLayersAbove, gitignoreIn } from './gitignore';
import { GlobError, globMatcher, isGlob, splitGlob } from './glob';
import { displayPath, displayPaths, relativePosix } from './paths';

export class PathError extends Error {}

export interface FileTask {
  /** The path; for a name that is not UTF-8, decoded lossily (U+FFFD), which only `real` can open. */
  absolute: string;
  /** The path's exact bytes, when a name on it is not valid UTF-8. */
  real?: Uint8Array;
  /** --stdin: the text to lint, instead of reading `absolute`. */
  text?: string;
  /** --fix-dry-run of a spec the project fix changed: `text` is the changed text, this the file's, for the diff. */
  original?: string;
  /** As printed: relative to the working directory when inside it. */
  display: string;
  languageId: string;
  settingsIndex: number;
}

export interface Collected {
  files: FileTask[];
  /** Directories that could not be read during a walk (exit code 2, after linting the rest). */
  errors: string[];
  /** Files named on the command line that an ignore pattern leaves out (said on stderr, like ESLint). */
  ignored: string[];
  /** Other lines for stderr (--stdin text that a file of its name would not be linted as). */
  notes?: string[];
}

export function collectFiles(paths: readonly string[], cwd: string, config: CliConfig, errorOnUnmatched = true): Collected {
  // One path gives each file once (a walk does not follow links): only several paths can name a file twice.
  const seen = paths.length > 1 ? new Set<string>() : undefined;
  const collected: Collected = { files: [], errors: [], ignored: [] };
  const display = displayPaths(cwd);
  // Files each path matched, taken already by an earlier path or not: a path is unmatched only when it matches none (as ESLint's).
  let matched = 0;
  const add = (absolute: string, languageId: string, settingsIndex: number, real?: Buffer) => {
    matched++;
    if (seen) {
      const key = real ? real.toString('latin1') : absolute;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const file: FileTask = { absolute, display: display(absolute), languageId, settingsIndex };
    if (real) file.real = real;
    collected.files.push(file);
  };
  // Named files (a pre-commit hook passes hundreds) share the .gitignore layers of their directory.
  const gitLayers = new Map<string, IgnoreLayer[]>();
  const gitLayersOf = (directory: string) => {
    let layers = gitLayers.get(directory);
    if (!layers) {
      const own = gitignoreIn(directory);
      layers = [...gitLayersAbove(directory), ...(own ? [own] : [])];
      gitLayers.set(directory, layers);
    }
    return layers;
  };
  const walkFrom = (top: string, visit: Visit) => walkTree(top, directoryRules(config), collected.errors, visit);

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      throw new PathError(`cannot read ${given}: ${codeOf(error)}`);
    }
    if (stat?.isDirectory()) {
      const before = matched;
      walkFrom(absolute, add);
      if (matched === before && errorOnUnmatched)
        throw new PathError(
          `no files to lint in "${given}": no source file or spec of an enabled language, or all ignored (--no-error-on-unmatched-pattern allows this)`,
        );
    } else if (stat?.isFile()) {
      const languageId = knowledge.languageForFile(absolute);
      if (!languageId || path.basename(absolute) === CONFIG_FILE_NAME) continue;
      const directory = path.dirname(absolute);
      const resolved = config.forDirectory(directory);
      if (!resolved.settings.languages.includes(languageId)) continue;
      if (!isFileIgnored([...gitLayersOf(directory), ...resolved.ignore], absolute)) add(absolute, languageId, resolved.settingsIndex);
      else collected.ignored.push(given);
    } else if (stat) {
      throw new PathError(`cannot read ${given}: not a file or directory`);
    } else if (isGlob(given)) {
      const before = matched;
      const { base, pattern } = splitGlob(given);
      const top = path.resolve(cwd, base);
      const matches = globMatcherOf(given, pattern);
      if (fs.statSync(top, { throwIfNoEntry: false })?.isDirectory()) {
        walkFrom(top, (file, languageId, index, real) => {
          // A glob may name directories (`packages/*/src`): a file below a matching directory matches too.
          const segments = relativePosix(top, file)!.split('/');
          for (let n = segments.length; n > 0; n--) {
            if (matches(segments.slice(0, n).join('/'))) return add(file, languageId, index, real);
          }
        });
      }
      if (matched === before && errorOnUnmatched)
        throw new PathError(`no files to lint match "${given}" (--no-error-on-unmatched-pattern allows this)`);
    } else {
      throw new PathError(`cannot read ${given}: no such file or directory`);
    }
  }
  return collected;
}

/**
 * The task for text piped to --stdin: `filename` picks the language and the config as a file there would,
 * and is reported in the findings. Undefined, with the reason, when that file would not be linted.
 */
export function stdinTask(filename: string, text: string, cwd: string, config: CliConfig): Collected {
  const collected: Collected = { files: [], errors: [], ignored: [], notes: [] };
  const absolute = path.resolve(cwd, filename);
  const languageId = knowledge.languageForFile(absolute);
  const directory = path.dirname(absolute);
  const resolved = config.forDirectory(directory);
  const own = gitignoreIn(directory);
  if (!languageId) collected.notes!.push(`${filename}: not linted (no supported language has this file name)`);
  else if (!resolved.settings.languages.includes(languageId))
    collected.notes!.push(`${filename}: not linted ("${languageId}" is not in "languages")`);
  else if (isFileIgnored([...gitLayersAbove(directory), ...(own ? [own] : []), ...resolved.ignore], absolute))
    collected.ignored.push(filename);
  else collected.files.push({ absolute, text, display: displayPath(absolute, cwd), languageId, settingsIndex: resolved.settingsIndex });
  return collected;
}

function globMatcherOf(given: string, pattern: string): (relativePath: string) => boolean {
  try {
    return globMatcher(pattern);
  } catch (error) {
    throw error instanceof GlobError ? new PathError(`cannot use the glob "${given}": ${error.message}`) : error;
  }
}

/** The CLI's config as the shared walk reads it. */
export function directoryRules(config: CliConfig): DirectoryRules {
  return {
    forDirectory: (directory) => {
      const resolved = config.forDirectory(directory);
      return { ignore: resolved.ignore, languages: resolved.settings.languages, settingsIndex: resolved.settingsIndex };
    },
  };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * The walk of a project tree, shared by the CLI (the files to lint, and the project they belong to) and the
 * editor's background index: sorted by name, symbolic links not followed, each directory under the built-in
 * ignores, the `.gitignore` files (and the repository's info/exclude) and the `ignore` of the config files
 * that apply there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type IgnoreLayer, IgnoreMatcher, ignoreLayer } from '../config';
import * as knowledge from '../knowledge';
import { BUILT_IN_IGNORES, gitLayersAbove, gitignoreIn } from './gitignore';

/** What applies in a directory: its config's ignore layers, the languages it enables, its settings' index. */
export interface DirectoryRules {
  forDirectory(directory: string): { ignore: readonly IgnoreLayer[]; languages: readonly string[]; settingsIndex: number };
}

/** `real`: the file's exact path bytes, when a name on it is not UTF-8 (`bad\xff.ts`): it opens by those. */
export type Visit = (file: string, languageId: string, settingsIndex: number, real?: Buffer) => void;

/** What applies in a directory; a child without its own .gitignore or config reuses its parent's matcher. */
interface Scope {
  git: IgnoreLayer[];
  config: readonly IgnoreLayer[] | undefined;
  matcher: IgnoreMatcher;
}

export interface WalkedFile {
  file: string;
  languageId: string;
  settingsIndex: number;
  /** The path's exact bytes, when a name on it is not valid UTF-8. */
  real?: Buffer;
}

/** A directory to enter, in a directory's entries. */
interface Directory {
  directory: string;
  scope: Scope;
  real: Buffer | undefined;
}

/** Visits every file of an enabled language below `top`; directories that cannot be read go to `errors`. */
export function walkTree(top: string, rules: DirectoryRules, errors: string[], visit: Visit): void {
  // A call for each file, not a generator: its resumptions and results were a share of a --cache re-run.
  const walk = (entries: (WalkedFile | Directory)[]) => {
    for (const entry of entries)
      if ('file' in entry) visit(entry.file, entry.languageId, entry.settingsIndex, entry.real);
      else walk(reader.read(entry));
  };
  const reader = new Reader(rules, errors, top);
  walk(reader.top());
}

/** The same walk, one file at a time, so a caller can pause it (the editor's index yields between batches). */
export function* walkFiles(top: string, rules: DirectoryRules, errors: string[]): Generator<WalkedFile> {
  function* walk(entries: (WalkedFile | Directory)[]): Generator<WalkedFile> {
    for (const entry of entries)
      if ('file' in entry) yield entry;
      else yield* walk(reader.read(entry));
  }
  const reader = new Reader(rules, errors, top);
  yield* walk(reader.top());
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A directory entry (most often the Dirent itself), its name as text, and the name's exact bytes when they are not UTF-8 (`bad\xff.ts`). */
interface Named extends Pick<fs.Dirent, 'isDirectory' | 'isFile'> {
  name: string;
  bytes?: Buffer;
}

/**
 * The entries of a directory. Names are read as text, and only a directory where one decoded to U+FFFD
 * (not UTF-8, or a real U+FFFD) is read again as bytes: decoding each name strictly cost every walk.
 */
function namedEntries(directory: string, real: Buffer | undefined): Named[] {
  if (!real) {
    const entries = fs.readdirSync(directory, { withFileTypes: true });
    if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return entries;
  }
  return fs.readdirSync(real ?? directory, { withFileTypes: true, encoding: 'buffer' }).map((entry) => {
    const kind = { isDirectory: () => entry.isDirectory(), isFile: () => entry.isFile() };
    try {
      return { ...kind, name: strictUtf8.decode(entry.name) };
    } catch {
      return { ...kind, name: entry.name.toString('utf8'), bytes: entry.name };
    }
  });
}

function byName(a: Named, b: Named): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.bytes ?? Buffer.from(a.name), b.bytes ?? Buffer.from(b.name));
}

/** Reads a directory of the walk: its files to visit and the directories to enter, in name order. */
class Reader {
  private readonly builtIn: IgnoreLayer;

  constructor(
    private readonly rules: DirectoryRules,
    private readonly errors: string[],
    private readonly start: string,
  ) {
    this.builtIn = ignoreLayer(start, BUILT_IN_IGNORES);
  }

  top(): (WalkedFile | Directory)[] {
    const scope: Scope = { git: gitLayersAbove(this.start), config: undefined, matcher: new IgnoreMatcher([]) };
    return this.read({ directory: this.start, scope, real: undefined }, true);
  }

  /**
   * `real` is the directory's exact bytes once a name above is not UTF-8: such names are read as bytes, shown
   * lossily, and opened by their bytes. (A .gitignore or config inside such a directory is not read.)
   */
  read({ directory, scope: parent, real }: Directory, top = false): (WalkedFile | Directory)[] {
    let named: Named[];
    try {
      named = namedEntries(directory, real);
    } catch (error) {
      this.errors.push(`cannot read ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return [];
    }
    const own = !real && named.some(({ name }) => name === '.gitignore') ? gitignoreIn(directory) : undefined;
    const resolved = this.rules.forDirectory(directory);
    let scope = parent;
    if (own || resolved.ignore !== parent.config) {
      const git = own ? [...parent.git, own] : parent.git;
      scope = { git, config: resolved.ignore, matcher: new IgnoreMatcher([this.builtIn, ...git, ...resolved.ignore]) };
    }
    // Below the top, this directory was not excluded (it was entered): with directory patterns only, neither
    // are its files. The top may lie in an excluded directory (a path given to the CLI): its files are asked.
    const askFiles = !scope.matcher.directoriesOnly || (top && scope.matcher.ignores(directory, true));
    named.sort(byName);
    // `directory` is normalized and a name holds no separator: a concatenation is the join (path.join was a
    // quarter of a --cache re-run's walk).
    const prefix = directory.endsWith(path.sep) ? directory : directory + path.sep;
    const entries: (WalkedFile | Directory)[] = [];
    for (const entry of named) {
      const { name, bytes } = entry;
      const full = prefix + name;
      const fullReal =
        real || bytes ? Buffer.concat([real ?? Buffer.from(directory), Buffer.from(path.sep), bytes ?? Buffer.from(name)]) : undefined;
      if (entry.isDirectory()) {
        if (!scope.matcher.ignores(full, true)) entries.push({ directory: full, scope, real: fullReal });
      } else if (entry.isFile() && name !== CONFIG_FILE_NAME) {
        const languageId = knowledge.languageForFile(name);
        if (languageId && resolved.languages.includes(languageId) && !(askFiles && scope.matcher.ignores(full, false)))
          entries.push(
            fullReal
              ? { file: full, languageId, settingsIndex: resolved.settingsIndex, real: fullReal }
              : { file: full, languageId, settingsIndex: resolved.settingsIndex },
          );
      }
    }
    return entries;
  }
}

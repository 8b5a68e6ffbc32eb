/**
 * The workspace model for a lint run: the carriers of the projects the linted files belong to (each file's
 * repository, else the working directory), so a use in one file is judged by a declaration in another.
 * Files whose size and modification time the --cache has seen reuse their facts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRepositoryRoot } from '../config';
import * as knowledge from '../knowledge';
import { MAX_FILE_SIZE } from '../service';
import { type FileFacts, WorkspaceModel } from '../workspace/model';
import { walkTree } from '../workspace/walk';
import type { LintCache } from './cache';
import { fileUri } from './paths';
import type { CliConfig } from './config';
import { directoryRules, type FileTask } from './walker';

/** The modification facts of each file read, for the cache. */
export type FileStats = Map<string, { size: number; mtimeMs: number }>;

export interface ProjectIndex {
  /** The model of every file; the facts taken from the cache go in on the first call (a re-run may need none). */
  model(): WorkspaceModel;
  stats: FileStats;
  /** Files read (not taken from the cache), for the bench and --debug output. */
  read: number;
  /**
   * The carrier facts are those the cache was written with (no file that declares, extends or uses a carrier
   * changed, came or went), so the dependency keys the cache stores still hold without asking the model.
   */
  unchanged: boolean;
}

/**
 * `walked`: directories the files were collected from by a whole walk; a project root among them is not
 * walked again (its files are all in `files` already).
 */
/**
 * The whole index, in this thread, before linting: for --fix and --stdin, where each file is linted once
 * with every carrier known. A plain lint instead reads each file's facts in its lint worker, from the same
 * lexing as the lint (run.ts: planIndex, then finishIndex once the workers have given the facts).
 */
export function indexProject(
  files: readonly FileTask[],
  cwd: string,
  config: CliConfig,
  cache?: LintCache,
  walked: ReadonlySet<string> = new Set(),
): ProjectIndex {
  const plan = planIndex(files, cwd, config, cache, walked);
  readInto(plan);
  return finishIndex(plan, cache);
}

/** Reads the files of the plan still to read (those of `only`, when given) into its model. */
export function readInto(plan: IndexPlan, only?: ReadonlySet<string>): void {
  for (const file of plan.toRead) {
    if (only && !only.has(file.absolute)) continue;
    try {
      plan.model.update(file.uri, fs.readFileSync(file.absolute, 'utf8'), file.languageId);
    } catch {
      // Unreadable here: linting it says so.
    }
  }
}

/** A file the index has still to read. */
export interface FileToRead {
  absolute: string;
  uri: string;
  languageId: string;
}

export interface IndexPlan extends Omit<ProjectIndex, 'model' | 'unchanged'> {
  /** The files read so far (the cached facts are not in it yet). */
  model: WorkspaceModel;
  /** Files whose facts the cache holds: they go into the model when it is asked for. */
  cached: { absolute: string; languageId: string }[];
  toRead: FileToRead[];
}

/** The files of the projects, with what the cache and standard input already give taken into the model; what is left to read is `toRead`. */
export function planIndex(
  files: readonly FileTask[],
  cwd: string,
  config: CliConfig,
  cache?: LintCache,
  walked: ReadonlySet<string> = new Set(),
): IndexPlan {
  const model = new WorkspaceModel();
  const stats: FileStats = new Map();
  const toRead: FileToRead[] = [];
  const cached: { absolute: string; languageId: string }[] = [];
  // Only code uses carriers: a run over specs alone does not read the project (a spec in a tree of 5,000
  // sources was linted 4x slower for it).
  const roots = projectRoots(
    files.filter((file) => knowledge.hasCarriers(file.languageId)),
    cwd,
  );
  model.setRoots(roots.map((root) => pathToFileURL(root + path.sep).href));
  // Files added before the linted ones (standard input's, the projects' walks), which those then skip.
  const seen = new Set<string>();
  // A linted file is asked for by its path as shown, relative to the working directory when inside it: the
  // system finds it from there, instead of walking every directory of its absolute path again (the kernel's
  // path walk was a third of the plan's `stat`s).
  const shownFromHere = process.cwd() === cwd;
  // `file`: the file's task when it is one (kept as it is: no record is made for each cached file).
  const add = (absolute: string, languageId: string, file?: FileTask) => {
    if (!knowledge.hasCarriers(languageId)) return;
    if (file?.text !== undefined) return void model.update(fileUri(absolute), file.text, languageId);
    const stat = fs.statSync(shownFromHere && file && !file.real ? file.display : absolute, { throwIfNoEntry: false });
    if (!stat || stat.size > MAX_FILE_SIZE) return;
    stats.set(absolute, { size: stat.size, mtimeMs: stat.mtimeMs });
    if (cache?.hasFacts(absolute, stat)) cached.push(file ?? { absolute, languageId });
    else toRead.push({ absolute, uri: fileUri(absolute), languageId });
  };
  const addOnce = (absolute: string, languageId: string, file?: FileTask) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    add(absolute, languageId, file);
  };
  // Text given on standard input stands for its file.
  for (const file of files) if (file.text !== undefined) addOnce(file.absolute, file.languageId, file);
  const errors: string[] = [];
  for (const root of roots)
    if (!walked.has(root)) walkTree(root, directoryRules(config), errors, (file, languageId) => addOnce(file, languageId));
  // The linted files are each once (collectFiles), but for names that are not UTF-8, which may read alike:
  // a re-run of a walked tree adds its 5,000 files without a Set of their paths.
  const once = seen.size > 0 || files.some((file) => file.real) ? addOnce : add;
  for (const file of files) once(file.absolute, file.languageId, file);
  return { model, cached, stats, read: toRead.length, toRead };
}

/** After the files to read are in the model: their facts go to the cache, and the cached facts to the model when asked for. */
export function finishIndex(plan: IndexPlan, cache?: LintCache): ProjectIndex {
  let unchanged = cache?.checked === true && !cache.lostFacts();
  if (cache) {
    for (const file of plan.toRead) {
      const stat = plan.stats.get(file.absolute);
      const facts = plan.model.facts(file.uri);
      unchanged &&= sameFacts(facts, cache.factsBefore(file.absolute));
      if (stat) cache.setFacts(file.absolute, stat, facts);
    }
  }
  let cached: IndexPlan['cached'] | undefined = plan.cached;
  const model = () => {
    for (const { absolute, languageId } of cached ?? []) {
      const stat = plan.stats.get(absolute)!;
      const facts = cache!.facts(absolute, stat);
      const uri = fileUri(absolute);
      if (facts) plan.model.restore({ ...facts, uri });
      else {
        // A damaged copy: the file is read, and its facts stored again.
        readInto({ ...plan, toRead: [{ absolute, uri, languageId }] });
        cache!.setFacts(absolute, stat, plan.model.facts(uri));
      }
    }
    cached = undefined;
    return plan.model;
  };
  return { model, stats: plan.stats, read: plan.read, unchanged };
}

/** Whether a file read again says what the cache said of it (an unreadable file, like a new one, has no facts). */
function sameFacts(now: FileFacts | undefined, before: Omit<FileFacts, 'uri'> | undefined): boolean {
  const empty = (facts: Omit<FileFacts, 'uri'> | undefined) =>
    !facts || (facts.carriers.length === 0 && facts.subclasses.length === 0 && facts.uses.length === 0);
  if (!now || !before) return empty(now) && empty(before);
  return (
    now.family === before.family &&
    JSON.stringify([now.carriers, now.subclasses, now.uses]) === JSON.stringify([before.carriers, before.subclasses, before.uses])
  );
}

/**
 * The project of each linted file: its repository's root, else the working directory when the file is
 * inside it, else its own directory. Roots inside another root are left out.
 */
export function projectRoots(files: readonly FileTask[], cwd: string): string[] {
  const roots = new Set<string>();
  const byDirectory = new Map<string, string>();
  let previous = '';
  for (const file of files) {
    // The files come directory by directory (the walk's order): one in the previous file's directory adds no
    // root, and is not asked for its directory (path.dirname of each of 5,000 files was ~5 ms of a re-run).
    if (previous !== '' && file.absolute.lastIndexOf(path.sep) === previous.length && file.absolute.startsWith(previous)) continue;
    const directory = (previous = path.dirname(file.absolute));
    let root = byDirectory.get(directory);
    if (root === undefined) {
      root = repositoryOf(directory) ?? (isInside(directory, cwd) ? cwd : directory);
      byDirectory.set(directory, root);
    }
    roots.add(root);
  }
  const sorted = [...roots].sort((a, b) => a.length - b.length);
  return sorted.filter((root, i) => !sorted.slice(0, i).some((outer) => isInside(root, outer)));
}

function repositoryOf(directory: string): string | undefined {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

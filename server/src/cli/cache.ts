/**
 * `--cache`: as ESLint's. A file whose size and modification time are unchanged reuses what the last run
 * found, unless something it depends on changed: the tool's version, its settings (the config files that
 * apply, --rule), or a carrier it uses (or, for a file declaring one, whether it is used). Its carrier facts
 * are reused too, so an unchanged file is not even read. Stored as a line for each file (see below); a damaged or
 * foreign cache is ignored and rewritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../workspace/model';
import type { FileReport, Finding } from './findings';

export const DEFAULT_CACHE_FILE = '.http-status-lens-cache';
const FORMAT = 4;
const TAB = '\t';

/** A report as stored: its findings as a list (a file's report packs them again: PackedFindings). */
type Report = Pick<FileReport, 'fingerprints' | 'notes'> & { findings: Finding[] };

/*
 * The file: a header line (Header, as JSON), then a line for each file, its fields separated by tabs:
 *
 *   name  size  mtimeMs  settings  dependencies  report  facts
 *
 * `settings` is an index into the header's settings ('' when the file has no result), `report` and `facts` are
 * JSON ('' when empty; JSON never holds a raw tab or line break), `name` and `dependencies` are written as a
 * JSON string when they hold a tab or line break or begin with a quote. A re-run reads a line only when its
 * file is asked about, and writes an unchanged file's line back as it read it (format 3 was one JSON document,
 * each file's facts JSON inside it, parsed and written whole: with the Map and flags below, the cache's part
 * of a re-run of 5,000 files went from ~20 to ~8 ms of CPU). A header that does not parse, a count of lines
 * that is not the header's or a last line without its line break (a cut file), or another format is said
 * and the cache rewritten; a line of another shape is not used (its file is linted again).
 */

/** One file's entry. */
interface Entry {
  size: number;
  mtimeMs: number;
  /** The line as read, written back as it is while nothing here changed it. */
  line?: string;
  /**
   * This run asked about the file (one of its projects' files, or linted), so save() keeps it; flags on the
   * entry, not Sets of entries: two Sets of 5,000 entries were a share of a re-run.
   */
  asked: boolean;
  /** This run checked or wrote its result (see save()). */
  linted: boolean;
  /** StoredFacts as JSON. */
  facts?: string;
  /** `report`: Partial<Report> as JSON. */
  result?: { settings: number; dependencies?: string; report?: string };
}

/** FileFacts without the uri, and with empty lists left out. */
type StoredFacts = { family: string } & Partial<Omit<FileFacts, 'uri' | 'family'>>;

interface Header {
  format: number;
  version: string;
  /**
   * Every stored result's dependency key was made from the stored facts: a run whose facts all stay the same
   * may then trust the keys without building the model. (A run over part of a project whose carriers
   * changed leaves the other files' keys unchecked.)
   */
  checked?: boolean;
  /** The settings the files were linted with, as JSON (each once: the entries refer to them by index). */
  settings: string[];
  /** The directory the names of the files are relative to (the working directory of the run that made the cache); names outside it are absolute. */
  root: string;
  /** How many file lines follow. */
  files: number;
}

interface Stored extends Omit<Header, 'files'> {
  /** An entry, or its line not read yet. */
  files: Map<string, Entry | string>;
}

/** Where the cache lives: `--cache-location` as a file, or a directory (an existing one, or a path ending in /). */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isDirectory = /[\\/]$/.test(location) || fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory() === true;
  return isDirectory ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export class LintCache {
  /**
   * By name: relative to `root` when inside it. A Map: a name looked up is a new string, which an object's
   * keys would first intern (~2 ms of a re-run of 5,000 files).
   */
  private readonly files: Map<string, Entry | string>;
  private settings: string[];
  private readonly root: string;
  /** `root` and a separator: what a file's absolute path loses to become its name. */
  private readonly prefix: string;
  /** Entries as loaded, of files whose entry this run replaced (changed files). */
  private readonly before = new Map<string, Entry>();
  /** Why the stored cache was not used, for one line on stderr. */
  readonly discarded?: string;
  /** See Stored.checked. */
  readonly checked: boolean;

  private constructor(
    readonly file: string,
    private readonly version: string,
    cwd: string,
    stored: Stored | undefined,
    discarded?: string,
  ) {
    this.files = stored?.files ?? new Map();
    this.settings = stored?.settings ?? [];
    this.root = stored?.root ?? cwd;
    this.prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    this.checked = stored?.checked === true;
    this.discarded = discarded;
  }

  static load(file: string, version: string, cwd: string): LintCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return new LintCache(file, version, cwd, undefined);
    }
    const damaged = () => new LintCache(file, version, cwd, undefined, `the cache ${file} is damaged; it is rewritten`);
    let header: Header;
    try {
      const end = text.indexOf('\n');
      header = JSON.parse(end < 0 ? text : text.slice(0, end)) as Header;
    } catch {
      return damaged();
    }
    if (
      header?.format !== FORMAT ||
      !Array.isArray(header.settings) ||
      !header.settings.every(isString) ||
      !isString(header.root) ||
      !path.isAbsolute(header.root) ||
      !isInteger(header.files)
    )
      return new LintCache(
        file,
        version,
        cwd,
        undefined,
        `the cache ${file} was written in another format (another version of the tool); it is rewritten`,
      );
    if (header.version !== version) return new LintCache(file, version, cwd, undefined);
    // A cut file (this tool writes the whole file, then renames it) is not trusted at all.
    const lines = text.split('\n');
    if (lines.length !== header.files + 2 || lines[lines.length - 1] !== '') return damaged();
    // Each line is read when its file is asked about: most lines of a re-run are only written back.
    const files = new Map<string, Entry | string>();
    for (let index = 1; index <= header.files; index++) {
      const line = lines[index];
      const tab = line.indexOf(TAB);
      const name = tab > 0 ? unquoted(line.slice(0, tab)) : undefined;
      if (name !== undefined) files.set(name, line);
    }
    return new LintCache(file, version, cwd, { ...header, files });
  }

  /** The carrier facts stored for an unchanged file (none for an entry of another shape: the file is read). */
  facts(absolute: string, stat: { size: number; mtimeMs: number }): Omit<FileFacts, 'uri'> | undefined {
    return factsOf(this.unchanged(absolute, stat));
  }

  /**
   * Whether the cache holds facts of an unchanged file, without reading them: facts() may still find them
   * damaged (then the file is read). A damaged copy changes no stored key: those were made from the file.
   */
  hasFacts(absolute: string, stat: { size: number; mtimeMs: number }): boolean {
    return typeof this.unchanged(absolute, stat)?.facts === 'string';
  }

  /** The facts the cache held for a file when loaded, whether or not it changed since. */
  factsBefore(absolute: string): Omit<FileFacts, 'uri'> | undefined {
    const name = this.name(absolute);
    return factsOf(this.before.get(name) ?? this.at(name));
  }

  /** The dependency key of the result the cache held for a file when loaded, whether or not it changed since. */
  dependenciesBefore(absolute: string): string | undefined {
    const name = this.name(absolute);
    const result = (this.before.get(name) ?? this.at(name))?.result;
    return result && this.storedReport(result) ? (result.dependencies ?? '') : undefined;
  }

  /** Whether the cache holds facts of a file this run has not asked about (deleted, moved, ignored now). */
  lostFacts(): boolean {
    for (const name of this.files.keys()) {
      const entry = this.at(name);
      if (!entry || entry.asked || entry.facts === undefined) continue;
      const stored = factsOf(entry);
      // Damaged facts may have been anything.
      if (!stored || stored.carriers.length || stored.subclasses.length || stored.uses.length) return true;
    }
    return false;
  }

  /**
   * The report stored for an unchanged file, if its settings and dependencies are still the same (and it has
   * the shape this version writes). `dependencies` undefined: the stored key holds (ProjectIndex.unchanged).
   */
  report(
    absolute: string,
    stat: { size: number; mtimeMs: number } | undefined,
    settings: string,
    dependencies: string | undefined,
  ): Report | undefined {
    if (!stat) return undefined;
    const result = this.unchanged(absolute, stat, true)?.result;
    const report = result && this.storedReport(result);
    if (!report || this.settings[result.settings] !== settings) return undefined;
    if (dependencies !== undefined && (result.dependencies ?? '') !== dependencies) return undefined;
    return report;
  }

  setFacts(absolute: string, stat: { size: number; mtimeMs: number }, facts: FileFacts | undefined): void {
    if (!facts) return;
    const stored: StoredFacts = { family: facts.family };
    if (facts.carriers.length > 0) stored.carriers = facts.carriers;
    if (facts.subclasses.length > 0) stored.subclasses = facts.subclasses;
    if (facts.uses.length > 0) stored.uses = facts.uses;
    const entry = this.entry(absolute, stat);
    entry.facts = JSON.stringify(stored);
    entry.line = undefined;
  }

  setReport(absolute: string, stat: { size: number; mtimeMs: number }, settings: string, dependencies: string, report: FileReport): void {
    let index = this.settings.indexOf(settings);
    if (index < 0) index = this.settings.push(settings) - 1;
    const result: Entry['result'] = { settings: index };
    if (dependencies !== '') result.dependencies = dependencies;
    if (report.findings.length > 0 || report.notes.length > 0)
      result.report = JSON.stringify({ findings: report.findings.toArray(), fingerprints: report.fingerprints, notes: report.notes });
    const entry = this.entry(absolute, stat);
    entry.result = result;
    entry.line = undefined;
    entry.linted = true;
  }

  forget(absolute: string): void {
    this.files.delete(this.name(absolute));
  }

  /**
   * Keeps only the files this run asked about (those of its projects, and those it linted), and writes the
   * cache (atomically). `unchanged`: the run's carrier facts were the stored ones (ProjectIndex.unchanged).
   */
  save(unchanged: boolean): void {
    const used = new Map<number, number>();
    let checked = true;
    let last = '';
    let inOrder = true;
    const kept: string[] = [];
    this.files.forEach((entry, name) => {
      if (typeof entry === 'string' || !entry.asked) return;
      kept.push(name);
      if (name < last) inOrder = false;
      last = name;
      if (entry.result && !unchanged && !entry.linted) checked = false;
      // Settings no kept file refers to any more are dropped, the others renumbered.
      if (entry.result) {
        let index = used.get(entry.result.settings);
        if (index === undefined) used.set(entry.result.settings, (index = used.size));
        if (entry.result.settings !== index) ((entry.result.settings = index), (entry.line = undefined));
      }
    });
    const settings: string[] = [];
    for (const [old, index] of used) settings[index] = this.settings[old];
    this.settings = settings;
    // A re-run's names are in order but for new files.
    if (!inOrder) kept.sort();
    const header: Header = { format: FORMAT, version: this.version, checked, settings, root: this.root, files: kept.length };
    const lines = [JSON.stringify(header)];
    for (const name of kept) {
      const entry = this.files.get(name) as Entry;
      lines.push(entry.line ?? writeEntry(name, entry));
    }
    lines.push('');
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, lines.join('\n'));
    fs.renameSync(temporary, this.file);
  }

  /** A result's report, its empty lists filled in, if the result has the shape this version writes. */
  private storedReport(result: NonNullable<Entry['result']>): Report | undefined {
    const shaped =
      isInteger(result.settings) &&
      result.settings >= 0 &&
      result.settings < this.settings.length &&
      (result.dependencies === undefined || isString(result.dependencies));
    if (!shaped) return undefined;
    if (result.report === undefined) return NOTHING;
    let stored: Partial<Report>;
    try {
      stored = JSON.parse(result.report) as Partial<Report>;
    } catch {
      return undefined;
    }
    if (!isObject(stored)) return undefined;
    const { findings, fingerprints, notes } = stored;
    const report = { findings: findings ?? [], fingerprints: fingerprints ?? [], notes: notes ?? [] };
    return wellFormedReport(report) ? report : undefined;
  }

  /** A file's entry, read from its line when first asked for (a line of another shape is none: its file is linted again). */
  private at(name: string): Entry | undefined {
    const entry = this.files.get(name);
    if (typeof entry !== 'string') return entry;
    const read = readEntry(entry);
    if (read) this.files.set(name, read);
    else this.files.delete(name);
    return read;
  }

  /** A file's name in `files`. */
  private name(absolute: string): string {
    return absolute.startsWith(this.prefix) ? absolute.slice(this.prefix.length) : absolute;
  }

  /** A file's entry if the file is unchanged; `checking`: its result is being checked (see save()). */
  private unchanged(absolute: string, stat: { size: number; mtimeMs: number }, checking = false): Entry | undefined {
    const entry = this.at(this.name(absolute));
    if (!entry) return undefined;
    entry.asked = true;
    if (checking) entry.linted = true;
    return entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry : undefined;
  }

  private entry(absolute: string, stat: { size: number; mtimeMs: number }): Entry {
    let entry = this.unchanged(absolute, stat);
    if (!entry) {
      const name = this.name(absolute);
      const old = this.at(name);
      if (old && !this.before.has(name)) this.before.set(name, old);
      this.files.set(name, (entry = { size: stat.size, mtimeMs: stat.mtimeMs, asked: true, linted: false }));
    }
    return entry;
  }
}

/** Where each of a line's first six fields ends (at its tab): reused, as readEntry runs for every file. */
const ends = new Int32Array(6);

/** The text of a line from `start` to `end`: only a field that holds something is cut out (most hold nothing, or only facts). */
const cut = (line: string, start: number, end = line.length) => (start === end ? '' : line.slice(start, end));

/** An entry from its line; undefined if the line has another shape. */
function readEntry(line: string): Entry | undefined {
  for (let field = 0, at = 0; field < 6; at = ends[field++] + 1) if ((ends[field] = line.indexOf(TAB, at)) < 0) return undefined;
  if (line.includes(TAB, ends[5] + 1)) return undefined;
  const size = cut(line, ends[0] + 1, ends[1]);
  const mtimeMs = cut(line, ends[1] + 1, ends[2]);
  const entry: Entry = { size: Number(size), mtimeMs: Number(mtimeMs), line, asked: false, linted: false };
  if (size === '' || mtimeMs === '' || !Number.isFinite(entry.size) || !Number.isFinite(entry.mtimeMs)) return undefined;
  const facts = cut(line, ends[5] + 1);
  if (facts !== '') entry.facts = facts;
  const settings = cut(line, ends[2] + 1, ends[3]);
  if (settings !== '') {
    const result: Entry['result'] = (entry.result = { settings: Number(settings) });
    const dependencies = cut(line, ends[3] + 1, ends[4]);
    if (dependencies !== '') {
      result.dependencies = unquoted(dependencies);
      if (result.dependencies === undefined) return undefined;
    }
    const report = cut(line, ends[4] + 1, ends[5]);
    if (report !== '') result.report = report;
  }
  return entry;
}

function writeEntry(name: string, entry: Entry): string {
  const { result } = entry;
  const fields = [
    quoted(name),
    entry.size,
    entry.mtimeMs,
    result?.settings ?? '',
    quoted(result?.dependencies ?? ''),
    result?.report ?? '',
    entry.facts ?? '',
  ];
  return fields.join(TAB);
}

/** A name or key as a field: as it is, or as a JSON string when it holds a tab or line break or begins with a quote. */
const quoted = (text: string) => (/^"|[\t\n\r]/.test(text) ? JSON.stringify(text) : text);

function unquoted(field: string): string | undefined {
  if (!field.startsWith('"')) return field;
  try {
    const text: unknown = JSON.parse(field);
    return isString(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The report of a file that gave nothing (most of them), shared: reports read from the cache are not changed. */
const NOTHING: Report = Object.freeze({
  findings: Object.freeze([]) as [],
  fingerprints: Object.freeze([]) as [],
  notes: Object.freeze([]) as [],
});

/*
 * A cache is read as this version writes it; an entry of another shape in a file that still parses (edited by
 * hand, or damaged) is not used, and its file is linted again, instead of failing the run.
 */
const isInteger = Number.isInteger;
const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const listOf = (value: unknown, item: (value: unknown) => boolean) => value === undefined || (Array.isArray(value) && value.every(item));
const positions = (value: Record<string, unknown>, names: readonly string[]) => names.every((name) => isInteger(value[name]));
const RANGE = ['line', 'column', 'endLine', 'endColumn'];

const CARRIER_POSITIONS = ['nameStart', 'nameEnd', 'line', 'valueStart', 'valueEnd', 'start', 'end'];
const SUBCLASS_POSITIONS = ['nameStart', 'nameEnd', 'line', 'start', 'end'];
const carrier = (c: unknown) =>
  isObject(c) && isString(c.name) && isInteger(c.code) && isString(c.kind) && isString(c.shape) && positions(c, CARRIER_POSITIONS);
const subclass = (s: unknown) => isObject(s) && isString(s.name) && isString(s.base) && positions(s, SUBCLASS_POSITIONS);
const use = (u: unknown) => Array.isArray(u) && u.length === 2 && isString(u[0]) && isInteger(u[1]);

function wellFormedFacts(facts: StoredFacts): boolean {
  return isString(facts.family) && listOf(facts.carriers, carrier) && listOf(facts.subclasses, subclass) && listOf(facts.uses, use);
}

function factsOf(entry: Entry | undefined): Omit<FileFacts, 'uri'> | undefined {
  if (typeof entry?.facts !== 'string') return undefined;
  let facts: StoredFacts;
  try {
    facts = JSON.parse(entry.facts) as StoredFacts;
  } catch {
    return undefined;
  }
  if (!isObject(facts) || !wellFormedFacts(facts)) return undefined;
  return { family: facts.family, carriers: facts.carriers ?? [], subclasses: facts.subclasses ?? [], uses: facts.uses ?? [] };
}

const edit = (e: unknown) => isObject(e) && isString(e.text) && positions(e, RANGE);
const fix = (f: unknown) => isObject(f) && isString(f.title) && listOf(f.edits, edit);
const related = (r: unknown) => isObject(r) && isString(r.message) && positions(r, RANGE);
const finding = (f: unknown) =>
  isObject(f) &&
  isString(f.file) &&
  isString(f.ruleId) &&
  isString(f.severity) &&
  isString(f.message) &&
  positions(f, RANGE) &&
  listOf(f.fixes, fix) &&
  listOf(f.related, related);

function wellFormedReport(report: Report): boolean {
  return (
    listOf(report.findings, finding) &&
    listOf(report.fingerprints, isString) &&
    report.fingerprints.length === report.findings.length &&
    listOf(report.notes, isString)
  );
}

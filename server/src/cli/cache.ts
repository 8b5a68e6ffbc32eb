/**
 * `--cache`: as ESLint's. A file whose size and modification time are unchanged reuses what the last run
 * found, unless something it depends on changed: the tool's version, its settings (the config files that
 * apply, --rule), or a carrier it uses (or, for a file declaring one, whether it is used). Its carrier facts
 * are reused too, so an unchanged file is not even read. Stored as one JSON file; a damaged or foreign one is
 * ignored and rewritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../workspace/model';
import type { FileReport, Finding } from './findings';

export const DEFAULT_CACHE_FILE = '.http-status-lens-cache';
const FORMAT = 2;

/** A report as stored: its findings as a list (a file's report packs them again: PackedFindings). */
type Report = Pick<FileReport, 'fingerprints' | 'notes'> & { findings: Finding[] };

/**
 * One file's entry. Written compactly, since a re-run reads and writes the entries of the whole project
 * (the format-1 entries were 350 bytes a file, most of it a settings digest and empty lists): the settings
 * digest is an index into the cache's `settings`, and empty lists and empty dependency keys are left out.
 */
interface Entry {
  size: number;
  mtimeMs: number;
  facts?: StoredFacts;
  result?: { settings: number; dependencies?: string; report?: Partial<Report> };
}

/** FileFacts without the uri, and with empty lists left out. */
type StoredFacts = { family: string } & Partial<Omit<FileFacts, 'uri' | 'family'>>;

interface Stored {
  format: number;
  version: string;
  /** The digests of the settings the files were linted with. */
  settings: string[];
  files: Record<string, Entry>;
}

/** Where the cache lives: `--cache-location` as a file, or a directory (an existing one, or a path ending in /). */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isDirectory = /[\\/]$/.test(location) || fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory() === true;
  return isDirectory ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export class LintCache {
  private readonly files: Record<string, Entry>;
  private settings: string[];
  /** Why the stored cache was not used, for one line on stderr. */
  readonly discarded?: string;

  private constructor(
    readonly file: string,
    private readonly version: string,
    stored: Stored | undefined,
    discarded?: string,
  ) {
    this.files = stored?.files ?? {};
    this.settings = stored?.settings ?? [];
    this.discarded = discarded;
  }

  static load(file: string, version: string): LintCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return new LintCache(file, version, undefined);
    }
    try {
      const stored = JSON.parse(text) as Stored;
      if (stored?.format !== FORMAT || typeof stored.files !== 'object' || stored.files === null || !Array.isArray(stored.settings))
        return new LintCache(
          file,
          version,
          undefined,
          `the cache ${file} was written in another format (another version of the tool); it is rewritten`,
        );
      if (stored.version !== version) return new LintCache(file, version, undefined);
      return new LintCache(file, version, stored);
    } catch {
      return new LintCache(file, version, undefined, `the cache ${file} could not be read as JSON; it is rewritten`);
    }
  }

  /** The carrier facts stored for an unchanged file (none for an entry of another shape: the file is read). */
  facts(absolute: string, stat: { size: number; mtimeMs: number }): Omit<FileFacts, 'uri'> | undefined {
    const facts = this.unchanged(absolute, stat)?.facts;
    if (!facts || !wellFormedFacts(facts)) return undefined;
    return { family: facts.family, carriers: facts.carriers ?? [], subclasses: facts.subclasses ?? [], uses: facts.uses ?? [] };
  }

  /** The report stored for an unchanged file, if its settings and dependencies are still the same (and it has the shape this version writes). */
  report(
    absolute: string,
    stat: { size: number; mtimeMs: number } | undefined,
    settings: string,
    dependencies: string,
  ): Report | undefined {
    if (!stat) return undefined;
    const result = this.unchanged(absolute, stat)?.result;
    if (!result || this.settings[result.settings] !== settings || (result.dependencies ?? '') !== dependencies) return undefined;
    const report = {
      findings: result.report?.findings ?? [],
      fingerprints: result.report?.fingerprints ?? [],
      notes: result.report?.notes ?? [],
    };
    return wellFormedReport(report) ? report : undefined;
  }

  setFacts(absolute: string, stat: { size: number; mtimeMs: number }, facts: FileFacts | undefined): void {
    if (!facts) return;
    const stored: StoredFacts = { family: facts.family };
    if (facts.carriers.length > 0) stored.carriers = facts.carriers;
    if (facts.subclasses.length > 0) stored.subclasses = facts.subclasses;
    if (facts.uses.length > 0) stored.uses = facts.uses;
    this.entry(absolute, stat).facts = stored;
  }

  setReport(absolute: string, stat: { size: number; mtimeMs: number }, settings: string, dependencies: string, report: FileReport): void {
    let index = this.settings.indexOf(settings);
    if (index < 0) index = this.settings.push(settings) - 1;
    const result: Entry['result'] = { settings: index };
    if (dependencies !== '') result.dependencies = dependencies;
    if (report.findings.length > 0 || report.notes.length > 0)
      result.report = { findings: report.findings.toArray(), fingerprints: report.fingerprints, notes: report.notes };
    this.entry(absolute, stat).result = result;
  }

  forget(absolute: string): void {
    delete this.files[absolute];
  }

  /** Keeps only the files of this run's projects, and writes the cache (atomically). */
  save(keep: ReadonlySet<string>): void {
    const files: Record<string, Entry> = {};
    const used = new Map<number, number>();
    for (const name of Object.keys(this.files).sort()) {
      if (!keep.has(name)) continue;
      const entry = (files[name] = this.files[name]);
      // Settings no kept file refers to any more are dropped, the others renumbered.
      if (entry.result) {
        let index = used.get(entry.result.settings);
        if (index === undefined) used.set(entry.result.settings, (index = used.size));
        entry.result.settings = index;
      }
    }
    const settings: string[] = [];
    for (const [old, index] of used) settings[index] = this.settings[old];
    this.settings = settings;
    const stored: Stored = { format: FORMAT, version: this.version, settings, files };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(stored));
    fs.renameSync(temporary, this.file);
  }

  private unchanged(absolute: string, stat: { size: number; mtimeMs: number }): Entry | undefined {
    const entry = this.files[absolute];
    return entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry : undefined;
  }

  private entry(absolute: string, stat: { size: number; mtimeMs: number }): Entry {
    let entry = this.unchanged(absolute, stat);
    if (!entry) this.files[absolute] = entry = { size: stat.size, mtimeMs: stat.mtimeMs };
    return entry;
  }
}

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

function wellFormedFacts(facts: StoredFacts): boolean {
  const carrier = (c: unknown) =>
    isObject(c) &&
    isString(c.name) &&
    isInteger(c.code) &&
    isString(c.kind) &&
    isString(c.shape) &&
    positions(c, ['nameStart', 'nameEnd', 'line', 'valueStart', 'valueEnd', 'start', 'end']);
  const subclass = (s: unknown) =>
    isObject(s) && isString(s.name) && isString(s.base) && positions(s, ['nameStart', 'nameEnd', 'line', 'start', 'end']);
  const use = (u: unknown) => Array.isArray(u) && u.length === 2 && isString(u[0]) && isInteger(u[1]);
  return isString(facts.family) && listOf(facts.carriers, carrier) && listOf(facts.subclasses, subclass) && listOf(facts.uses, use);
}

function wellFormedReport(report: Report): boolean {
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
  return (
    listOf(report.findings, finding) &&
    listOf(report.fingerprints, isString) &&
    report.fingerprints.length === report.findings.length &&
    listOf(report.notes, isString)
  );
}

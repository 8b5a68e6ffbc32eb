/**
 * The project rules in the CLI (issue 17): when the files linted hold both handlers and an OpenAPI spec,
 * their routes are joined to the spec's operations and status-not-in-spec (and spec-status-never-returned
 * when on) is reported per file, beside what the workers find. --fix first applies every file's own fixes in
 * memory (as the workers will), declares the responses still missing in the specs, and writes those specs,
 * so one run reaches the fixed point and the rest of the run sees the fixed specs. The workspace model (issue 16) will build
 * the same facts for the editor; this is the CLI's own, over the paths it was given.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import * as knowledge from '../knowledge';
import { type FileRead, ProjectIndex, joins, readFile } from '../routes';
import { type DiagnosticData, type DocumentLike, type LanguageService, MAX_FILE_SIZE, type Settings, getLanguageService } from '../service';
import { fingerprint, lineReader } from './baseline';
import { type FileReport, type Finding, toFinding } from './findings';
import { fixDocument, writeInPlace } from './fix';
import { PackedFindings } from './packedFindings';
import type { FixMode } from './lintFile';
import type { FileTask } from './walker';

interface Entry {
  task: FileTask;
  document: TextDocument;
  stat: fs.Stats;
  /** The file's bytes as read: what --fix writes back should writing the fixed text fail halfway. */
  bytes: Buffer;
  /** --fix: the file's text before its own fixes were applied in memory. */
  original?: string;
}

export interface ProjectLint {
  /** The project findings of each file (by absolute path) with their baseline fingerprints. */
  byFile: Map<string, { findings: Finding[]; fingerprints: string[] }>;
  notes: string[];
  /** --fix-dry-run: the specs the fix would change, as the workers are to lint them (their diff is from the file's text). */
  changed: Map<string, { original: string; text: string }>;
  /** --fix: the specs written here (each counts as a fixed file). */
  wrote: Set<string>;
}

const PROJECT_RULES = ['status-not-in-spec', 'spec-status-never-returned'] as const;

export function lintProject(tasks: readonly FileTask[], settingsTable: readonly Settings[], fix: FixMode): ProjectLint | undefined {
  const on = settingsTable.map((settings) => PROJECT_RULES.some((id) => settings.rules[id] !== 'off'));
  // Two files with the rules on are enough to go on (not a list of all of them).
  let count = 0;
  for (let i = 0; i < tasks.length && count < 2; i++) if (on[tasks[i].settingsIndex]) count++;
  if (count < 2) return undefined;
  const service = getLanguageService();
  const documents = new Map<string, Entry>();
  // Specs first: without one there is nothing to join, and the handlers need not be read (a --cache re-run
  // of a tree without a spec read every source file here).
  const reads = new Map<string, FileRead>();
  const read = (document: DocumentLike) => reads.get(document.uri) ?? readFile(document, service);
  const specs = new Map<FileTask, Entry | undefined>();
  for (const task of tasks) if (knowledge.isSpecLanguage(task.languageId)) specs.set(task, load(task));
  if (![...reads.values()].some(joins)) return undefined;
  for (const task of tasks) {
    const entry = specs.has(task) ? specs.get(task) : load(task);
    if (entry) documents.set(entry.document.uri, entry);
  }
  function load(task: FileTask): Entry | undefined {
    try {
      const stat = fs.statSync(task.absolute);
      if (stat.size > MAX_FILE_SIZE) return undefined;
      const uri = pathToFileURL(task.absolute).href;
      const bytes = fs.readFileSync(task.absolute);
      const document = TextDocument.create(uri, task.languageId, 1, bytes.toString('utf8'));
      if (knowledge.isSpecLanguage(task.languageId)) reads.set(uri, readFile(document, service));
      return { task, document, stat, bytes };
    } catch {
      // Unreadable files are reported by the file's own lint.
      return undefined;
    }
  }
  const settingsOf = (uri: string) => settingsTable[documents.get(uri)!.task.settingsIndex];
  const build = () =>
    new ProjectIndex(
      service,
      [...documents.values()].map((d) => d.document),
      read,
      (uri) => settingsOf(uri).specs,
    );
  let index = build();
  // The specs' reads served the first index; after --fix changes a file, it is read again.
  reads.clear();
  if (!index.joinable) return undefined;
  const result: ProjectLint = { byFile: new Map(), notes: [], changed: new Map(), wrote: new Set() };
  if (fix !== 'off') {
    for (const [uri, entry] of documents) {
      const own = fixDocument(service, entry.document, settingsOf(uri));
      if (own.applied > 0 && !own.refused)
        ((entry.original = entry.document.getText()),
          (entry.document = TextDocument.create(uri, entry.document.languageId, own.document.version, own.document.getText())));
    }
    index = build();
    const changed = declareMissingResponses(service, index, documents, settingsOf, fix, result);
    if (changed) index = build();
  }
  const display = (uri: string) => documents.get(uri)?.task.display ?? safePath(uri);
  for (const [uri, { task, document }] of documents) {
    const diagnostics = service.doProjectValidation(document, index, settingsOf(uri));
    if (diagnostics.length === 0) continue;
    const lines = lineReader(document);
    const findings = diagnostics.map((d) => toFinding(task.display, d, { uri, display }));
    result.byFile.set(task.absolute, { findings, fingerprints: findings.map((f) => fingerprint(lines, f)) });
  }
  return result;
}

/** The tasks for the workers: under --fix-dry-run, a spec the project fix changed is linted as changed. */
export function withProjectChanges<T extends FileTask>(tasks: T[], project: ProjectLint | undefined): T[] {
  if (!project || project.changed.size === 0) return tasks;
  return tasks.map((task) => {
    const changed = project.changed.get(task.absolute);
    return changed ? { ...task, text: changed.text, original: changed.original } : task;
  });
}

/** Adds the project findings of a file to its report, in line order. */
export function mergeProjectFindings(report: FileReport, project: ProjectLint | undefined): void {
  if (project?.wrote.has(report.absolute)) report.fixed = true;
  const extra = project?.byFile.get(report.absolute);
  if (!extra) return;
  const pairs = report.findings.toArray().map((f, i) => ({ f, print: report.fingerprints[i] }));
  extra.findings.forEach((f, i) => pairs.push({ f, print: extra.fingerprints[i] }));
  pairs.sort((a, b) => a.f.line - b.f.line || a.f.column - b.f.column);
  report.findings = PackedFindings.of(pairs.map((p) => p.f));
  report.fingerprints = pairs.map((p) => p.print);
}

/**
 * Applies the preferred fix of every project finding that edits a spec: one insertion per operation and
 * code (two handler sites of one code add one response), in code order, written atomically.
 */
function declareMissingResponses(
  service: LanguageService,
  index: ProjectIndex,
  documents: Map<string, Entry>,
  settingsOf: (uri: string) => Settings,
  fix: FixMode,
  result: ProjectLint,
): boolean {
  const bySpec = new Map<string, Map<string, TextEdit & { order: string }>>();
  for (const [uri, { document }] of documents) {
    for (const diagnostic of service.doProjectValidation(document, index, settingsOf(uri))) {
      if (diagnostic.severity === DiagnosticSeverity.Hint) continue;
      for (const [specUri, edits] of specEdits(diagnostic, uri)) {
        const map = bySpec.get(specUri) ?? bySpec.set(specUri, new Map()).get(specUri)!;
        for (const edit of edits)
          map.set(`${edit.range.start.line}:${edit.range.start.character}:${edit.newText}`, { ...edit, order: edit.newText });
      }
    }
  }
  let changed = false;
  for (const [specUri, editMap] of bySpec) {
    const entry = documents.get(specUri);
    if (!entry) continue;
    const edits = [...editMap.values()].sort((a, b) => codeIn(a.order) - codeIn(b.order));
    const text = TextDocument.applyEdits(entry.document, edits);
    if (fix === 'dry-run') result.changed.set(entry.task.absolute, { original: entry.original ?? entry.document.getText(), text });
    else {
      try {
        writeInPlace(entry.task.absolute, text, entry.stat, entry.bytes);
        entry.stat = fs.statSync(entry.task.absolute);
        entry.bytes = Buffer.from(text, 'utf8');
        result.wrote.add(entry.task.absolute);
        result.notes.push(`${entry.task.display}: declared ${edits.length} response${edits.length === 1 ? '' : 's'} its handlers return`);
      } catch (error) {
        result.notes.push(`${entry.task.display}: not fixed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
    }
    entry.document = TextDocument.create(specUri, entry.document.languageId, entry.document.version + 1, text);
    changed = true;
  }
  return changed;
}

function specEdits(diagnostic: Diagnostic, uri: string): [string, TextEdit[]][] {
  const preferred = (diagnostic.data as DiagnosticData | undefined)?.fixes.find((f) => f.isPreferred);
  return Object.entries(preferred?.edit?.changes ?? {}).filter(([other]) => other !== uri);
}

/** The response code an insertion writes, to keep several insertions at one place in numeric order. */
function codeIn(text: string): number {
  return Number(/([1-5][0-9][0-9])/.exec(text)?.[1] ?? 0);
}

function safePath(uri: string): string {
  try {
    return path.relative(process.cwd(), fileURLToPath(uri));
  } catch {
    return uri;
  }
}

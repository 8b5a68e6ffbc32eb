/**
 * The workspace in the editor (issue 16): the background index of the workspace folders' carriers (with
 * window/workDoneProgress, respecting .gitignore and the config's `ignore`), kept current from edits and
 * didChangeWatchedFiles; pull diagnostics for files that are not open (`workspace/diagnostic`) where the client
 * supports them, and the "Lint Workspace" command, which pushes them where it does not. Open documents never
 * wait for the index: they are answered at once with what it holds, and checked again when it changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CancellationToken,
  type ClientCapabilities,
  type CodeLens,
  CodeLensRefreshRequest,
  type Connection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as knowledge from '../knowledge';
import { LARGE_SIZE } from '../large';
import { type LanguageService, MAX_FILE_SIZE, textLength } from '../service';
import { editorWalkRules } from '../workspace/indexThread';
import { type IndexBatch, LARGE_FIRST_READ, indexInWorker } from '../workspace/indexWorker';
import { WorkspaceModel } from '../workspace/model';
import { walkFiles } from '../workspace/walk';
import type { DiagnosticsPublisher } from './diagnostics';
import type { OpenProject } from './project';
import type { SettingsStore } from '../editorSettings/store';
import { type InitializationOptions, LINT_WORKSPACE_COMMAND } from '../protocol';
import type { DiagnosticsOutbox } from '../transport/diagnosticsOutbox';
import type { InFlight } from '../transport/inFlight';

/** The result id of an open document's (empty) workspace report: its findings are pushed. */
const OPEN = 'open';

/** The longest the index works before letting requests through (each request takes a few turns: its settings, its answer). */
const SLICE_MS = 4;
/** Beyond this many files the index stops (and says so): its memory stays bounded whatever the workspace. */
export const MAX_INDEXED_FILES = 100_000;
/** An edited document's carriers are read again after this pause. */
const EDIT_DEBOUNCE_MS = 300;

interface LintedFile {
  /** What the result was computed from: the file's size and time, the carriers' generation, the settings. */
  key: string;
  diagnostics: Diagnostic[];
}

export interface WorkspaceDependencies {
  connection: Connection;
  /** Where the lint of files that are not open is pushed. */
  outbox: DiagnosticsOutbox;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  settings: SettingsStore;
  diagnostics: DiagnosticsPublisher;
  /** Told when the workspace's specs on disk change (issue 17: a closed spec is still joined to open handlers). */
  project?: Pick<OpenProject, 'specsOnDiskChanged'>;
  /** The requests being answered: the index waits for them. */
  inFlight?: Pick<InFlight, 'busy' | 'idle' | 'observe'>;
}

/** An OpenAPI document: a root key `openapi` or `swagger` (the join reads the rest). */
const SPEC_KEY = /(?:^|[\n{,])[ \t]*["']?(?:openapi|swagger)["']?[ \t]*:/;

export class WorkspaceHandler {
  readonly model = new WorkspaceModel();
  private deps: WorkspaceDependencies | undefined;
  private folders: string[] = [];
  private capabilities: ClientCapabilities = {};
  /** Resolves when the first index is complete. */
  ready: Promise<void> = Promise.resolve();
  /** Whether the first index was read in a worker (else in this thread: no bundle to run, or the worker failed). */
  indexedInWorker = false;
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private readonly linted = new Map<string, LintedFile>();
  /** The files of the last walk, for workspace diagnostics. */
  private files: { absolute: string; languageId: string }[] = [];
  private stopped = false;
  private readonly settingsIds = new Map<string, number>();
  /** The workspace's OpenAPI specs as on disk (under LARGE_SIZE: the join leaves larger ones out), by URI. */
  private readonly specs = new Map<string, TextDocument>();
  private specVersion = 0;
  /** Stops the index worker while the first index runs in one. */
  private readonly indexWorker: { stop?: () => void } = {};
  /** Files read again meanwhile (a watched change, a close): the index worker's reading of them, older, is dropped. */
  private readAgain: Set<string> | undefined;

  /** `entry`: the bundle a worker can run to walk and read the workspace for the first index; without one, this thread does. */
  constructor(private readonly entry?: string) {}

  /** Called once the service exists: it reads this model. */
  connect(deps: WorkspaceDependencies): void {
    this.deps = deps;
  }

  private wantsPull = false;

  /** The capabilities this layer adds, from what the client can do. */
  initialize(params: InitializeParams): Partial<ServerCapabilities> {
    this.capabilities = params.capabilities;
    this.wantsPull = (params.initializationOptions as InitializationOptions | undefined)?.workspaceDiagnostics === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.model.setRoots(this.folders.map((folder) => pathToFileURL(folder + path.sep).href));
    const result: Partial<ServerCapabilities> = {
      executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
      codeLensProvider: { resolveProvider: false },
    };
    if (this.pullSupported())
      result.diagnosticProvider = { identifier: 'http-status-lens', interFileDependencies: true, workspaceDiagnostics: true };
    return result;
  }

  /** After `initialized`: watch the files, and index the folders in the background. */
  start(): void {
    const { connection } = this.deps!;
    if (this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const extensions = [...new Set(knowledge.languageIds().flatMap((id) => knowledge.language(id)!.extensions))];
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/*{${extensions.join(',')}}` }],
        })
        .catch(() => undefined);
    }
    this.ready = this.index().catch((error: unknown) => {
      connection.console.error(`HTTP Status Lens could not index the workspace: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  stop(): void {
    this.stopped = true;
    this.indexWorker.stop?.();
  }

  /** An open document changed: its carriers are read again after a pause. */
  edited(document: TextDocument): void {
    // A spec declares no carrier: reading its text (a join of a 13 MB spec's chunks) after each edit only
    // held up the requests behind it.
    if (!knowledge.hasCarriers(knowledge.resolveLanguageId(document.languageId, document.uri) ?? '')) return;
    clearTimeout(this.pendingEdits.get(document.uri));
    this.pendingEdits.set(
      document.uri,
      setTimeout(() => {
        this.pendingEdits.delete(document.uri);
        const current = this.deps!.documents.get(document.uri);
        if (current && textLength(current) <= MAX_FILE_SIZE)
          this.updated(this.model.update(current.uri, current.getText(), current.languageId));
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** A document was opened: the workspace report stops speaking for it (its findings are pushed now). */
  opened(): void {
    this.refreshSoon();
  }

  /** A document was closed: what is on disk counts again, and the workspace report speaks for it again. */
  closed(uri: string): void {
    clearTimeout(this.pendingEdits.get(uri));
    this.pendingEdits.delete(uri);
    this.readAgain?.add(uri);
    this.readFromDisk(uri);
    if (this.readSpec(uri)) this.deps!.project?.specsOnDiskChanged();
    this.refreshSoon();
  }

  /** The workspace's OpenAPI specs as on disk: the project join's candidates besides the open documents. */
  specsOnDisk(): TextDocument[] {
    return [...this.specs.values()];
  }

  /** Reads a file as a spec candidate; whether what the join sees of it changed. */
  private readSpec(uri: string): boolean {
    const languageId = knowledge.languageForFile(uri);
    if (!uri.startsWith('file:') || !languageId || !knowledge.isSpecLanguage(languageId)) return false;
    let text: string | undefined;
    try {
      const file = fileURLToPath(uri);
      if (fs.statSync(file).size < LARGE_SIZE) text = fs.readFileSync(file, 'utf8');
    } catch {
      // Gone or unreadable: no longer a candidate.
    }
    const before = this.specs.get(uri);
    if (text === undefined || !SPEC_KEY.test(text)) return this.specs.delete(uri);
    if (before?.getText() === text) return false;
    // Versions below zero: never one an open document of the same URI had (the join caches reads by version).
    this.specs.set(uri, TextDocument.create(uri, languageId, -++this.specVersion, text));
    return true;
  }

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** One pull refresh after a burst of opens and closes. */
  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.deps && this.refreshPull(), 200);
  }

  /** didChangeWatchedFiles: files created, changed or deleted outside the editor. */
  watched(changes: readonly { uri: string; type: FileChangeType }[]): void {
    let changed = false;
    let specsChanged = false;
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      this.linted.delete(change.uri);
      this.readAgain?.add(change.uri);
      if (!this.deps!.documents.get(change.uri) && this.readSpec(change.uri)) specsChanged = true;
      if (change.type === FileChangeType.Deleted) {
        changed = this.model.remove(change.uri) || changed;
        this.files = this.files.filter((f) => pathToFileURL(f.absolute).href !== change.uri);
      } else if (!this.deps!.documents.get(change.uri)) {
        changed = this.readFromDisk(change.uri) || changed;
        const absolute = fileURLToPath(change.uri);
        const languageId = knowledge.languageForFile(absolute);
        if (change.type === FileChangeType.Created && languageId) this.files.push({ absolute, languageId });
      }
    }
    if (specsChanged) this.deps!.project?.specsOnDiskChanged();
    this.updated(changed);
  }

  /** `workspace/diagnostic`: a report for every file of the workspace that is not open. */
  async workspaceDiagnostics(
    previous: readonly { uri: string; value: string }[],
    token: CancellationToken,
  ): Promise<WorkspaceDiagnosticReport> {
    await this.ready;
    const before = new Map(previous.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const slice = new Slice(this.deps!.inFlight);
    for (let i = 0; i < this.files.length; i++) {
      if (token.isCancellationRequested) break;
      await slice.pause();
      const { absolute, languageId } = this.files[i];
      const uri = pathToFileURL(absolute).href;
      // An open document's findings are pushed; an empty report here clears what an earlier pull said of it
      // (VS Code keeps a workspace report for a document it does not pull itself, one open but not in a tab).
      if (this.deps!.documents.get(uri)) {
        if (before.get(uri) === OPEN) items.push({ kind: 'unchanged', uri, version: null, resultId: OPEN });
        else items.push({ kind: 'full', uri, version: null, resultId: OPEN, items: [] });
        continue;
      }
      const linted = await this.lint(absolute, uri, languageId);
      if (!linted) continue;
      if (before.get(uri) === linted.key) items.push({ kind: 'unchanged', uri, version: null, resultId: linted.key });
      else items.push({ kind: 'full', uri, version: null, resultId: linted.key, items: linted.diagnostics });
    }
    return { items };
  }

  /** "HTTP Status Lens: Lint Workspace": lints every file; pushes the diagnostics where the client does not pull them. */
  async lintWorkspace(): Promise<{ files: number; findings: number }> {
    const { connection, documents } = this.deps!;
    await this.ready;
    const progress = await this.progress('Linting the workspace');
    let findings = 0;
    let files = 0;
    const push = !this.pullSupported();
    const slice = new Slice(this.deps!.inFlight);
    for (let i = 0; i < this.files.length; i++) {
      if (await slice.pause()) progress?.report(`${i}/${this.files.length} files`, Math.round((i / this.files.length) * 100));
      const { absolute, languageId } = this.files[i];
      const uri = pathToFileURL(absolute).href;
      const open = documents.get(uri);
      const diagnostics = open
        ? this.deps!.service.doValidation(open, await this.deps!.settings.get(uri))
        : (await this.lint(absolute, uri, languageId))?.diagnostics;
      if (!diagnostics) continue;
      files++;
      findings += diagnostics.length;
      if (push && !open) this.deps!.outbox.publish({ uri, diagnostics });
    }
    progress?.done();
    if (!push) this.refreshPull();
    void connection.window.showInformationMessage(
      `HTTP Status Lens: ${findings} finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} of the workspace.`,
    );
    return { files, findings };
  }

  /** A short id per distinct settings, so a result's key does not hold a copy of them. */
  private settingsId(settings: object): number {
    const json = JSON.stringify(settings);
    let id = this.settingsIds.get(json);
    if (id === undefined) this.settingsIds.set(json, (id = this.settingsIds.size));
    return id;
  }

  /**
   * Pull diagnostics for the files that are not open, for a client that can pull and asks for them
   * (`initializationOptions.workspaceDiagnostics`). Not offered by default: VS Code keeps a workspace report of
   * a file beside the pushed diagnostics of the same file once it is opened, so for a moment (until the next
   * pull) its findings show twice; the Lint Workspace command pushes them instead.
   */
  private pullSupported(): boolean {
    return this.capabilities.textDocument?.diagnostic !== undefined && this.wantsPull;
  }

  /** The carriers changed: open documents are checked again, and the client asked to pull again. */
  private updated(changed: boolean): void {
    if (!changed || this.stopped) return;
    this.linted.clear();
    this.deps!.diagnostics.revalidateAll();
    this.refreshPull();
  }

  /** textDocument/codeLens: the use count on each carrier declared in an open document. */
  codeLens(uri: string): CodeLens[] {
    const document = this.deps!.documents.get(uri);
    return document ? this.deps!.service.doCodeLens(document) : [];
  }

  private refreshPull(): void {
    if (this.capabilities.workspace?.codeLens?.refreshSupport)
      void this.deps!.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (this.capabilities.workspace?.diagnostics?.refreshSupport) this.deps!.connection.languages.diagnostics.refresh();
  }

  /** `stat`: the file's, when the caller has it already. */
  private readFromDisk(uri: string, stat?: fs.Stats): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    try {
      stat ??= fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_FILE_SIZE) return this.model.remove(uri);
      return this.model.update(uri, fs.readFileSync(file, 'utf8'));
    } catch {
      return this.model.remove(uri);
    }
  }

  /** Lints a file that is not open, from disk, reusing the last result while nothing it depends on changed. */
  private async lint(absolute: string, uri: string, languageId: string): Promise<LintedFile | undefined> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return undefined;
    }
    if (stat.size > MAX_FILE_SIZE) return undefined;
    const settings = await this.deps!.settings.get(uri);
    const language = knowledge.resolveLanguageId(languageId, uri);
    const key = `${stat.size}:${stat.mtimeMs}:${this.model.generation}:${this.settingsId(settings)}`;
    const known = this.linted.get(uri);
    if (known?.key === key) return known;
    let diagnostics: Diagnostic[] = [];
    if (language !== undefined && settings.languages.includes(language)) {
      let text: string;
      try {
        text = fs.readFileSync(absolute, 'utf8');
      } catch {
        return undefined;
      }
      const document = TextDocument.create(uri, languageId, 0, text);
      diagnostics = this.deps!.service.doValidation(document, settings);
      this.deps!.service.forget(uri);
    }
    // Only files with findings keep their diagnostics; the others keep their key alone.
    const linted: LintedFile = { key, diagnostics };
    this.linted.set(uri, linted);
    return linted;
  }

  /** The first index: walk the folders and read each file's carriers, in a worker where one can run. */
  private async index(): Promise<void> {
    const progress = await this.progress('Indexing status carriers');
    // No folder, nothing to walk: no worker to start.
    this.indexedInWorker = this.entry !== undefined && this.folders.length > 0 && (await this.indexInWorker(this.entry, progress));
    // Without a worker, or after it failed (what it sent is kept, and read again here).
    if (!this.indexedInWorker && !this.stopped) await this.indexHere(progress);
    if (this.stopped) return;
    progress?.done();
  }

  /** The worker walks and reads; this thread takes each batch of files and facts, between requests. False when the worker failed. */
  private async indexInWorker(entry: string, progress: Progress | undefined): Promise<boolean> {
    const files: { absolute: string; languageId: string }[] = [];
    this.files = files;
    const batches: IndexBatch[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    this.readAgain = new Set();
    const walked = indexInWorker(
      entry,
      { folders: this.folders, maxFiles: MAX_INDEXED_FILES, maxFileSize: MAX_FILE_SIZE },
      (batch) => (batches.push(batch), wake?.()),
      this.indexWorker,
      this.deps!.inFlight,
    ).finally(() => ((finished = true), wake?.()));
    const slice = new Slice(this.deps!.inFlight);
    let changed = false;
    let specsChanged = false;
    while (!this.stopped) {
      const batch = batches.shift();
      if (!batch) {
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      for (const { file: absolute, languageId } of batch.files) {
        files.push({ absolute, languageId });
        if (knowledge.isSpecLanguage(languageId)) specsChanged = this.readSpec(pathToFileURL(absolute).href) || specsChanged;
        if (await slice.pause()) progress?.report(`${files.length} files`);
      }
      for (const read of batch.read) changed = this.adoptRead(read) || changed;
      progress?.report(`${files.length} files`);
    }
    const outcome = await walked;
    this.readAgain = undefined;
    if (!outcome || this.stopped) return false;
    if (outcome.capped) this.warnCapped();
    if (specsChanged) this.deps!.project?.specsOnDiskChanged();
    this.updated(changed);
    return true;
  }

  /** A file's facts as the index worker read them; an open document's own text, or a newer read, wins. */
  private adoptRead(read: IndexBatch['read'][number]): boolean {
    const uri = 'gone' in read ? read.gone : read.facts.uri;
    if (this.readAgain?.has(uri)) return false;
    const open = this.deps!.documents.get(uri);
    if (open) return this.model.update(uri, open.getText(), open.languageId);
    return 'gone' in read ? this.model.remove(uri) : this.model.restore(read.facts);
  }

  /** The first index in this thread: walk the folders, then read each file's carriers a batch at a time. */
  private async indexHere(progress: Progress | undefined): Promise<void> {
    const { documents } = this.deps!;
    const files: { absolute: string; languageId: string }[] = [];
    const errors: string[] = [];
    const rules = editorWalkRules();
    // Walked and read together, a few milliseconds at a time: requests on open documents go first.
    this.files = files;
    const large: string[] = [];
    const slice = new Slice(this.deps!.inFlight);
    let changed = false;
    let specsChanged = false;
    for (const folder of this.folders) {
      try {
        for (const { file: absolute, languageId } of walkFiles(folder, rules, errors)) {
          if (this.stopped) return;
          if (files.length >= MAX_INDEXED_FILES) {
            this.warnCapped();
            break;
          }
          files.push({ absolute, languageId });
          if (await slice.pause()) progress?.report(`${files.length} files`);
          if (knowledge.isSpecLanguage(languageId)) specsChanged = this.readSpec(pathToFileURL(absolute).href) || specsChanged;
          if (!knowledge.hasCarriers(languageId)) continue;
          // An open document's text is newer than the disk's.
          const uri = pathToFileURL(absolute).href;
          const open = documents.get(uri);
          if (open) changed = this.model.update(uri, open.getText(), open.languageId) || changed;
          else {
            const stat = fs.statSync(absolute, { throwIfNoEntry: false });
            if (stat && stat.size > LARGE_FIRST_READ) large.push(uri);
            else changed = this.readFromDisk(uri, stat) || changed;
          }
        }
      } catch (error) {
        errors.push(String(error));
      }
    }
    // A file is read whole, between two requests: large ones last, when the carrier pass is compiled (the
    // first large file of a tree, read while the code was still cold, held a hover up for 190 ms).
    for (const uri of large) {
      if (this.stopped) return;
      if (await slice.pause()) progress?.report(`${files.length} files`);
      changed = this.readFromDisk(uri) || changed;
    }
    if (specsChanged) this.deps!.project?.specsOnDiskChanged();
    this.updated(changed);
  }

  private warnCapped(): void {
    this.deps!.connection.console.warn(`HTTP Status Lens indexes the first ${MAX_INDEXED_FILES} files of the workspace only.`);
  }

  private async progress(title: string): Promise<Progress | undefined> {
    if (!this.capabilities.window?.workDoneProgress) return undefined;
    try {
      const reporter = await this.deps!.connection.window.createWorkDoneProgress();
      reporter.begin(`HTTP Status Lens: ${title}`, undefined, undefined, false);
      return {
        report: (message, percentage) => (percentage === undefined ? reporter.report(message) : reporter.report(percentage, message)),
        done: () => reporter.done(),
      };
    } catch {
      return undefined;
    }
  }
}

interface Progress {
  report(message: string, percentage?: number): void;
  done(): void;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Work in slices of SLICE_MS: `pause()` yields to the event loop when the slice is used up (and says so),
 * and waits while requests are being answered.
 */
class Slice {
  private started = performance.now();

  constructor(private readonly inFlight?: Pick<InFlight, 'busy' | 'idle'>) {}

  async pause(): Promise<boolean> {
    if (performance.now() - this.started < SLICE_MS && !this.inFlight?.busy) return false;
    // Two turns: a request read in the first is dispatched (and counted) before the second.
    await nextTurn();
    await nextTurn();
    while (this.inFlight?.busy) await this.inFlight.idle();
    this.started = performance.now();
    return true;
  }
}

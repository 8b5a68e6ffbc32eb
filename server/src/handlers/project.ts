/**
 * The project rules' navigation in the editor, over the open documents: until the workspace model (issue 16)
 * indexes the whole project, a ProjectIndex of the open handlers and specs answers the hover line ("declared
 * in openapi.yaml, GET /orders/{id}"), go to definition from a handler's status to the response key, and find
 * references from a response key to the handler sites. Large documents stay out (their requests must stay
 * within the latency budget).
 *
 * The index is rebuilt lazily, on the first question after a change, and once per burst: opening a folder
 * of 500 documents would otherwise rebuild it (over every open document) for each one, quadratic. While a
 * burst of changes to several documents goes on (no pause of 300 ms), a document that changed gets its
 * project findings at once until the burst has spent 50 ms on rebuilds; after that they wait for the
 * pause, when the index is rebuilt once and every document whose findings may have changed is checked
 * again. Typing in one document rebuilds at each check, as its findings must follow the text.
 */
import type { Definition, Diagnostic, Hover, Location, TextDocumentPositionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isLarge } from '../large';
import { type FileRead, ProjectIndex, joins, readFile } from '../routes';
import { type LanguageService, type Settings, projectDefinition, projectHover, projectReferences } from '../service';

export interface BurstTiming {
  /** A pause this long ends a burst of changes. */
  settleMs: number;
  /** What a burst across several documents may spend on rebuilding the index before it waits for its end. */
  rebuildBudgetMs: number;
}

const BURST_TIMING: BurstTiming = { settleMs: 300, rebuildBudgetMs: 50 };

export class OpenProject {
  private index: ProjectIndex | undefined;
  private stale = true;
  /** Each open document's read, for its version: a rebuild reads only what changed. */
  private readonly reads = new Map<string, { version: number; read: FileRead }>();
  /** The documents changed since the last pause. */
  private readonly burst = new Set<string>();
  /** Documents whose project findings were left out during the burst: checked again after it. */
  private readonly owed = new Set<string>();
  /** A document of the burst takes part in a join (a spec, routes, mounts) now or did before. */
  private joinChanged = false;
  private spentMs = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    /** Where a fault of the join is reported, once (the server's log). */
    private readonly report: (message: string) => void,
    /** Checks a document again (its diagnostics are published anew). */
    private readonly recheck: (document: TextDocument) => void,
    private readonly timing: BurstTiming = BURST_TIMING,
  ) {}

  /** The settings each document was last checked with: its pinned specs and what a `default` response covers. */
  private readonly settingsOf = new Map<string, Settings>();

  /** What each document's last check found, to tell whether a burst changed it. */
  private readonly found = new Map<string, string>();

  /** The workspace's specs as on disk (desktop: read by the workspace index); an open one's text wins. None without an index. */
  private specsOnDisk: () => readonly TextDocument[] = () => [];

  /** Where the specs on disk come from. */
  useSpecsOnDisk(provider: () => readonly TextDocument[]): void {
    this.specsOnDisk = provider;
  }

  /** The workspace's specs on disk changed: the join is rebuilt and the open documents checked again. */
  specsOnDiskChanged(): void {
    this.joinChanged = true;
    this.index = undefined;
    this.touched('');
  }

  /** How many times the index was built (for tests of the burst). */
  builds = 0;

  /** An open document changed, opened or closed. */
  changed(document: TextDocument, closed = false): void {
    const before = this.reads.get(document.uri);
    if (before !== undefined && joins(before.read)) this.joinChanged = true;
    if (closed) {
      for (const map of [this.reads, this.settingsOf, this.found]) map.delete(document.uri);
      this.owed.delete(document.uri);
      // Dropped at once: a closed document must not stay alive in an old index (rebuilt on the next question).
      this.index = undefined;
    } else if (joins(this.readOf(document))) this.joinChanged = true;
    this.touched(document.uri);
  }

  /** A change to the join through `uri`: part of the burst going on. */
  private touched(uri: string): void {
    this.stale = true;
    this.burst.add(uri);
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.settled(), this.timing.settleMs);
  }

  /** The end of a burst: one rebuild (on the first check) and the checks the burst put off or changed. */
  private settled(): void {
    const single = this.burst.size === 1 ? [...this.burst][0] : undefined;
    const owed = new Set(this.owed);
    const again = this.joinChanged ? this.documents.all() : [...owed].flatMap((uri) => this.documents.get(uri) ?? []);
    (this.burst.clear(), this.owed.clear(), (this.joinChanged = false), (this.spentMs = 0));
    if (this.stale) this.index = undefined;
    for (const document of again) {
      // Typing in one document: its own last check already had the fresh index.
      if (document.uri === single && !owed.has(single)) continue;
      // A document whose findings the burst did not change is not checked (and published) again.
      const before = this.found.get(document.uri);
      const settings = this.settingsOf.get(document.uri);
      if (!owed.has(document.uri) && before !== undefined && settings && before === keyOf(this.diagnostics(document, settings))) continue;
      this.recheck(document);
    }
  }

  private readOf(document: TextDocument): FileRead {
    const cached = this.reads.get(document.uri);
    if (cached?.version === document.version) return cached.read;
    const read = !isLarge(document) ? readFile(document, this.service) : ({ kind: 'none' } as const);
    this.reads.set(document.uri, { version: document.version, read });
    return read;
  }

  /** The facts of the open documents, or undefined when they hold no route and spec to join (or the join failed). */
  private facts(): ProjectIndex | undefined {
    try {
      return this.build();
    } catch (error) {
      if (!this.faultReported)
        this.report(`Joining handlers and specs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.faultReported = true;
      return undefined;
    }
  }

  /** Whether a rebuild for a check of `uri` waits for the burst's end. */
  private putOff(uri: string): boolean {
    const alone = this.burst.size === 0 || (this.burst.size === 1 && this.burst.has(uri));
    return !alone && this.spentMs >= this.timing.rebuildBudgetMs;
  }

  private faultReported = false;

  private build(): ProjectIndex | undefined {
    if (this.stale) {
      const started = performance.now();
      // Every open document: a controller without routes holds the handlers that routes.rb or a router names.
      // And the workspace's specs that are not open: a handler is checked against a spec nobody opened.
      const closed = this.specsOnDisk().filter((spec) => !this.documents.get(spec.uri));
      const open = [...this.documents.all(), ...closed].filter((d) => this.readOf(d).kind !== 'none');
      this.index = new ProjectIndex(
        this.service,
        open,
        (d) => this.readOf(d as TextDocument),
        (uri) => this.settingsOf.get(uri)?.specs ?? [],
      );
      this.stale = false;
      this.builds++;
      if (this.burst.size > 0) this.spentMs += performance.now() - started;
    }
    return this.joinable();
  }

  private joinable(): ProjectIndex | undefined {
    return this.index?.joinable ? this.index : undefined;
  }

  /** status-not-in-spec (and spec-status-never-returned when on) for an open document. */
  diagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    if (isLarge(document)) return [];
    // New pins (a config file changed): the join changes with them, for every document.
    const before = this.settingsOf.get(document.uri);
    this.settingsOf.set(document.uri, settings);
    if (before !== undefined && JSON.stringify(before.specs) !== JSON.stringify(settings.specs))
      ((this.joinChanged = true), this.touched(document.uri));
    let facts: ProjectIndex | undefined;
    if (this.stale && this.putOff(document.uri)) {
      // A document the burst did not change keeps the index from before it (its read there is current).
      if (!this.index || this.burst.has(document.uri)) return (this.owed.add(document.uri), []);
      facts = this.joinable();
    } else facts = this.facts();
    const found = facts && facts.document(document.uri) ? this.service.doProjectValidation(document, facts, settings) : [];
    this.found.set(document.uri, keyOf(found));
    return found;
  }

  /** The hover with the project's line added under the status explanation. */
  hover(hover: Hover | null, params: TextDocumentPositionParams): Hover | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const line = facts && projectHover(document.uri, document.offsetAt(params.position), facts, this.coverage(document.uri));
    if (!line) return hover;
    if (!hover) return { contents: { kind: 'markdown', value: line } };
    const contents = hover.contents as { kind?: string; value?: string };
    return typeof contents.value === 'string'
      ? { ...hover, contents: { kind: 'markdown', value: `${contents.value}\n\n---\n\n${line}` } }
      : hover;
  }

  definition(params: TextDocumentPositionParams): Definition | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const found = facts ? projectDefinition(document.uri, document.offsetAt(params.position), facts, this.coverage(document.uri)) : [];
    return found.length > 0 ? found : null;
  }

  references(params: TextDocumentPositionParams): Location[] | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const found = facts ? projectReferences(document.uri, document.offsetAt(params.position), facts, this.coverage(document.uri)) : [];
    return found.length > 0 ? found : null;
  }

  /** What a `default` response covers for the rule in the settings of a document (its last check's). */
  private coverage(uri: string) {
    return this.settingsOf.get(uri)?.ruleOptions['status-not-in-spec'];
  }
}

/** The identity of a document's project findings: what a client would show. */
function keyOf(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [d.range, d.code, d.message, d.severity]));
}

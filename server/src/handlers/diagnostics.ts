/**
 * Pushes diagnostics after edits settle. Each run checks the document version it started from, so after
 * a burst of edits only the latest version is published. Large documents are checked in the scan worker
 * (scanWorker.ts); their diagnostics are published only if no edit came in meanwhile.
 */
import { type Connection, type Diagnostic, DiagnosticSeverity, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type LanguageService, type Settings, SOURCE } from '../service';
import type { ScanWorker } from './scanWorker';
import { type SettingsStore, isConfigFile } from './settings';

const DEBOUNCE_MS = 100;
/**
 * A large document's check takes ~100 ms of a core (in the scan worker). While edits come faster than
 * this, the user is typing: a check started between two keystrokes would be thrown away at the next one,
 * and meanwhile compete with the hover and completion it brings. So during a burst the check waits for
 * a pause this long; a lone edit is still checked after DEBOUNCE_MS.
 */
const BURST_MS = 200;
/**
 * A check in this thread that took longer than this hands its document to the scan worker for good: a
 * document dense with status sites (a 400 KB conditional chain has 30,000) then blocks the requests on
 * other documents once, not at every edit.
 */
const SLOW_CHECK_MS = 100;
/**
 * The most findings published for one document (as LSP servers' `maxNumberOfProblems`): nobody reads
 * 30,000 squiggles, and each costs the server's thread time to send that requests on other documents
 * would wait behind. The rest are counted in one note; the CLI lists them all.
 */
export const MAX_PUBLISHED = 1000;

/** The first MAX_PUBLISHED diagnostics, and a note on the first left out saying how many are. */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED) return diagnostics;
  const rest = diagnostics.length - MAX_PUBLISHED;
  return [
    ...diagnostics.slice(0, MAX_PUBLISHED),
    {
      range: diagnostics[MAX_PUBLISHED].range,
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `${rest} more finding${rest === 1 ? '' : 's'} in this file ${rest === 1 ? 'is' : 'are'} not shown (the editor gets the first ${MAX_PUBLISHED}); \`npx http-status-lens lint\` lists them all.`,
    },
  ];
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document was last scheduled (an edit, mostly). */
  private readonly lastEdits = new Map<string, number>();
  private readonly skipReported = new Set<string>();
  private readonly failureReported = new Set<string>();
  /** What was last published for each document: code actions take their fixes from these, not from the client. */
  private readonly lastPublished = new Map<string, readonly Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly settings: SettingsStore,
    private readonly scanWorker?: ScanWorker,
    /** Diagnostics that need other documents too (the project rules: handlers joined to their spec). */
    private readonly crossFile?: (document: TextDocument, settings: Settings) => Diagnostic[],
  ) {}

  schedule(document: TextDocument, delay = DEBOUNCE_MS): void {
    const now = Date.now();
    const previous = this.lastEdits.get(document.uri);
    this.lastEdits.set(document.uri, now);
    if (delay > 0 && previous !== undefined && now - previous < BURST_MS && this.scanWorker?.owns(document.uri)) delay = BURST_MS;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => void this.validate(document.uri, document.version), delay),
    );
  }

  published(uri: string): readonly Diagnostic[] {
    return this.lastPublished.get(uri) ?? [];
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastEdits.delete(uri);
    this.skipReported.delete(uri);
    this.failureReported.delete(uri);
    this.lastPublished.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The number of findings last published for a document, if it was checked. */
  findingsOf(uri: string): number | undefined {
    return this.lastPublished.get(uri)?.length;
  }

  /** Never rejects: a failure here would be an unhandled rejection, which ends the server process. */
  private async validate(uri: string, version: number): Promise<void> {
    try {
      await this.publish(uri, version);
    } catch (error) {
      if (this.failureReported.has(uri)) return;
      this.failureReported.add(uri);
      this.connection.console.error(
        `HTTP Status Lens could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  private async publish(uri: string, version: number): Promise<void> {
    this.timers.delete(uri);
    // A config file's diagnostics are its problems, which the settings store publishes.
    if (isConfigFile(uri)) return void (await this.settings.get(uri));
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document || document.version !== version) return;
    const language = this.service.languageOf(document);
    if (language === undefined || !settings.languages.includes(language)) {
      this.lastPublished.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let skipped: string | undefined;
    let diagnostics: Diagnostic[];
    if (this.scanWorker?.owns(uri)) {
      try {
        const checked = await this.scanWorker.check(uri, settings);
        // Typed over meanwhile: the pass for the newer version is on its way.
        if (this.documents.get(uri)?.version !== checked.version) return;
        ((skipped = checked.skipped), (diagnostics = checked.diagnostics ?? []));
      } catch (error) {
        if (this.scanWorker.owns(uri)) throw error;
        // The worker is gone: check in this thread.
        return this.publish(uri, version);
      }
    } else {
      const started = performance.now();
      skipped = this.service.scan(document).skipped;
      diagnostics = this.service.doValidation(document, settings);
      if (this.crossFile) diagnostics = [...diagnostics, ...this.crossFile(document, settings)];
      diagnostics = capDiagnostics(diagnostics);
      if (performance.now() - started >= SLOW_CHECK_MS) this.scanWorker?.takeOver(document);
    }
    if (skipped && !this.skipReported.has(uri)) {
      this.skipReported.add(uri);
      void this.connection.window.showInformationMessage(`HTTP Status Lens skips ${uri}: ${skipped}.`);
    }
    this.lastPublished.set(uri, diagnostics);
    // Without `data`: code actions read the copies kept here, so it would only make the message ~3x larger.
    void this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics: diagnostics.map(withoutData) });
  }
}

function withoutData({ data: _data, ...diagnostic }: Diagnostic): Diagnostic {
  return diagnostic;
}

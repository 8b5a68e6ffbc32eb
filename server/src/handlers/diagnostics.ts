/**
 * Pushes diagnostics after edits settle. Each run checks the document version it started from, so after
 * a burst of edits only the latest version is published. Large documents are checked in the scan worker
 * (scanWorker.ts); their diagnostics are published only if no edit came in meanwhile.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, Settings } from '../service';
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

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document was last scheduled (an edit, mostly). */
  private readonly lastEdits = new Map<string, number>();
  private readonly skipReported = new Set<string>();
  private readonly failureReported = new Set<string>();

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

  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastEdits.delete(uri);
    this.skipReported.delete(uri);
    this.failureReported.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
      skipped = this.service.scan(document).skipped;
      diagnostics = this.service.doValidation(document, settings);
      if (this.crossFile) diagnostics = [...diagnostics, ...this.crossFile(document, settings)];
    }
    if (skipped && !this.skipReported.has(uri)) {
      this.skipReported.add(uri);
      void this.connection.window.showInformationMessage(`HTTP Status Lens skips ${uri}: ${skipped}.`);
    }
    void this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics });
  }
}

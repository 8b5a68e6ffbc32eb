/**
 * Pushes diagnostics after edits settle. Each run checks the document version it started from, so after
 * a burst of edits only the latest version is published; a check that finishes after an edit (one in the
 * scan worker, see large/) is dropped, as the pass for the newer version is on its way.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../large';
import type { LanguageService, Settings } from '../service';
import { type SettingsStore, isConfigFile } from '../editorSettings/store';
import type { DiagnosticsOutbox } from '../transport/diagnosticsOutbox';

export interface DiagnosticsDependencies {
  connection: Connection;
  /** Where diagnostics are sent: superseded ones are dropped, unchanged ones not sent again. */
  outbox: DiagnosticsOutbox;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  analysis: Analysis;
  settings: SettingsStore;
  /** Diagnostics that need other documents too (the project rules: handlers joined to their spec). */
  crossFile?: (document: TextDocument, settings: Settings) => Diagnostic[];
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly skipReported = new Set<string>();
  private readonly failureReported = new Set<string>();
  /** What was last published for each document: code actions take their fixes from these, not from the client. */
  private readonly lastPublished = new Map<string, readonly Diagnostic[]>();
  /** Documents opened whose first check is still to be scheduled. */
  private readonly opening = new Set<string>();
  /** Per document, the latest check scheduled: an earlier one still under way (older settings) does not publish. */
  private readonly latest = new Map<string, number>();
  private checks = 0;

  constructor(private readonly deps: DiagnosticsDependencies) {}

  /** A document being opened: TextDocuments fires a content change for the open too, which must not debounce its first check. */
  opened(uri: string): void {
    this.opening.add(uri);
    this.deps.outbox.forget(uri);
  }

  /** A check of the document after `delay` ms (by default, once edits settle); a check already scheduled is replaced. */
  schedule(document: TextDocument, delay?: number): void {
    if (this.opening.delete(document.uri)) delay = 0;
    clearTimeout(this.timers.get(document.uri));
    const check = ++this.checks;
    this.latest.set(document.uri, check);
    this.timers.set(
      document.uri,
      setTimeout(() => void this.validate(document.uri, document.version, check), this.deps.analysis.delay(document.uri, delay)),
    );
  }

  published(uri: string): readonly Diagnostic[] {
    return this.lastPublished.get(uri) ?? [];
  }

  revalidateAll(): void {
    for (const document of this.deps.documents.all()) this.schedule(document, 0);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.opening.delete(uri);
    this.latest.delete(uri);
    this.skipReported.delete(uri);
    this.failureReported.delete(uri);
    this.lastPublished.delete(uri);
    this.deps.outbox.publish({ uri, diagnostics: [] });
  }

  /** The number of findings last published for a document, if it was checked. */
  findingsOf(uri: string): number | undefined {
    return this.lastPublished.get(uri)?.length;
  }

  /** Never rejects: a failure here would be an unhandled rejection, which ends the server process. */
  private async validate(uri: string, version: number, check: number): Promise<void> {
    try {
      await this.publish(uri, version, check);
    } catch (error) {
      if (this.failureReported.has(uri)) return;
      this.failureReported.add(uri);
      this.deps.connection.console.error(
        `HTTP Status Lens could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  private async publish(uri: string, version: number, check: number): Promise<void> {
    const { connection, outbox, documents, service, analysis, settings: store, crossFile } = this.deps;
    this.timers.delete(uri);
    // A config file's diagnostics are its problems, which the settings store publishes.
    if (isConfigFile(uri)) return void (await store.get(uri));
    const settings = await store.get(uri);
    const document = documents.get(uri);
    if (!document || document.version !== version || this.latest.get(uri) !== check) return;
    const language = service.languageOf(document);
    if (language === undefined || !settings.languages.includes(language)) {
      this.lastPublished.delete(uri);
      outbox.publish({ uri, diagnostics: [] });
      return;
    }
    const { version: checked, diagnostics, skipped } = await analysis.check(document, settings, crossFile);
    // Typed over (or settings changed) meanwhile: the newer check is on its way.
    if (documents.get(uri)?.version !== checked || this.latest.get(uri) !== check) return;
    if (skipped && !this.skipReported.has(uri)) {
      this.skipReported.add(uri);
      void connection.window.showInformationMessage(`HTTP Status Lens skips ${uri}: ${skipped}.`);
    }
    this.lastPublished.set(uri, diagnostics);
    // Without `data`: code actions read the copies kept here, so it would only make the message ~3x larger.
    outbox.publish({ uri, version: documents.get(uri)?.version, diagnostics: diagnostics.map(withoutData) });
  }
}

function withoutData({ data: _data, ...diagnostic }: Diagnostic): Diagnostic {
  return diagnostic;
}

/** Which path each open document takes (see index.ts), and the answers on each. */
import type { CompletionList, Diagnostic, Hover, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type DocumentLike,
  type LanguageService,
  type RuleId,
  type ScannedDocument,
  type Settings,
  completeFromScan,
  textLength,
} from '../service';
import { capDiagnostics } from './cap';
import { collectGarbage } from './collect';
import { EditLog } from '../service';
import type { Analysis, Checked } from './index';
import { type StaleScan, staleComplete, staleHover } from './stale';
import type { AdoptedScan, CarrierSource, ScanWorker } from './worker';

/** From this size a document takes the large path: below it a fresh scan is fast enough (a few milliseconds). */
export const LARGE_SIZE = 1_000_000;

export function isLarge(document: DocumentLike): boolean {
  return textLength(document) >= LARGE_SIZE;
}

/**
 * A document's first check goes to the worker, whatever its size, when its text holds this many status-like
 * numbers (100-599): the check's cost grows with its sites. A 420 KB conditional chain of 30,000 held the
 * server's thread 1.6 s, requests on every other document waiting behind it; one of 2,000 takes ~100 ms, as
 * much as SLOW_CHECK_MS (`npm run measure:dense-check`, on a shared 2-core machine). A document that grows
 * dense later moves after two checks of SLOW_CHECK_MS.
 */
const DENSE_SITES = 2000;

/**
 * Two checks in a row in the server's thread that took longer than this hand their document to the scan worker
 * for good: a document that grew dense with status sites then blocks the requests on other documents twice, not at
 * every edit. Its own scan and rules are timed, not the project's join that follows them.
 */
const SLOW_CHECK_MS = 100;

const DEBOUNCE_MS = 100;
/**
 * A check in the worker takes ~100 ms of a core on a 13 MB spec. While edits come faster than this, the user
 * is typing: a check started between two keystrokes would be thrown away at the next one, and meanwhile
 * compete with the hover and completion it brings. So during a burst the check waits for a pause this long;
 * a lone edit is still checked after DEBOUNCE_MS.
 */
const BURST_MS = 200;

export interface AnalysisOptions {
  /** The scan worker (desktop); without one, every document is analysed in the server's thread. */
  worker?: ScanWorker;
  /** Where a rule that failed in the worker is reported. */
  onRuleFault?: (rule: RuleId, message: string) => void;
  /** The workspace's carriers, for the source files checked in the worker. */
  carriers?: CarrierSource;
}

export function createAnalysis(service: LanguageService, options: AnalysisOptions = {}): Analysis {
  return new DocumentAnalysis(service, options.worker, options.onRuleFault, options.carriers);
}

type LastScan = Omit<AdoptedScan, 'uri'>;

class DocumentAnalysis implements Analysis {
  private readonly edits = new EditLog();
  /** The last scan of each document on the large path (the worker's, adopted, or one made here), whatever its version. */
  private readonly scans = new Map<string, LastScan>();
  /** When each document's check was last asked for (an edit, mostly). */
  private readonly asked = new Map<string, number>();
  /** What this thread does once a document's first check in the worker is on its way (see opened). */
  private readonly idleAfterFirstCheck = new Map<string, () => void>();
  /** The documents whose last check in this thread took SLOW_CHECK_MS or more. */
  private readonly slowOnce = new Set<string>();

  constructor(
    private readonly service: LanguageService,
    private readonly worker: ScanWorker | undefined,
    onRuleFault: (rule: RuleId, message: string) => void = () => {},
    private readonly carriers?: CarrierSource,
  ) {
    worker?.connect((adopted) => this.adopt(adopted), onRuleFault, carriers);
  }

  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    if (this.worker?.owns(document.uri))
      return this.fromWorker(document.uri, (last) => this.fromLastScan(document, position, this.service.hoverFromScan, staleHover, last));
    return this.here(
      document,
      () => this.service.doHover(document, position),
      (stale) => staleHover(document, stale, document.offsetAt(position)),
    );
  }

  async complete(document: TextDocument, position: Position): Promise<CompletionList | null> {
    if (this.worker?.owns(document.uri))
      return this.fromWorker(document.uri, (last) => this.fromLastScan(document, position, completeFromScan, staleComplete, last));
    return this.here(
      document,
      () => this.service.doComplete(document, position),
      (stale) => staleComplete(document, stale, document.offsetAt(position)),
    );
  }

  async check(
    document: TextDocument,
    settings: Settings,
    crossFile?: (document: TextDocument, settings: Settings) => Diagnostic[],
  ): Promise<Checked> {
    const worker = this.worker;
    if (worker?.owns(document.uri)) {
      const idle = this.idleAfterFirstCheck.get(document.uri);
      this.idleAfterFirstCheck.delete(document.uri);
      try {
        const checking = worker.check(document.uri, settings);
        if (idle) setImmediate(idle);
        const checked = await checking;
        const own = checked.diagnostics ?? [];
        // A dense handler is checked there too, and still joined to its spec (the project leaves large ones out).
        const joined = crossFile && checked.version === document.version ? crossFile(document, settings) : [];
        return {
          version: checked.version,
          diagnostics: joined.length ? capDiagnostics([...own, ...joined]) : own,
          skipped: checked.skipped,
        };
      } catch (error) {
        if (worker.owns(document.uri)) throw error;
        // The worker is gone: check in this thread.
      }
    }
    const started = performance.now();
    const scanned = this.scanHere(document);
    let diagnostics = this.service.doValidation(document, settings);
    // The document's own cost: the project's join (a rebuild over every open document) is not this document's.
    const slow = performance.now() - started >= SLOW_CHECK_MS;
    if (crossFile) diagnostics = [...diagnostics, ...crossFile(document, settings)];
    // Two slow checks in a row: one alone may be a pause of a loaded machine (a collection, another process).
    if (!slow) this.slowOnce.delete(document.uri);
    else if (!this.slowOnce.has(document.uri)) this.slowOnce.add(document.uri);
    else if (this.worker?.available) {
      this.slowOnce.delete(document.uri);
      // Its scan stays the last one for hover and completion until the worker's first comes.
      this.remember(document, scanned);
      this.worker.takeOver(document);
    }
    return { version: document.version, diagnostics: capDiagnostics(diagnostics), skipped: scanned.skipped };
  }

  async scanned(document: TextDocument): Promise<ScannedDocument | undefined> {
    if (!this.worker?.owns(document.uri)) return this.scanHere(document);
    // Its last scan, or the first on its way: what it says of the document (its kind) outlives edits.
    return (await this.fromWorker(document.uri, () => this.scans.get(document.uri)?.scanned)) ?? undefined;
  }

  delay(uri: string, delay = DEBOUNCE_MS): number {
    const now = Date.now();
    const previous = this.asked.get(uri);
    this.asked.set(uri, now);
    return delay > 0 && previous !== undefined && now - previous < BURST_MS && this.worker?.owns(uri) ? BURST_MS : delay;
  }

  edited(uri: string, version: number, change: { start: number; end: number; inserted: number } | undefined): void {
    this.edits.record(uri, version, change);
  }

  changed(document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    if (this.worker?.owns(document.uri)) this.worker.changed(document, changes);
    // A document that grew large moves to the worker.
    else if (this.worker?.available && isLarge(document)) this.worker.takeOver(document);
  }

  opening(length: number): void {
    // The worker that will check it starts while the server splits the text into chunks.
    if (length >= LARGE_SIZE) this.worker?.prepare();
  }

  warmUp(): void {
    this.worker?.warmUp();
  }

  opened(document: TextDocument): void {
    if (!this.worker?.available || !(isLarge(document) || firstCheckIsSlow(document))) return;
    const collected = this.worker.takeOver(document);
    // While the worker checks, this thread is idle: it finds the line table the first hover needs then (unless
    // the open found it, see takeOver) and collects what reading the didOpen left (~40 MB) unless that went
    // before a copy of the text, not on the way to the first diagnostics nor in that hover.
    this.idleAfterFirstCheck.set(document.uri, () => {
      if (isLarge(document) && !collected) collectGarbage();
      void document.lineCount;
    });
  }

  closed(uri: string): void {
    this.service.forget(uri);
    this.edits.forget(uri);
    this.scans.delete(uri);
    this.asked.delete(uri);
    this.idleAfterFirstCheck.delete(uri);
    this.slowOnce.delete(uri);
    this.worker?.closed(uri);
  }

  /** A scan in this thread; a large document's is kept as its last scan, for answers while the next check is pending. */
  private scanHere(document: TextDocument): ScannedDocument {
    const scanned = this.service.scan(document);
    if (isLarge(document)) this.remember(document, scanned);
    return scanned;
  }

  /** An answer in this thread: a large document's from its last scan through the edits when that can answer, else from the service. */
  private here<T>(document: TextDocument, fresh: () => T, fromStale: (stale: StaleScan) => T | undefined): T {
    if (!isLarge(document)) return fresh();
    const stale = this.staleScan(document);
    const answer = stale && fromStale(stale);
    if (answer !== undefined) return answer;
    const result = fresh();
    // The scan the service just made (cached there, no second scan) is the last one from now on.
    this.scanHere(document);
    return result;
  }

  /**
   * Hover or completion on a document the worker checks: from the last scan when it can answer, else after
   * the worker's scan of the document as it is now (never a scan in this thread). Edits that came in while
   * the worker scanned can still leave the answer out of reach (an edit at the cursor): a few more scans
   * then, each joined with any already on the way, rather than a null. `answer` is told when it is the last
   * try: then an answer from a scan made with older carriers beats none.
   */
  private async fromWorker<T>(uri: string, answer: (last: boolean) => T | undefined): Promise<T | null> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const quick = answer(false);
      if (quick !== undefined) return quick;
      try {
        await this.worker!.refresh(uri);
      } catch {
        // The worker is gone: the next request is answered in this thread.
        return null;
      }
    }
    return answer(true) ?? null;
  }

  /** From the last scan: as it is when it is of this version, else through the edits; undefined when only a fresh scan can answer. */
  private fromLastScan<T>(
    document: TextDocument,
    position: Position,
    fromScan: (document: DocumentLike, scanned: ScannedDocument, offset: number) => T,
    fromStale: (document: DocumentLike, stale: StaleScan, offset: number) => T | undefined,
    olderCarriers = false,
  ): T | undefined {
    const last = this.scans.get(document.uri);
    // A scan made with the carriers before a change elsewhere says what they were: a fresh one answers, unless
    // the carriers keep changing (the workspace being indexed).
    if (!olderCarriers && last?.carriers !== undefined && last.carriers !== this.carriers?.generation) return undefined;
    if (last?.version === document.version && last.languageId === document.languageId)
      return fromScan(document, last.scanned, document.offsetAt(position));
    const stale = this.staleScan(document);
    return stale && fromStale(document, stale, document.offsetAt(position));
  }

  /** The last scan of an earlier version, with the map of the edits since; undefined when there is none or the log cannot bridge them. */
  private staleScan(document: TextDocument): StaleScan | undefined {
    const last = this.scans.get(document.uri);
    if (!last || last.version >= document.version || last.languageId !== document.languageId) return undefined;
    const map = this.edits.between(document.uri, last.version, document.version);
    return map && { scanned: last.scanned, map };
  }

  private remember(document: TextDocument, scanned: ScannedDocument): void {
    this.adopt({ uri: document.uri, languageId: document.languageId, version: document.version, scanned });
  }

  /** Takes a scan as the document's last, unless one of a newer version is here already. */
  private adopt({ uri, ...scan }: AdoptedScan): void {
    const last = this.scans.get(uri);
    if (last && last.languageId === scan.languageId && last.version > scan.version) return;
    this.scans.set(uri, scan);
  }
}

/**
 * Whether a document's first check is expected to hold the server's thread (SLOW_CHECK_MS or more): one
 * whose text holds DENSE_SITES status-like numbers. A guess from one pass over the text (under 3 ms for 990 KB),
 * made once, at open; a document that grows dense later is moved after two slow checks.
 */
export function firstCheckIsSlow(document: DocumentLike): boolean {
  if (textLength(document) < DENSE_SITES * 4) return false;
  const numbers = /\b[1-5]\d\d\b/g;
  const text = document.getText();
  let count = 0;
  while (numbers.exec(text)) if (++count >= DENSE_SITES) return true;
  return false;
}

/**
 * Large documents are scanned and checked in a worker thread, so that hover and completion never wait
 * behind a re-scan of a 13 MB spec (~200 ms). The worker keeps its own copy of each large document, fed
 * the same incremental changes as the server's, and answers with diagnostics and a frozen scan
 * (service/frozenScan.ts), which the server adopts for hover and completion. Small documents stay in the
 * server's thread: scanning them costs less than a message.
 *
 * The worker runs this same bundle (dist/server.js); server.ts starts runScanWorker() in it.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  EditLog,
  type FrozenScan,
  type LanguageService,
  STALE_MIN_SIZE,
  type Settings,
  freezeScan,
  getLanguageService,
  textLength,
  thawScan,
  transferablesOf,
} from '../service';
import type { RuleId } from '../service';
import { ChunkedTextDocument } from './chunkedDocument';
import { capDiagnostics } from './diagnostics';

const MARK = 'http-status-lens/scan-worker';
/**
 * How many versions the server's copy of a scan may lag behind (hover and completion map it through the
 * edits, service/editLog.ts). Adopting a new copy costs the server's thread ~5-14 ms (the message and
 * the thaw, github.json): at a pause it comes with the check after REFRESH_AFTER versions; while typing
 * goes on without one, only after REFRESH_WHILE_TYPING, so that few keystrokes wait behind it.
 */
const REFRESH_AFTER = 100;
const REFRESH_WHILE_TYPING = 500;

type ToWorker =
  | { kind: 'open'; uri: string; languageId: string; version: number; text: string }
  | { kind: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { kind: 'close'; uri: string }
  /** The document as it is now: its diagnostics when settings are given, its scan when asked. */
  | { kind: 'check'; id: number; uri: string; settings?: Settings; scan: boolean };

type FromWorker =
  | {
      kind: 'checked';
      id: number;
      version: number;
      scan?: FrozenScan;
      diagnostics?: Diagnostic[];
      skipped?: string;
      /** The scan comes in a message of its own, right after. */
      scanFollows?: boolean;
    }
  | { kind: 'failed'; id: number; message: string }
  /** The scan of a check whose diagnostics went first (see the worker's loop); none if freezing it failed. */
  | { kind: 'scan'; uri: string; version: number; scan?: FrozenScan }
  | { kind: 'fault'; rule: RuleId; message: string };

interface Mirrored {
  languageId: string;
  version: number;
  /** The version of the last scan the server adopted. */
  adopted?: number;
  /** A scan to adopt has been asked for and is still to come. */
  refreshing?: boolean;
}

interface Checked {
  version: number;
  diagnostics?: Diagnostic[];
  /** Why the document was not scanned (too large). */
  skipped?: string;
}

/** A check waiting behind the one running for its document, one promise for all who asked meanwhile. */
interface Waiting {
  settings: Settings | undefined;
  scan: boolean;
  promise: Promise<Checked>;
  settle(outcome: Promise<Checked>): void;
}

interface Request {
  uri: string;
  resolve(result: Checked): void;
  reject(error: Error): void;
}

export class ScanWorker {
  private worker: Worker | undefined;
  private broken = false;
  private readonly mirrored = new Map<string, Mirrored>();
  private readonly requests = new Map<number, Request>();
  /** Per document: the check running in the worker and the one waiting behind it. */
  private readonly lines = new Map<string, { running?: Promise<Checked>; waiting?: Waiting }>();
  private nextId = 0;
  /** Per document: a scan on its way after its check's diagnostics, which a refresh waits for instead of asking again. */
  private readonly scansOnTheWay = new Map<string, { promise: Promise<void>; arrived(): void }>();
  private service: LanguageService | undefined;
  private onRuleFault: (rule: RuleId, message: string) => void = () => {};

  /** `entry` is the script the worker runs (this bundle); without one, every document stays in this thread. */
  constructor(
    private readonly entry: string | undefined,
    private readonly minSize = STALE_MIN_SIZE,
  ) {}

  /** The service that adopts the worker's scans, and where rule faults in the worker are reported. */
  connect(service: LanguageService, onRuleFault: (rule: RuleId, message: string) => void): void {
    this.service = service;
    this.onRuleFault = onRuleFault;
  }

  /** Starts the worker ahead of a large document's open, so that its start-up overlaps the server's reading of the text. */
  prepare(): void {
    this.start();
  }

  /** Whether the document is checked in the worker. */
  owns(uri: string): boolean {
    return !this.broken && this.mirrored.has(uri);
  }

  opened(document: TextDocument): void {
    if (textLength(document) >= this.minSize) this.takeOver(document);
  }

  /** From now on the document is checked in the worker, whatever its size (its checks were found slow). */
  takeOver(document: TextDocument): void {
    if (!this.entry || this.broken || this.mirrored.has(document.uri)) return;
    const { uri, languageId, version } = document;
    this.mirrored.set(uri, { languageId, version });
    this.post({ kind: 'open', uri, languageId, version, text: document.getText() });
  }

  /** After the server's copy took `changes` (a document that grows large moves to the worker). */
  changed(document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    const mirrored = this.owns(document.uri) && this.mirrored.get(document.uri);
    if (!mirrored) return this.opened(document);
    mirrored.version = document.version;
    this.post({ kind: 'change', uri: document.uri, version: document.version, changes });
    // Typing without a pause long enough for a check: the server's copy of the scan still has to keep up.
    if (mirrored.adopted !== undefined && mirrored.version - mirrored.adopted >= REFRESH_WHILE_TYPING && !mirrored.refreshing) {
      mirrored.refreshing = true;
      this.refresh(document.uri)
        .catch(() => undefined)
        .finally(() => (mirrored.refreshing = false));
    }
  }

  closed(uri: string): void {
    this.scansOnTheWay.get(uri)?.arrived();
    if (this.mirrored.delete(uri) && !this.broken) this.post({ kind: 'close', uri });
  }

  /**
   * The diagnostics of the document as it is now, and the version they are of. The scan comes along
   * (and is adopted) only when the server's copy is missing or far behind: copying it costs the server's
   * thread more than mapping an older one through the edits.
   */
  check(uri: string, settings: Settings): Promise<Checked> {
    const mirrored = this.mirrored.get(uri);
    return this.request(uri, settings, mirrored?.adopted === undefined || mirrored.version - mirrored.adopted >= REFRESH_AFTER);
  }

  /** Has the worker scan the document as it is now, and adopts the scan. */
  async refresh(uri: string): Promise<void> {
    const onTheWay = this.scansOnTheWay.get(uri);
    if (onTheWay) return onTheWay.promise;
    await this.request(uri, undefined, true);
  }

  /**
   * One check of a document in the worker at a time, and at most one waiting behind it, which every later
   * caller joins (with the latest settings; a scan if any of them wants one). Under an edit storm each
   * hover used to queue a full scan of its own: the worker fell seconds behind, and answers with it.
   */
  private request(uri: string, settings: Settings | undefined, scan: boolean): Promise<Checked> {
    if (!this.owns(uri)) return Promise.reject(new Error(`${uri} is not checked in the worker`));
    let line = this.lines.get(uri);
    if (!line) this.lines.set(uri, (line = {}));
    if (!line.running) return (line.running = this.send(uri, settings, scan).finally(() => this.next(uri)));
    if (!line.waiting) {
      let settle!: (outcome: Promise<Checked>) => void;
      const promise = new Promise<Checked>((resolve) => (settle = resolve));
      line.waiting = { settings, scan, promise, settle };
    } else {
      line.waiting.settings = settings ?? line.waiting.settings;
      line.waiting.scan ||= scan;
    }
    return line.waiting.promise;
  }

  private next(uri: string): void {
    const line = this.lines.get(uri);
    if (!line) return;
    line.running = undefined;
    const waiting = line.waiting;
    line.waiting = undefined;
    if (!waiting) return void this.lines.delete(uri);
    if (!this.owns(uri)) {
      waiting.settle(Promise.reject(new Error(`${uri} is not checked in the worker`)));
      return void this.lines.delete(uri);
    }
    waiting.settle((line.running = this.send(uri, waiting.settings, waiting.scan).finally(() => this.next(uri))));
  }

  private send(uri: string, settings: Settings | undefined, scan: boolean): Promise<Checked> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { uri, resolve, reject });
      this.post({ kind: 'check', id, uri, settings, scan });
    });
  }

  private post(message: ToWorker): void {
    this.start()?.postMessage(message);
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken || !this.entry) return this.worker;
    const worker = new Worker(this.entry, { workerData: { mark: MARK } });
    // The server process ends when its client does; the worker must not keep it alive.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the scan worker stopped (exit code ${code})`)));
    return (this.worker = worker);
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'fault') return this.onRuleFault(message.rule, message.message);
    if (message.kind === 'scan')
      return message.scan ? this.adopt(message.uri, message.version, message.scan) : this.scansOnTheWay.get(message.uri)?.arrived();
    const request = this.requests.get(message.id);
    this.requests.delete(message.id);
    if (!request) return;
    if (message.kind === 'failed') return request.reject(new Error(message.message));
    if (message.scan) this.adopt(request.uri, message.version, message.scan);
    if (message.scanFollows && !this.scansOnTheWay.has(request.uri)) {
      let arrived!: () => void;
      const promise = new Promise<void>((resolve) => (arrived = resolve));
      this.scansOnTheWay.set(request.uri, { promise, arrived: () => (this.scansOnTheWay.delete(request.uri), arrived()) });
    }
    request.resolve({ version: message.version, diagnostics: message.diagnostics, skipped: message.skipped });
  }

  private adopt(uri: string, version: number, scan: FrozenScan): void {
    const mirrored = this.mirrored.get(uri);
    if (mirrored) {
      this.service?.adopt({ uri, languageId: mirrored.languageId, version }, thawScan(scan));
      mirrored.adopted = Math.max(mirrored.adopted ?? -1, version);
    }
    this.scansOnTheWay.get(uri)?.arrived();
  }

  /** A worker that fails is not restarted: its documents go back to the server's thread. */
  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = undefined;
    for (const request of this.requests.values()) request.reject(error);
    this.requests.clear();
    for (const onTheWay of [...this.scansOnTheWay.values()]) onTheWay.arrived();
  }
}

export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { mark?: string } | undefined)?.mark === MARK;
}

/** The worker's loop: keep the copies of the large documents, scan and check them on request. */
export function runScanWorker(): void {
  const port = parentPort!;
  const documents = new Map<string, ChunkedTextDocument>();
  const faulted = new Set<RuleId>();
  // The edits since the last scan: a JSON spec is re-scanned only where it was edited (scanners/openapi/incremental.ts).
  const edits = new EditLog();
  const service = getLanguageService({
    edits,
    onRuleFault: (rule, error) => {
      if (faulted.has(rule)) return;
      faulted.add(rule);
      port.postMessage({ kind: 'fault', rule, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  });
  const answer = (message: FromWorker) =>
    port.postMessage(message, message.kind === 'checked' && message.scan ? transferablesOf(message.scan) : []);
  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'open':
        // In chunks here too: a whole-string copy would be flattened (copied) on every keystroke.
        documents.set(message.uri, new ChunkedTextDocument(message.uri, message.languageId, message.version, message.text));
        return;
      case 'change': {
        const document = documents.get(message.uri);
        if (!document) return;
        // One change at a time, each in the coordinates of the text the previous one left (as documents.ts).
        for (const change of message.changes) {
          const range = 'range' in change ? change.range : undefined;
          const edit = range && { start: document.offsetAt(range.start), end: document.offsetAt(range.end), inserted: change.text.length };
          edits.record(message.uri, message.version, edit);
          document.update([change], message.version);
        }
        return;
      }
      case 'close':
        documents.delete(message.uri);
        service.forget(message.uri);
        edits.forget(message.uri);
        return;
      case 'check': {
        const { id, uri, settings } = message;
        const document = documents.get(uri);
        if (!document) return answer({ kind: 'failed', id, message: `${uri} is not open in the worker` });
        try {
          const scanned = service.scan(document);
          // Capped here: copying 30,000 diagnostics to the server's thread would block it as long as checking them.
          const diagnostics = settings && capDiagnostics(service.doValidation(document, settings));
          if (message.scan && diagnostics) {
            // Diagnostics first: freezing the scan (~35 ms on github.json, 60 cold) and thawing it need not delay them.
            answer({ kind: 'checked', id, version: document.version, diagnostics, skipped: scanned.skipped, scanFollows: true });
            let scan: FrozenScan | undefined;
            try {
              scan = freezeScan(scanned);
            } finally {
              // Even without a scan: the server waits for this message.
              port.postMessage({ kind: 'scan', uri, version: document.version, scan } satisfies FromWorker, scan ? transferablesOf(scan) : []);
            }
            return;
          }
          const scan = message.scan ? freezeScan(scanned) : undefined;
          answer({ kind: 'checked', id, version: document.version, scan, diagnostics, skipped: scanned.skipped });
        } catch (error) {
          answer({ kind: 'failed', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
      }
    }
  });
}

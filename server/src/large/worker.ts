/**
 * The server's side of the scan worker: large documents are scanned and checked in a worker thread, so that
 * hover and completion never wait behind a re-scan of a 13 MB spec (~200 ms). The worker keeps its own copy
 * of each document it is given, fed the same incremental changes as the server's, and answers with
 * diagnostics and a frozen scan (service/frozenScan.ts), which the server adopts for hover and completion.
 * Which documents it is given is decided in index.ts. The worker's own loop is workerThread.ts.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CarrierSnapshot, type FrozenScan, type RuleId, type ScannedDocument, type Settings, thawScan } from '../service';
import { LARGE_SIZE } from './analysis';
import { ChunkedTextDocument } from './chunkedText';
import { collectGarbage } from './collect';

export const WORKER_MARK = 'http-status-lens/scan-worker';
/**
 * How many versions the server's copy of a scan may lag behind (hover and completion map it through the
 * edits, editLog.ts). Adopting a new copy costs the server's thread ~5-14 ms (the message and
 * the thaw, github.json): at a pause it comes with the check after REFRESH_AFTER versions; while typing
 * goes on without one, only after REFRESH_WHILE_TYPING, so that few keystrokes wait behind it.
 */
const REFRESH_AFTER = 100;
const REFRESH_WHILE_TYPING = 500;
/**
 * The worker's young generation, capped: V8 grows it to 32 MB in the first scan of a 13 MB spec and again in
 * the re-scans after a burst of typing, and gives it back only when its memory reducer runs, seconds later.
 * At 12 MB (semi-spaces of 4 MB) the server's peak RSS over an editing session was 10-16 MB lower
 * (github.json, github.yaml) and its checks took as long (issue 19).
 */
const WORKER_YOUNG_MB = 12;
/**
 * A worker started ahead of any document (warmUp) that none came to stops after this long, giving back its
 * memory (~16 MB RSS); a large message's header starts one again.
 */
const UNUSED_STOP_MS = 60_000;

export type ToWorker =
  /** A large message's body as it arrived (shared memory): a didOpen in it is read and scanned at once. */
  | { kind: 'read'; body: Uint8Array }
  /** Without a text: the one of the didOpen the worker read (its 'read' answer named this document and version). */
  | {
      kind: 'open';
      uri: string;
      languageId: string;
      version: number;
      text?: string;
      carriers?: CarrierSnapshot;
      /** The document's line starts, found in this thread while the worker scans. */
      lines?: Int32Array;
    }
  | { kind: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { kind: 'close'; uri: string }
  /** The document as it is now: its diagnostics when settings are given, its scan when asked. */
  | { kind: 'check'; id: number; uri: string; settings?: Settings; scan: boolean; carriers?: CarrierSnapshot };

/** A large document a didOpen opens, as the worker read it from the message's body. */
export interface ReadOpen {
  uri: string;
  languageId: string;
  version: number;
  length: number;
}

export type FromWorker =
  /** The answer to each 'read': the document the body opens, if it is a large document's didOpen. */
  | { kind: 'read'; opened?: ReadOpen }
  /** Before a 'read' answer: the body's UTF-8 is decoded, its JSON is being parsed. */
  | { kind: 'decoded' }
  | {
      kind: 'checked';
      id: number;
      version: number;
      scan?: FrozenScan;
      /** The carriers' generation the scan was made with (a source file's). */
      carriers?: number;
      diagnostics?: Diagnostic[];
      skipped?: string;
      /** The scan comes in a message of its own, right after. */
      scanFollows?: boolean;
    }
  | { kind: 'failed'; id: number; message: string }
  /** The scan of a check whose diagnostics went first (see the worker's loop); none if freezing it failed. */
  | { kind: 'scan'; uri: string; version: number; scan?: FrozenScan; carriers?: number }
  | { kind: 'fault'; rule: RuleId; message: string };

interface Mirrored {
  languageId: string;
  version: number;
  /** The version of the last scan the server adopted. */
  adopted?: number;
  /** A scan to adopt has been asked for and is still to come. */
  refreshing?: boolean;
}

export interface Checked {
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

/** Where the worker's carriers come from: the workspace model (workspace/model.ts). */
export interface CarrierSource {
  readonly generation: number;
  seenFrom(uri: string, languageId: string): CarrierSnapshot | undefined;
}

/** A scan the worker made, thawed in the server's thread. */
export interface AdoptedScan {
  uri: string;
  languageId: string;
  version: number;
  scanned: ScannedDocument;
  /** The carriers' generation a source file's scan in the worker was made with. */
  carriers?: number;
}

interface Request {
  uri: string;
  resolve(result: Checked): void;
  reject(error: Error): void;
}

export class ScanWorker {
  private worker: Worker | undefined;
  private broken = false;
  /** Whether anything was ever posted to a worker (see warmUp). */
  private used = false;
  private readonly mirrored = new Map<string, Mirrored>();
  private readonly requests = new Map<number, Request>();
  /** Per document: the check running in the worker and the one waiting behind it. */
  private readonly lines = new Map<string, { running?: Promise<Checked>; waiting?: Waiting }>();
  private nextId = 0;
  private adopt: (adopted: AdoptedScan) => void = () => {};
  /** Per document: a scan on its way after its check's diagnostics, which a refresh waits for instead of asking again. */
  private readonly scansOnTheWay = new Map<string, { promise: Promise<void>; arrived(): void }>();
  private onRuleFault: (rule: RuleId, message: string) => void = () => {};
  /** Message bodies given to the worker to read, and answered; the documents it read from them, until opened. */
  private bodiesGiven = 0;
  private bodiesRead = 0;
  /** Who waits for the worker to have decoded each body given, oldest first (told at its 'decoded', or else its answer). */
  private readonly decoding: (() => void)[] = [];
  private readonly readOpens = new Map<string, ReadOpen>();
  /** The chunked documents taken over whose open is not posted yet (held back): their line tables go with it. */
  private readonly opening = new Map<string, ChunkedTextDocument>();
  /** The posts held back, an open first, until the worker has answered the bodies given before it (`until`). */
  private held: { until: number; queue: ToWorker[] } | undefined;
  /** The workspace's carriers (issue 16), which the worker is given as each source file it checks sees them. */
  private carriers: CarrierSource | undefined;
  /** Per source file: the carriers' generation the worker was last given. */
  private readonly carriersGiven = new Map<string, number>();

  /** `entry` is the script the worker runs (this bundle); without one, every document stays in this thread. */
  constructor(private readonly entry: string | undefined) {}

  /** Where the worker's scans go (the server's copy for hover and completion), and where its rule faults are reported. */
  connect(adopt: (adopted: AdoptedScan) => void, onRuleFault: (rule: RuleId, message: string) => void, carriers?: CarrierSource): void {
    this.adopt = adopt;
    this.onRuleFault = onRuleFault;
    this.carriers = carriers;
  }

  /** Whether a worker can run here at all (not from a source file, nor after it failed). */
  get available(): boolean {
    return this.entry !== undefined && !this.broken;
  }

  /** Starts the worker ahead of a large document's open (its message's header, or its decoded text), so that its start-up overlaps the server's reading of the text. */
  prepare(): void {
    this.start();
  }

  /**
   * Starts the worker once the session is up. An editor mostly opens its documents right after initialize, and
   * a large one's message takes less time to arrive than the worker to boot (~35 ms, 90 on a loaded machine):
   * booted from the header on, it was still booting when the last byte came. Stopped if unused (UNUSED_STOP_MS).
   */
  warmUp(unusedStopMs = UNUSED_STOP_MS): void {
    const worker = this.start();
    if (!worker) return;
    setTimeout(() => {
      if (this.worker !== worker || this.used) return;
      this.worker = undefined;
      // Nothing was posted to it, so nothing waits on it: it ends without failing (see fail).
      worker.removeAllListeners();
      void worker.terminate();
    }, unusedStopMs).unref();
  }

  /**
   * A large message's body, copied as it arrived (transport/frameWatch.ts). If it is a large document's
   * didOpen, the worker reads the text from it and scans it at once: the open then waits neither for this
   * thread's decoding nor for a copy of the text to the worker. Resolves when the worker has decoded the
   * body's UTF-8 (at once where no worker runs): the server's reader decodes its own copy from then on, so
   * that the two decodings (each ~50 MB at its height for a 13 MB spec) do not add up, and still ends long
   * before the worker's scan.
   */
  readMessage(body: Uint8Array): Promise<void> {
    if (!this.available) return Promise.resolve();
    this.bodiesGiven++;
    this.post({ kind: 'read', body });
    return new Promise((resolve) => this.decoding.push(resolve));
  }

  /** Whether the document is checked in the worker. */
  owns(uri: string): boolean {
    return !this.broken && this.mirrored.has(uri);
  }

  /**
   * From now on the document is checked in the worker, with the text it has now. Returns whether this thread
   * collected what reading a large text left (before a copy of it went), so that no one collects it again.
   */
  takeOver(document: TextDocument): boolean {
    if (!this.available || this.mirrored.has(document.uri)) return false;
    const { uri, languageId, version } = document;
    this.mirrored.set(uri, { languageId, version });
    const text = document.getText();
    // One of the bodies the worker is still reading may be this document's didOpen: its open waits for the answer.
    const unanswered = this.bodiesRead < this.bodiesGiven;
    // What reading a large text left in this thread goes before a copy of it and the worker's scan add to the
    // peak. No copy goes when the worker read this very text: the analysis collects it once the first check is out.
    const collected = text.length >= LARGE_SIZE && (unanswered || !this.wasRead({ uri, languageId, version, text }));
    if (collected) collectGarbage();
    if (unanswered) (this.held ??= { until: 0, queue: [] }).until = this.bodiesGiven;
    if (document instanceof ChunkedTextDocument) this.opening.set(uri, document);
    this.post({ kind: 'open', uri, languageId, version, text, carriers: this.carriersOf(uri, languageId) });
    return collected;
  }

  /** After the server's copy of a document the worker checks took `changes`. */
  changed(document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    const mirrored = this.owns(document.uri) && this.mirrored.get(document.uri);
    if (!mirrored) return;
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
    this.readOpens.delete(uri);
    this.opening.delete(uri);
    this.scansOnTheWay.get(uri)?.arrived();
    this.carriersGiven.delete(uri);
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
      const carriers = this.carriersOf(uri, this.mirrored.get(uri)!.languageId);
      // New carriers change the scan itself (its sites, what its hover says): this thread's copy is out of date.
      this.post({ kind: 'check', id, uri, settings, scan: scan || carriers !== undefined, carriers });
    });
  }

  /** The carriers as a source file sees them, when they changed since the worker was given them (a spec reads none). */
  private carriersOf(uri: string, languageId: string): CarrierSnapshot | undefined {
    const source = this.carriers;
    if (!source || this.carriersGiven.get(uri) === source.generation) return undefined;
    this.carriersGiven.set(uri, source.generation);
    return source.seenFrom(uri, languageId);
  }

  private post(message: ToWorker): void {
    this.used = true;
    // A body to read goes at once: the posts held back wait for the worker's answer to it.
    if (this.held && message.kind !== 'read') return void this.held.queue.push(message);
    this.start()?.postMessage(message.kind === 'open' ? this.withoutReadText(message) : message);
  }

  /**
   * An open without its text when the worker read this very text from its didOpen (same version, same length).
   * The worker is scanning that text: this thread finds the line table meanwhile, for the worker's first
   * diagnostics (a YAML scan finds its own, for its comments) and this thread's first hover. A text that goes
   * with the open is not held back for it.
   */
  private withoutReadText(open: Extract<ToWorker, { kind: 'open' }>): ToWorker {
    const same = this.wasRead(open);
    const document = this.opening.get(open.uri);
    this.opening.delete(open.uri);
    // The worker lets go of what it read of this document at any open of it.
    this.readOpens.delete(open.uri);
    if (!same) return open;
    return { ...open, text: undefined, lines: document?.version === open.version ? document.lineTable() : undefined };
  }

  /** Whether the worker read this document's text from its didOpen (same version, same length). */
  private wasRead(open: { uri: string; languageId: string; version: number; text?: string }): boolean {
    const read = this.readOpens.get(open.uri);
    return !!read && read.version === open.version && read.languageId === open.languageId && read.length === open.text?.length;
  }

  /** The posts held back for the worker's answers, once they have all come. */
  private release(): void {
    const held = this.held;
    if (!held || this.bodiesRead < held.until) return;
    this.held = undefined;
    for (const message of held.queue) this.post(message);
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken || !this.entry) return this.worker;
    const worker = new Worker(this.entry, {
      workerData: { mark: WORKER_MARK },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    // The server process ends when its client does; the worker must not keep it alive.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the scan worker stopped (exit code ${code})`)));
    return (this.worker = worker);
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'decoded') return this.decoding[0]?.();
    if (message.kind === 'read') {
      this.decoding.shift()?.();
      this.bodiesRead++;
      if (message.opened) this.readOpens.set(message.opened.uri, message.opened);
      return this.release();
    }
    if (message.kind === 'fault') return this.onRuleFault(message.rule, message.message);
    if (message.kind === 'scan')
      return message.scan
        ? this.adoptScan(message.uri, message.version, message.scan, message.carriers)
        : this.scansOnTheWay.get(message.uri)?.arrived();
    const request = this.requests.get(message.id);
    this.requests.delete(message.id);
    if (!request) return;
    if (message.kind === 'failed') return request.reject(new Error(message.message));
    if (message.scan) this.adoptScan(request.uri, message.version, message.scan, message.carriers);
    if (message.scanFollows && !this.scansOnTheWay.has(request.uri)) {
      let arrived!: () => void;
      const promise = new Promise<void>((resolve) => (arrived = resolve));
      this.scansOnTheWay.set(request.uri, { promise, arrived: () => (this.scansOnTheWay.delete(request.uri), arrived()) });
    }
    request.resolve({ version: message.version, diagnostics: message.diagnostics, skipped: message.skipped });
  }

  private adoptScan(uri: string, version: number, scan: FrozenScan, carriers: number | undefined): void {
    const mirrored = this.mirrored.get(uri);
    if (mirrored) {
      this.adopt({ uri, languageId: mirrored.languageId, version, scanned: thawScan(scan), carriers });
      mirrored.adopted = Math.max(mirrored.adopted ?? -1, version);
    }
    this.scansOnTheWay.get(uri)?.arrived();
  }

  /** A worker that fails is not restarted: its documents go back to the server's thread. */
  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = true;
    this.worker = undefined;
    this.held = undefined;
    for (const decoded of this.decoding.splice(0)) decoded();
    for (const request of this.requests.values()) request.reject(error);
    this.requests.clear();
    for (const onTheWay of [...this.scansOnTheWay.values()]) onTheWay.arrived();
  }
}

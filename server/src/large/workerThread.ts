/**
 * The scan worker's own loop, in its thread (worker.ts is the server's side): it keeps a copy of each
 * document it is given, in chunks, and scans and checks it on request. It runs this same bundle
 * (dist/server.js): server.ts starts runScanWorker() when it finds itself in the worker.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { EditLog, type FrozenScan, type RuleId, SnapshotCarriers, freezeScan, getLanguageService, transferablesOf } from '../service';
import { capDiagnostics } from './cap';
import { collectGarbage } from './collect';
import { ChunkedTextDocument } from './chunkedText';
import { type DidOpen, largeDidOpen } from './didOpenBody';
import { type FromWorker, type ToWorker, WORKER_MARK } from './worker';

export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

/** The worker's loop: keep the copies of the large documents, scan and check them on request. */
export function runScanWorker(): void {
  const port = parentPort!;
  const documents = new Map<string, ChunkedTextDocument>();
  /** Documents read from large didOpen bodies, each until the server's open or close of it. */
  const read = new Map<string, ChunkedTextDocument>();
  const faulted = new Set<RuleId>();
  // The edits since the last scan: a spec is re-scanned only where it was edited (scanners/openapi/incremental.ts).
  const edits = new EditLog();
  // A source file's findings read the workspace's carriers: the server sends them as the file sees them.
  const carriers = new SnapshotCarriers();
  const service = getLanguageService({
    edits,
    carriers,
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
      case 'read': {
        const opened = readBody(message, port);
        // Answered first: the server holds the document's open back until it knows.
        if (!opened) return port.postMessage({ kind: 'read' } satisfies FromWorker);
        const { uri, languageId, version, text } = opened;
        port.postMessage({ kind: 'read', opened: { uri, languageId, version, length: text.length } } satisfies FromWorker);
        const document = new ChunkedTextDocument(uri, languageId, version, text);
        read.set(document.uri, document);
        // The body and the message decoded from it are garbage now (~40 MB for a 13 MB spec): gone before the scan adds its own.
        collectGarbage();
        try {
          service.scan(document);
        } catch {
          // The check scans again, and reports the failure.
        }
        return;
      }
      case 'open': {
        const readOpen = read.get(message.uri);
        read.delete(message.uri);
        // In chunks here too: a whole-string copy would be flattened (copied) on every keystroke.
        const document =
          message.text === undefined ? readOpen : new ChunkedTextDocument(message.uri, message.languageId, message.version, message.text);
        // The server leaves the text out only after this worker's 'read' named this very document.
        if (!document || document.version !== message.version) throw new Error(`the scan worker read no text of ${message.uri}`);
        documents.set(message.uri, document);
        if (message.lines) document.adoptLineTable(message.lines);
        if (message.carriers) carriers.set(message.uri, message.carriers);
        // Scanned now, not when the check comes: that waits for the document's settings from the client.
        try {
          service.scan(document);
        } catch {
          // The check scans again, and reports the failure.
        }
        return;
      }
      case 'change': {
        const document = documents.get(message.uri);
        if (!document) return;
        // One change at a time, each in the coordinates of the text the previous one left (as documents/store.ts).
        for (const change of message.changes) {
          const range = 'range' in change ? change.range : undefined;
          const edit = range && { start: document.offsetAt(range.start), end: document.offsetAt(range.end), inserted: change.text.length };
          edits.record(message.uri, message.version, edit);
          document.update([change], message.version);
        }
        return;
      }
      case 'close':
        read.delete(message.uri);
        documents.delete(message.uri);
        carriers.delete(message.uri);
        service.forget(message.uri);
        edits.forget(message.uri);
        return;
      case 'check': {
        const { id, uri, settings } = message;
        const document = documents.get(uri);
        if (!document) return answer({ kind: 'failed', id, message: `${uri} is not open in the worker` });
        if (message.carriers) carriers.set(uri, message.carriers);
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
              port.postMessage(
                { kind: 'scan', uri, version: document.version, scan, carriers: carriers.generationOf(uri) } satisfies FromWorker,
                scan ? transferablesOf(scan) : [],
              );
            }
            return;
          }
          const scan = message.scan ? freezeScan(scanned) : undefined;
          answer({
            kind: 'checked',
            id,
            version: document.version,
            scan,
            carriers: carriers.generationOf(uri),
            diagnostics,
            skipped: scanned.skipped,
          });
        } catch (error) {
          answer({ kind: 'failed', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
      }
    }
  });
}

/**
 * A body's didOpen. The body (shared memory) is let go of, so that the collection after the read takes it;
 * the server hears when its UTF-8 is decoded (see ScanWorker.readMessage).
 */
function readBody(message: { body?: Uint8Array }, port: MessagePort): DidOpen | undefined {
  const body = Buffer.from(message.body!.buffer, message.body!.byteOffset, message.body!.byteLength);
  message.body = undefined;
  return largeDidOpen(body, () => port.postMessage({ kind: 'decoded' } satisfies FromWorker));
}

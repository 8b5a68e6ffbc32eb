/**
 * How each open document is analysed: the one interface the handlers call, for every document, large or
 * small (Analysis below); nothing outside this folder knows which path a document takes.
 *
 * - A small document goes straight to the language service, in the server's thread.
 * - A large one (LARGE_SIZE and more), or one whose first check would hold the server's thread (dense with
 *   status codes), or one whose check was found slow, is scanned and checked in the scan worker (worker.ts,
 *   workerThread.ts) where one can run; which path a document takes is decided in analysis.ts. Hover and completion answer from the worker's
 *   last scan, mapped through the edits made since (editLog.ts, stale.ts), and wait for a fresh scan only
 *   when an edit touched what they ask about.
 * - Where no worker runs (the web, or after it failed), a large document is scanned in the server's thread,
 *   and hover and completion answer from its last scan in the same way while the next check is pending.
 *
 * Large texts are kept in chunks (chunkedText.ts: a keystroke copies one 16 KB chunk, not the whole text).
 */
import type { CompletionList, Diagnostic, Hover, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ScannedDocument, Settings } from '../service';

export { type AnalysisOptions, LARGE_SIZE, createAnalysis, firstCheckIsSlow, isLarge } from './analysis';
export { ChunkedTextDocument } from './chunkedText';
// The worker itself is started by the process (server.ts): the web bundle cannot hold it.
export type { ScanWorker } from './worker';

/** A check's outcome: the diagnostics to publish (capped, capDiagnostics) and the version they are of. */
export interface Checked {
  version: number;
  diagnostics: Diagnostic[];
  /** Why the document was not scanned (too large, not an OpenAPI file...), for a one-time message. */
  skipped?: string;
}

/** The one interface the handlers call for every open document. */
export interface Analysis {
  hover(document: TextDocument, position: Position): Promise<Hover | null>;
  complete(document: TextDocument, position: Position): Promise<CompletionList | null>;
  /** The document's diagnostics, with `crossFile` ones (the project rules) added, in whichever thread it is checked. */
  check(
    document: TextDocument,
    settings: Settings,
    crossFile?: (document: TextDocument, settings: Settings) => Diagnostic[],
  ): Promise<Checked>;
  /** The document's scan, for what it says of the document (kind, skipped); one in the worker gives its last. */
  scanned(document: TextDocument): Promise<ScannedDocument | undefined>;
  /** How long a check asked for after `delay` waits: during a burst of edits, a worker's check waits for a pause. */
  delay(uri: string, delay?: number): number;
  /** One incremental change, in the coordinates of the text before it (`undefined`: the whole text replaced). */
  edited(uri: string, version: number, change: { start: number; end: number; inserted: number } | undefined): void;
  /** The document after its `changes`. */
  changed(document: TextDocument, changes: TextDocumentContentChangeEvent[]): void;
  /** Before a document of `length` characters is read in: a large one's worker starts meanwhile. */
  opening(length: number): void;
  /** The session is up, its workspace indexed: a worker starts now, off the way of the first large open. */
  warmUp(): void;
  opened(document: TextDocument): void;
  closed(uri: string): void;
}

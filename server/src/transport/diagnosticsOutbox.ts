/**
 * Every publishDiagnostics the server sends goes through here: at most one waits per document, and one the
 * client already has is not sent again.
 *
 * The connection's writer queues each message until the one before it is written, holding it whole. A client
 * that reads slowly (starved of CPU, paused in a debugger), with re-checks of every open document coming fast
 * (carriers changed at each of 500 opens), queued 13,000 publishes there: 290 MB, and the server ended out
 * of memory. A document's newer publish supersedes its own still waiting, and after a re-check that changed
 * nothing (same version, same findings) nothing is sent.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

/** The connection, or what stands for it in a test. */
export interface DiagnosticsSender {
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
}

export class DiagnosticsOutbox {
  /** Documents with a publish handed to the writer and not yet written. */
  private readonly writing = new Set<string>();
  /** Per document, the newest publish waiting for the one being written. */
  private readonly waiting = new Map<string, PublishDiagnosticsParams>();
  /** Per document, the last publish handed to the writer, as sent; none once its diagnostics were cleared. */
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: DiagnosticsSender) {}

  publish(params: PublishDiagnosticsParams): void {
    if (this.writing.has(params.uri)) this.waiting.set(params.uri, params);
    else this.write(params);
  }

  /** The client is to be told the document's diagnostics again, even if unchanged (it opened the document anew). */
  forget(uri: string): void {
    this.sent.delete(uri);
  }

  /** Publishes waiting behind another of their document (for tests and measures). */
  get backlog(): number {
    return this.waiting.size;
  }

  private write(params: PublishDiagnosticsParams): void {
    const { uri } = params;
    const message = JSON.stringify(params);
    if (this.sent.get(uri) === message) return;
    // Cleared (the document closed, or no findings): nothing to hold for it.
    if (params.diagnostics.length === 0 && params.version === undefined) this.sent.delete(uri);
    else this.sent.set(uri, message);
    this.writing.add(uri);
    const written = () => {
      this.writing.delete(uri);
      const next = this.waiting.get(uri);
      if (next) {
        this.waiting.delete(uri);
        this.write(next);
      }
    };
    // A write that fails (the client is gone) forgets what was sent, so nothing is taken as known to the client.
    this.connection.sendDiagnostics(params).then(written, () => {
      this.sent.delete(uri);
      written();
    });
  }
}

import type { ScanWorker } from './scanWorker';

/**
 * Hover or completion on a document the worker checks: from the server's last adopted scan when it can
 * answer, else after the worker's scan of the document as it is now (never a scan in this thread).
 */
export async function fromWorkerScan<T>(scanWorker: ScanWorker, uri: string, answer: () => T | undefined): Promise<T | null> {
  // Edits that came in while the worker scanned can still leave the answer out of reach (an edit at the
  // cursor): a few more scans then, each joined with any already on the way, rather than a null.
  for (let attempt = 0; attempt < 4; attempt++) {
    const quick = answer();
    if (quick !== undefined) return quick;
    try {
      await scanWorker.refresh(uri);
    } catch {
      // The worker is gone: the next request is answered in this thread.
      return null;
    }
  }
  return answer() ?? null;
}

/**
 * A major garbage collection of the server's thread, asked for once a large document's text has gone to the
 * scan worker. Reading a 13 MB didOpen leaves ~50 MB behind in this thread (the message's bytes, its decoded
 * string, the copy posted to the worker), which V8 frees only at its next major collection, seconds later; by
 * then the worker's first scan has added its own, and the server's peak was the sum. This thread is idle
 * while the worker scans, so collecting then makes no answer wait long (~10 ms; github.json, issue 19).
 *
 * Node collects on demand only with --expose-gc, which editors do not pass: the flag is set at run time and
 * the function is taken from a fresh context, once. Where that fails, nothing is collected early.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;
let scheduled = false;

/** Collects once the current message is handled (its garbage is then unreachable); calls meanwhile share it. */
export function collectSoon(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    collect();
  });
}

function collect(): void {
  if (collector === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (!exposed) setFlagsFromString('--expose-gc');
      collector = exposed ?? (runInNewContext('gc') as () => void);
    } catch {
      collector = null;
    }
  }
  collector?.();
}

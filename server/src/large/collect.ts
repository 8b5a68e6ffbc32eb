/**
 * A major garbage collection of the server's thread, once a large document is read in. Reading a 13 MB didOpen
 * leaves ~40 MB behind in this thread (the message's bytes and its decoded string), which V8 frees only at its
 * next major collection, seconds later; meanwhile a copy posted to the worker and the worker's first scan add
 * their own, and the server's peak was the sum (github.json: 185-196 MB, 170-171 collected; issue 19). So it is
 * collected before such a copy, or, when none goes (the worker read the didOpen itself), while the worker makes
 * the first check (large/analysis.ts): ~10-40 ms off the way to the first diagnostics. By the time a handler runs,
 * the message's bytes and string are unreachable: vscode-jsonrpc decodes a message and hands it on in a later task.
 *
 * Node offers a collection only to a process started with --expose-gc: the VS Code extension starts the server
 * so (client/src/serverLaunch.ts), and docs/editors.md gives other editors the same command. Without the flag
 * nothing is collected early.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A young-generation collection (a scavenge, ~1 ms), where the process offers one (--expose-gc, as above): for
 * short-lived buffers V8 would otherwise keep until its next collection, as the stdin chunks a large message
 * came in, once they are copied (transport/stdioInput.ts).
 */
export function collectYoungGarbage(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}

/**
 * Called first in each of the server's worker threads (the scan worker, the index worker). A worker writes
 * its stdout to the process's, and over stdio that is the LSP stream: one stray line from a worker, or from a
 * library it runs, would corrupt it (the editor stops reading). vscode-languageserver redirects the server's
 * own console for the same reason, but not a worker's. Here what a worker prints goes to stderr, where
 * editors show the server's log. (Reading the worker's stdout in the server's thread instead would keep the
 * process alive as long as the worker runs.)
 */
export function printToStderr(): void {
  const stderr = process.stderr;
  process.stdout.write = stderr.write.bind(stderr) as typeof process.stdout.write;
}

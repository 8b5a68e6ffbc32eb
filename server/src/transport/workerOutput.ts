/**
 * Called first in each worker thread: the server's (the scan worker, the index worker) and the CLI's lint
 * workers. A worker writes its stdout to the process's, which is the LSP stream over stdio and the report
 * (`--format json`, SARIF) in the CLI: one stray line from a worker, or from a library it runs, would corrupt
 * it (the editor stops reading; the report no longer parses). vscode-languageserver redirects the server's own
 * console for the same reason, but not a worker's. Here what a worker prints goes to stderr, where editors show
 * the server's log. (Reading the worker's stdout in the main thread instead would keep the process alive as long
 * as the worker runs.)
 */
export function printToStderr(): void {
  const stderr = process.stderr;
  process.stdout.write = stderr.write.bind(stderr) as typeof process.stdout.write;
}

/**
 * `$/cancelRequest`: a request cancelled before its synchronous work starts (the scan of a large document
 * can take a while) answers RequestCancelled instead of doing that work.
 */
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

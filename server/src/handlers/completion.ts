import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { servedDocument } from '../documents/served';
import { withoutDocumentation } from '../service';
import type { Session } from '../session';

export async function onCompletion(params: CompletionParams, session: Session, token?: CancellationToken): Promise<CompletionList | null> {
  const document = await servedDocument(params.textDocument.uri, session, token);
  if (!document) return null;
  const list = await session.analysis.complete(document, params.position);
  // A client that resolves documentation when an item is shown gets a list a fifth of the size.
  return list && session.client.lazyDocumentation ? { ...list, items: list.items.map(withoutDocumentation) } : list;
}

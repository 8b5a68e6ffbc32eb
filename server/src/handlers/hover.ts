import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { servedDocument } from '../documents/served';
import type { Session } from '../session';

export async function onHover(params: HoverParams, session: Session, token?: CancellationToken): Promise<Hover | null> {
  const document = await servedDocument(params.textDocument.uri, session, token);
  return document ? session.analysis.hover(document, params.position) : null;
}

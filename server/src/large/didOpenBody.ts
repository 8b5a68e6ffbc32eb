/**
 * A large document's didOpen, read by the scan worker from the message's body as the server's reader
 * (vscode-jsonrpc) reads every body: JSON of its UTF-8, so that the text is the server's to the character.
 */
import { LARGE_SIZE } from './analysis';

export interface DidOpen {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/** How a didOpen names its method: a body without it is not read (a large full-text didChange, say). */
const DID_OPEN = Buffer.from('"textDocument/didOpen"');

/** The document a body opens, if it is the didOpen of a large document; `decoded` is told once its UTF-8 is decoded. */
export function largeDidOpen(body: Buffer, decoded: () => void = () => {}): DidOpen | undefined {
  if (!body.includes(DID_OPEN)) return undefined;
  let message: { method?: unknown; params?: { textDocument?: Record<string, unknown> } } | null;
  try {
    const json = body.toString('utf8');
    decoded();
    message = JSON.parse(json);
  } catch {
    return undefined;
  }
  const opened = message?.method === 'textDocument/didOpen' ? message.params?.textDocument : undefined;
  if (!opened) return undefined;
  const { uri, languageId, version, text } = opened;
  if (typeof uri !== 'string' || typeof languageId !== 'string' || typeof version !== 'number' || typeof text !== 'string')
    return undefined;
  return text.length >= LARGE_SIZE ? { uri, languageId, version, text } : undefined;
}

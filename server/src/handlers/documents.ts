/**
 * The open documents, with each incremental change also written to the edit log (see service/editLog.ts)
 * and passed on to the scan worker's copies (see scanWorker.ts). Large documents are kept in chunks
 * (chunkedDocument.ts), so an edit or a read near the cursor never copies the whole text.
 */
import { type CancellationToken, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type EditLog, type LanguageService, STALE_MIN_SIZE, textLength } from '../service';
import { throwIfCancelled } from './cancellation';
import { ChunkedTextDocument } from './chunkedDocument';
import type { ScanWorker } from './scanWorker';
import type { SettingsStore } from './settings';

function create(uri: string, languageId: string, version: number, text: string): TextDocument {
  return text.length >= STALE_MIN_SIZE
    ? new ChunkedTextDocument(uri, languageId, version, text)
    : TextDocument.create(uri, languageId, version, text);
}

export function createDocuments(edits: EditLog, scanWorker?: ScanWorker): TextDocuments<TextDocument> {
  return new TextDocuments({
    create(uri, languageId, version, text) {
      // The worker that will check it starts while this thread splits the text into chunks.
      if (text.length >= STALE_MIN_SIZE) scanWorker?.prepare();
      return create(uri, languageId, version, text);
    },
    update(document, changes, version) {
      // One change at a time: each range is in the coordinates of the text the previous one left.
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          edits.record(document.uri, version, { start, end, inserted: change.text.length });
        } else edits.record(document.uri, version, undefined);
        if (document instanceof ChunkedTextDocument) document.update([change], version);
        else document = TextDocument.update(document, [change], version);
      }
      // A document that grew large is kept in chunks from now on.
      if (!(document instanceof ChunkedTextDocument) && textLength(document) >= STALE_MIN_SIZE) {
        document = new ChunkedTextDocument(document.uri, document.languageId, version, document.getText());
      }
      scanWorker?.changed(document, changes);
      return document;
    },
  });
}

/** The open document a request is about, when its language is served and enabled in the settings; throws if the request was cancelled meanwhile. */
export async function servedDocument(
  uri: string,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  settings: SettingsStore,
  token?: CancellationToken,
): Promise<TextDocument | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const language = service.languageOf(document);
  if (language === undefined || !(await settings.get(uri)).languages.includes(language)) return undefined;
  throwIfCancelled(token);
  return document;
}

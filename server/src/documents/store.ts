/**
 * The open documents. Each incremental change is also told to the analysis (large/: its edit log, the
 * scan worker's copy), and a large document is kept in chunks (large/chunkedText.ts), so an edit or a read
 * near the cursor never copies the whole text.
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, ChunkedTextDocument, LARGE_SIZE, isLarge } from '../large';

function create(uri: string, languageId: string, version: number, text: string): TextDocument {
  return text.length >= LARGE_SIZE
    ? new ChunkedTextDocument(uri, languageId, version, text)
    : TextDocument.create(uri, languageId, version, text);
}

export function createDocuments(analysis: Pick<Analysis, 'opening' | 'edited' | 'changed'>): TextDocuments<TextDocument> {
  return new TextDocuments({
    create(uri, languageId, version, text) {
      analysis.opening(text.length);
      return create(uri, languageId, version, text);
    },
    update(document, changes, version) {
      // One change at a time: each range is in the coordinates of the text the previous one left.
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          analysis.edited(document.uri, version, { start, end, inserted: change.text.length });
        } else analysis.edited(document.uri, version, undefined);
        if (document instanceof ChunkedTextDocument) document.update([change], version);
        else document = TextDocument.update(document, [change], version);
      }
      // A document that grew large is kept in chunks from now on.
      if (!(document instanceof ChunkedTextDocument) && isLarge(document)) {
        document = new ChunkedTextDocument(document.uri, document.languageId, version, document.getText());
      }
      analysis.changed(document, changes);
      return document;
    },
  });
}

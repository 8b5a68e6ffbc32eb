/** The open documents, with each incremental change also written to the edit log (see service/editLog.ts). */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditLog } from '../service';

export function createDocuments(edits: EditLog): TextDocuments<TextDocument> {
  return new TextDocuments({
    create: TextDocument.create,
    update(document, changes, version) {
      // One change at a time: each range is in the coordinates of the text the previous one left.
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          edits.record(document.uri, version, { start, end, inserted: change.text.length });
        } else edits.record(document.uri, version, undefined);
        document = TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
}

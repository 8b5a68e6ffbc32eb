/**
 * Quick fixes: read from the data of the server's own diagnostics; the document is not analysed again.
 * A client's diagnostic only says which of them it asks about (by rule id and range): its `data` is never
 * trusted, so a client cannot make the server propose an edit of its choosing, or of another file.
 */
import type { CodeAction, Diagnostic, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentLike } from '../model';
import type { DiagnosticData } from './validation';
import { SOURCE } from './validation';

/**
 * The fixes of each requested diagnostic that matches one of `own` (what the server published for this
 * document) by rule id and range; edits only to this document, within it, or to a file the server's own
 * diagnostic names as related.
 */
export function doCodeActions(document: DocumentLike, requested: readonly Diagnostic[], own: readonly Diagnostic[]): CodeAction[] {
  const byKey = new Map<string, Diagnostic>();
  for (const diagnostic of own) byKey.set(keyOf(diagnostic), diagnostic);
  const actions: CodeAction[] = [];
  for (const diagnostic of requested) {
    if (typeof diagnostic !== 'object' || diagnostic === null || diagnostic.source !== SOURCE || !isRange(diagnostic.range)) continue;
    const mine = byKey.get(keyOf(diagnostic));
    if (!mine || !isData(mine.data)) continue;
    for (const fix of mine.data.fixes) {
      if (fix.edit && !editsOnlyWithin(document, fix.edit, mine)) continue;
      actions.push({ ...fix, diagnostics: [mine] });
    }
  }
  return actions;
}

function keyOf(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

function isRange(range: unknown): range is Range {
  const r = range as Range | null | undefined;
  return (
    typeof r === 'object' && r !== null && typeof r.start === 'object' && r.start !== null && typeof r.end === 'object' && r.end !== null
  );
}

function isData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as DiagnosticData).fixes);
}

/**
 * Edits within this document (a fix made for an earlier version may no longer fit it: such a fix is dropped,
 * not clamped), or in a file the server's own diagnostic points at (the spec a `status-not-in-spec` fix
 * declares the response in).
 */
function editsOnlyWithin(document: DocumentLike, edit: WorkspaceEdit, mine: Diagnostic): boolean {
  if (edit.documentChanges !== undefined || edit.changeAnnotations !== undefined) return false;
  const changes = Object.entries(edit.changes ?? {});
  // A position is inside when the document maps it to an offset and back unchanged (no clamping happened).
  const inside = (p: Position) => {
    if (!Number.isInteger(p?.line) || !Number.isInteger(p?.character)) return false;
    const back = document.positionAt(document.offsetAt(p));
    return back.line === p.line && back.character === p.character;
  };
  const related = new Set((mine.relatedInformation ?? []).map((r) => r.location.uri));
  return changes.every(([uri, edits]) =>
    uri === document.uri ? edits.every((e) => inside(e.range.start) && inside(e.range.end)) : related.has(uri),
  );
}

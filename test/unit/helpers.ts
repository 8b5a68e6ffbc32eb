/** Test helpers: documents written like the editor shows them, `|` marking the cursor. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { type Settings, defaultSettings, getLanguageService } from '../../server/src/service';
import type { RuleId } from '../../server/src/service/rules';

export const service = getLanguageService();

let version = 0;

/** A document of the language; `path` names its file (`src/test/java/AppTest.java`), else a fresh name is made up. */
export function document(text: string, languageId: string, path?: string): TextDocument {
  return TextDocument.create(`file:///test/${path ?? `${++version}.${extensionOf(languageId)}`}`, languageId, 1, text);
}

/** A document and the offset of its single `|` marker (removed from the text). */
export function withCursor(marked: string, languageId: string, path?: string): { document: TextDocument; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('expected exactly one | marker');
  return { document: document(marked.slice(0, offset) + marked.slice(offset + 1), languageId, path), offset };
}

export function hoverText(marked: string, languageId: string, path?: string): string | undefined {
  const { document: doc, offset } = withCursor(marked, languageId, path);
  const hover = service.doHover(doc, doc.positionAt(offset));
  if (!hover) return undefined;
  const contents = hover.contents as { value: string };
  return contents.value;
}

/** Settings with only the given rule on (as a warning). */
export function onlyRule(id: RuleId, extra: Partial<Settings> = {}): Settings {
  const settings = defaultSettings();
  for (const key of Object.keys(settings.rules) as RuleId[]) settings.rules[key] = key === id ? 'warning' : 'off';
  return { ...settings, ...extra };
}

/** The document and full diagnostic list each diagnostic came from, as the server keeps what it published. */
const publishedWith = new WeakMap<Diagnostic, { document: TextDocument; diagnostics: Diagnostic[] }>();

export function validate(
  text: string,
  languageId: string,
  settings: Settings = defaultSettings(),
  path?: string,
): { document: TextDocument; diagnostics: Diagnostic[] } {
  const doc = document(text, languageId, path);
  const diagnostics = service.doValidation(doc, settings);
  for (const d of diagnostics) publishedWith.set(d, { document: doc, diagnostics });
  return { document: doc, diagnostics };
}

/** The text of each diagnostic's range. */
export function flagged(doc: TextDocument, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => doc.getText(d.range));
}

/** The quick fixes the server offers when the client asks about these diagnostics (from `validate`). */
export function actionsFor(diagnostics: Diagnostic[]): CodeAction[] {
  const origin = diagnostics.length > 0 ? publishedWith.get(diagnostics[0]) : undefined;
  if (!origin) return [];
  return service.doCodeActions(origin.document, diagnostics, origin.diagnostics);
}

/** The document text after applying a code action's edits. */
export function applyAction(doc: TextDocument, action: CodeAction): string {
  const edits = action.edit?.changes?.[doc.uri];
  if (!edits) throw new Error(`action "${action.title}" has no edit`);
  return TextDocument.applyEdits(doc, edits);
}

function extensionOf(languageId: string): string {
  return (
    { typescript: 'ts', javascript: 'js', yaml: 'yaml', json: 'json', typescriptreact: 'tsx', javascriptreact: 'jsx', jsonc: 'jsonc' }[
      languageId
    ] ?? 'txt'
  );
}

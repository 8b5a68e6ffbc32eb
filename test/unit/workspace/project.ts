/** A project in memory for workspace tests: files by path, the model over all of them, a service reading it. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import * as knowledge from '../../../server/src/knowledge';
import { type LanguageService, defaultSettings, getLanguageService } from '../../../server/src/service';
import { WorkspaceModel } from '../../../server/src/workspace/model';

export const ROOT = 'file:///project/';

export class Project {
  readonly model = new WorkspaceModel();
  readonly service: LanguageService;
  private readonly documents = new Map<string, TextDocument>();

  constructor(files: Record<string, string>) {
    this.model.setRoots([ROOT]);
    this.service = getLanguageService({ carriers: this.model });
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    const uri = ROOT + path;
    const languageId = knowledge.languageForFile(path) ?? 'plaintext';
    const before = this.documents.get(uri);
    this.documents.set(uri, TextDocument.create(uri, languageId, (before?.version ?? 0) + 1, text));
    this.model.update(uri, text, languageId);
  }

  document(path: string): TextDocument {
    const doc = this.documents.get(ROOT + path);
    if (!doc) throw new Error(`no file ${path}`);
    return doc;
  }

  diagnostics(path: string): Diagnostic[] {
    return this.service.doValidation(this.document(path), defaultSettings());
  }

  /** Each finding as `ruleId: flagged text`. */
  findings(path: string): string[] {
    const doc = this.document(path);
    return this.diagnostics(path).map((d) => `${d.code}: ${doc.getText(d.range)}`);
  }

  /** The hover at the first occurrence of `at` in the file (plus `offset` characters into it). */
  hover(path: string, at: string, offset = 1): string | undefined {
    const doc = this.document(path);
    const index = doc.getText().indexOf(at);
    if (index < 0) throw new Error(`no "${at}" in ${path}`);
    const hover = this.service.doHover(doc, doc.positionAt(index + offset));
    return hover ? (hover.contents as { value: string }).value : undefined;
  }

  actions(path: string): CodeAction[] {
    const own = this.diagnostics(path);
    return this.service.doCodeActions(this.document(path), own, own);
  }

  /** The text of a file after a code action's edits. */
  apply(path: string, action: CodeAction): string {
    const doc = this.document(path);
    const edits = action.edit?.changes?.[doc.uri];
    if (!edits) throw new Error(`action "${action.title}" has no edit`);
    return TextDocument.applyEdits(doc, edits);
  }
}

/**
 * The project rules' navigation in the editor, over the open documents: until the workspace model (issue 16)
 * indexes the whole project, a ProjectIndex of the open handlers and specs answers the hover line ("declared
 * in openapi.yaml, GET /orders/{id}"), go to definition from a handler's status to the response key, and find
 * references from a response key to the handler sites. Rebuilt only when an open document changes; large
 * documents stay out (their requests must stay within the latency budget).
 */
import type { Definition, Diagnostic, Hover, Location, TextDocumentPositionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectIndex } from '../routes';
import {
  type LanguageService,
  STALE_MIN_SIZE,
  type Settings,
  projectDefinition,
  projectHover,
  projectReferences,
  textLength,
} from '../service';

export class OpenProject {
  private index: ProjectIndex | undefined;
  private key = '';

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
  ) {}

  /** The facts of the open documents, or undefined when they hold no route and spec to join. */
  private facts(): ProjectIndex | undefined {
    const open = this.documents.all().filter((d) => textLength(d) < STALE_MIN_SIZE && this.service.languageOf(d) !== undefined);
    const key = open.map((d) => `${d.uri}@${d.version}`).join('\n');
    if (key !== this.key) ((this.key = key), (this.index = new ProjectIndex(this.service, open)));
    return this.index?.joinable ? this.index : undefined;
  }

  /** status-not-in-spec (and spec-status-never-returned when on) for an open document. */
  diagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    const facts = textLength(document) < STALE_MIN_SIZE ? this.facts() : undefined;
    return facts && facts.document(document.uri) ? this.service.doProjectValidation(document, facts, settings) : [];
  }

  /** Whether a change to one open document can change the project diagnostics of the others. */
  joinsOthers(): boolean {
    return this.facts() !== undefined;
  }

  /** The hover with the project's line added under the status explanation. */
  hover(hover: Hover | null, params: TextDocumentPositionParams): Hover | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const line = facts && projectHover(document.uri, document.offsetAt(params.position), facts);
    if (!line) return hover;
    if (!hover) return { contents: { kind: 'markdown', value: line } };
    const contents = hover.contents as { kind?: string; value?: string };
    return typeof contents.value === 'string' ? { ...hover, contents: { kind: 'markdown', value: `${contents.value}\n\n---\n\n${line}` } } : hover;
  }

  definition(params: TextDocumentPositionParams): Definition | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const found = facts ? projectDefinition(document.uri, document.offsetAt(params.position), facts) : [];
    return found.length > 0 ? found : null;
  }

  references(params: TextDocumentPositionParams): Location[] | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const found = facts ? projectReferences(document.uri, document.offsetAt(params.position), facts) : [];
    return found.length > 0 ? found : null;
  }
}

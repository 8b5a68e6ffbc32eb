/**
 * The project rules' navigation in the editor, over the open documents: until the workspace model (issue 16)
 * indexes the whole project, a ProjectIndex of the open handlers and specs answers the hover line ("declared
 * in openapi.yaml, GET /orders/{id}"), go to definition from a handler's status to the response key, and find
 * references from a response key to the handler sites. Rebuilt only when an open document changes; large
 * documents stay out (their requests must stay within the latency budget).
 */
import type { Definition, Diagnostic, Hover, Location, TextDocumentPositionParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isLarge } from '../large';
import { type FileRead, ProjectIndex, joins, readFile } from '../routes';
import {
  type LanguageService,
  type Settings,
  projectDefinition,
  projectHover,
  projectReferences,
} from '../service';

export class OpenProject {
  private index: ProjectIndex | undefined;
  private stale = true;
  /** Each open document's read, for its version: a rebuild reads only what changed. */
  private readonly reads = new Map<string, { version: number; read: FileRead }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    /** Where a fault of the join is reported, once (the server's log). */
    private readonly report: (message: string) => void,
  ) {}

  /**
   * An open document changed, opened or closed. Returns whether the others' project diagnostics may change
   * with it: it takes part in a join (a spec, routes, mounts) now or did before.
   */
  changed(document: TextDocument, closed = false): boolean {
    const before = this.reads.get(document.uri);
    const took = before !== undefined && joins(before.read);
    // Dropped now, rebuilt on the next request: a closed document must not stay alive in an old index.
    ((this.stale = true), (this.index = undefined));
    if (closed) return this.reads.delete(document.uri) && took;
    return took || joins(this.readOf(document));
  }

  private readOf(document: TextDocument): FileRead {
    const cached = this.reads.get(document.uri);
    if (cached?.version === document.version) return cached.read;
    const read = !isLarge(document) ? readFile(document, this.service) : ({ kind: 'none' } as const);
    this.reads.set(document.uri, { version: document.version, read });
    return read;
  }

  /** The facts of the open documents, or undefined when they hold no route and spec to join (or the join failed). */
  private facts(): ProjectIndex | undefined {
    try {
      return this.build();
    } catch (error) {
      if (!this.faultReported)
        this.report(`Joining handlers and specs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.faultReported = true;
      return undefined;
    }
  }

  private faultReported = false;

  private build(): ProjectIndex | undefined {
    if (this.stale) {
      // Every open document: a controller without routes holds the handlers that routes.rb or a router names.
      const open = this.documents.all().filter((d) => this.readOf(d).kind !== 'none');
      this.index = new ProjectIndex(this.service, open, (d) => this.readOf(d as TextDocument));
      this.stale = false;
    }
    return this.index?.joinable ? this.index : undefined;
  }

  /** status-not-in-spec (and spec-status-never-returned when on) for an open document. */
  diagnostics(document: TextDocument, settings: Settings): Diagnostic[] {
    const facts = !isLarge(document) ? this.facts() : undefined;
    return facts && facts.document(document.uri) ? this.service.doProjectValidation(document, facts, settings) : [];
  }

  /** The hover with the project's line added under the status explanation. */
  hover(hover: Hover | null, params: TextDocumentPositionParams): Hover | null {
    const document = this.documents.get(params.textDocument.uri);
    const facts = document && this.facts();
    const line = facts && projectHover(document.uri, document.offsetAt(params.position), facts);
    if (!line) return hover;
    if (!hover) return { contents: { kind: 'markdown', value: line } };
    const contents = hover.contents as { kind?: string; value?: string };
    return typeof contents.value === 'string'
      ? { ...hover, contents: { kind: 'markdown', value: `${contents.value}\n\n---\n\n${line}` } }
      : hover;
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

/**
 * Status codes in OpenAPI 3.x and Swagger 2.0 specs, YAML or JSON. Reads the outline events once and
 * follows only the paths the features need: the response keys of every operation (paths, webhooks,
 * callbacks, components.pathItems, 3.2's additionalOperations), what each response says, and what marks the
 * operation as a step in a dependency chain. A file without an `openapi` or `swagger` root key is not a
 * spec and gets nothing.
 */
import * as knowledge from '../../../knowledge';
import { type DocumentLike, type ResponsesSlot, type ScannedDocument, type Scope, type StatusSite, scanWithSiteTable } from '../../model';
import { IntRun } from '../../intRun';
import { DISABLE_NEXT_LINE, Suppressions } from '../suppressions';
import { type OutlineVisitor, visitJson, visitJsonOutline, visitLfYaml } from '../../outline';
import { type KeyContext, ResponseKeyTable } from './responseKey';

const enum Role {
  Other,
  Root,
  Components,
  PathItems,
  PathItem,
  AdditionalOperations,
  Operation,
  Callbacks,
  Tags,
  Responses,
  Response,
  NamedResponses,
  NamedResponse,
  IgnoreList,
  RequestBody,
  Content,
  MediaType,
  Schema,
  Parameters,
  Parameter,
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const IGNORE_KEY = 'x-http-status-lens-ignore';

interface Frame {
  role: Role;
  start: number;
  /** The key this container is the value of (and where that key starts); undefined for array items and roots. */
  key: string | undefined;
  keyOffset: number;
  isArray: boolean;
  /** YAML: inside a flow collection (`{...}`, `[...]`), the only place where a key can follow a multi-line scalar on its line. */
  flow: boolean;
  operation?: OperationScope;
  /** A response object's frame: the site of its key (its row in the table; NO_SITE for a key that has none). */
  response?: number;
  slot?: ResponsesSlot;
  /** JSON: the spans of the slot's response objects, as they are read. */
  spans?: IntRun;
  /** The frame's region, whose end is set when it closes. */
  region?: Region;
}

/**
 * A container an edit inside which is re-scanned alone (incremental.ts): a top-level operation
 * (`"get": {...}`, `get:` with its keys below), with what puts it in context, or a container nothing is read
 * from outside every operation (a schema, an example), which only has to stay one whole value.
 * JSON: from its `{` or `[` to after its `}` or `]`. YAML: a block collection that starts its line, from
 * its first key or `-` to the start of the next line with content (its next sibling, or an ancestor's),
 * so that its trailing blank and comment lines are in it and the sibling's indentation is outside.
 */
export interface Region {
  start: number;
  end: number;
  operation?: {
    /** The path item's key (`/orders/{id}`) and the operation's (`get`). */
    pathKey: string;
    method: string;
    /** The operation is one of 3.2's `additionalOperations`. */
    additional: boolean;
    /** YAML: the column of the operation's key (an empty `responses:` is indented from it). */
    keyColumn?: number;
  };
  /** YAML: a block sequence (a `-` after the first character can turn a mapping into one). */
  seq?: boolean;
  /** YAML: its line breaks (the comment places of the sites after it move by their change). */
  lines?: number;
}

class OperationScope implements Scope {
  readonly texts: string[] = [];
  private cachedWords: string[] | undefined;
  readonly codes = new Set<number>();
  /** Each key once: a one-line map of 200,000 responses listed as many (completion and fixes ask which are there). */
  readonly responses = { keys: [] as string[] };
  private readonly keysSeen = new Set<string>();
  /** What the sites of its response keys share. */
  keyContext: KeyContext | undefined;
  webdavMethod?: string;
  arrayOfOperations?: boolean;
  method: string | undefined;
  ignored: string[] = [];
  /** Swagger 2.0 body parameter being read. */
  bodyParameter?: { isBody: boolean; isArray: boolean };

  addKey(key: string): void {
    if (this.keysSeen.has(key)) return;
    this.keysSeen.add(key);
    this.responses.keys.push(key);
  }

  words(): readonly string[] {
    this.cachedWords ??= this.texts.flatMap((text) => knowledge.toWords(text));
    return this.cachedWords;
  }
}

/** A response's ignore extension: its rule ids, and where the list stands. */
interface ResponseIgnore {
  ids: string[];
  range?: { start: number; end: number };
}

/** `text` is the document's text with lone CRs read as LFs (lines.ts). */
export function scanOpenApi(document: DocumentLike, text: string, isYaml: boolean): ScannedDocument {
  const suppressions = new Suppressions(document, text);
  const extractor = new Extractor(text, suppressions, !isYaml);
  const visit = isYaml ? visitLfYaml : visitJson;
  visit(text, extractor);
  const table = extractor.finish();
  if (!extractor.isSpec) return { kind: 'none', sites: [] };
  suppressions.apply(table, isYaml ? '#' : undefined);
  const scanned = scanWithSiteTable({ kind: 'openapi', slots: extractor.slots, syntaxErrors: extractor.syntaxErrors }, table);
  if (extractor.regionsHold()) {
    // A YAML region's sites after it keep their comment places by line.
    if (isYaml)
      for (const region of extractor.regions) region.lines = document.positionAt(region.end).line - document.positionAt(region.start).line;
    rememberRegions(scanned, { regions: extractor.regions, namedResponses: extractor.namedResponses, eol: suppressions.eol, isYaml });
  }
  return scanned;
}

/** What a spec's re-scan of one region needs from the scan of the whole. */
export interface SpecRegions {
  /** In document order, none inside another. */
  regions: Region[];
  namedResponses: ReadonlyMap<string, string>;
  eol: string;
  isYaml: boolean;
}

/** Kept beside the scan, not in it: a frozen scan (service/frozenScan.ts) has no use for them. */
const regionsOf = new WeakMap<ScannedDocument, SpecRegions>();

export function rememberRegions(scanned: ScannedDocument, regions: SpecRegions): void {
  regionsOf.set(scanned, regions);
}

export function regionsIn(scanned: ScannedDocument): SpecRegions | undefined {
  return regionsOf.get(scanned);
}

/**
 * Reads one region of a spec alone, in its context (the operation's path item, or a container nothing is
 * read from): `text` holds it from the start of its line (so columns are as in the document) to its end,
 * its `{`, `[`, first key or `-` at `from`. Offsets and lines are the text's. Undefined unless it reads as
 * that one region, whole, with nothing that could read differently in its document (an inert region gives
 * no sites or slots):
 * - JSON: no syntax error, no comment (which could silence a line of another operation);
 * - YAML: no syntax error (a line less indented than the region's first ends it, as in its document, and is
 *   one here), one document, no alias, no flow collection over several lines, no disable comment (nor a site
 *   on the first line, which a comment before it could silence). Its lines are all indented more than the
 *   next sibling's, so nothing in it (a plain or block scalar) can take that line in.
 */
export function scanRegion(
  text: string,
  from: number,
  region: Region,
  regions: SpecRegions,
  document: DocumentLike,
): { sites: StatusSite[]; slots: ResponsesSlot[]; region: Region } | undefined {
  const isYaml = regions.isYaml;
  if (isYaml && text.includes(DISABLE_NEXT_LINE)) return undefined;
  const lineStart = region.start - from;
  const firstLine = document.positionAt(region.start).line;
  const local = isYaml ? linesFrom(document, text, lineStart, firstLine) : document;
  const suppressions = new Suppressions(local, isYaml ? text : '', regions.eol);
  const extractor = new Extractor(text, suppressions, !isYaml);
  extractor.seed(region.operation, regions.namedResponses);
  if (isYaml) visitLfYaml(text, extractor);
  else visitJsonOutline(text, extractor, from);
  const table = extractor.finish();
  const sites = Array.from({ length: table.length }, (_, i) => table.site(i));
  const read = extractor.regions;
  if (read.length !== 1 || read[0].start !== from || read[0].end !== text.length || !extractor.regionsHold()) return undefined;
  if (isYaml) {
    const lf = text.indexOf('\n');
    const firstLineEnd = lf < 0 ? text.length : lf;
    if (read[0].seq !== region.seq || extractor.multilineFlows > 0 || (sites.length > 0 && sites[0].start < firstLineEnd)) return undefined;
    suppressions.apply(sites, '#');
    read[0].lines = local.positionAt(text.length).line;
  }
  return { sites, slots: extractor.slots, region: read[0] };
}

/**
 * The region's text as a document of its own whose lines are the document's from `firstLine`: the same line
 * breaks as the document counts them (TextDocument splits a CR LF typed in two edits into two lines).
 */
function linesFrom(document: DocumentLike, text: string, lineStart: number, firstLine: number): DocumentLike {
  return {
    uri: document.uri,
    languageId: document.languageId,
    version: document.version,
    getText: () => text,
    positionAt(offset) {
      const position = document.positionAt(lineStart + offset);
      return { line: position.line - firstLine, character: position.character };
    },
    offsetAt: (position) => document.offsetAt({ line: position.line + firstLine, character: position.character }) - lineStart,
  };
}

class Extractor implements OutlineVisitor {
  isSpec = false;
  /** Recoverable syntax problems the outline reader met (the spec is still read as far as it goes). */
  syntaxErrors = 0;
  private documentIsSpec = false;
  private documentStart = { sites: 0, slots: 0 };
  readonly slots: ResponsesSlot[] = [];
  private readonly sites = new ResponseKeyTable();
  /** The last response key read (its site's row, or NO_SITE), whose object may open next. */
  private lastResponse: number | undefined;
  /** The responses that are a `$ref`, with it: their descriptions are looked up once every named response is read. */
  private readonly refs: [number, string][] = [];
  /** The responses with an ignore extension of their own, by row (few: not a column of the table). */
  private readonly ignores = new Map<number, ResponseIgnore>();
  readonly namedResponses = new Map<string, string>();
  readonly regions: Region[] = [];
  comments = 0;
  /** YAML: what a region cannot be re-read alone with (scanRegion). */
  private aliases = 0;
  private documents = 0;
  multilineFlows = 0;
  /** A region is open (a YAML region's containers are read, and none of them is a region of its own). */
  private inRegion = false;
  /** Reading one region alone (scanRegion): the document around it is not read. */
  private seeded = false;
  private seededKeyColumn = 0;
  private stack: Frame[] = [];
  private key: string | undefined;
  private keyOffset = 0;
  private readonly lines: LineIndents;
  /** The operation being read (innermost; callbacks nest operations). */
  private operations: OperationScope[] = [];

  constructor(
    private readonly text: string,
    private readonly suppressions: Suppressions,
    private readonly isJson: boolean,
  ) {
    this.lines = new LineIndents(text);
  }

  onDocumentBegin(): void {
    this.documents++;
    if (this.seeded) return;
    this.endDocument();
    this.stack = [];
    this.key = undefined;
  }

  /** A YAML stream can mix specs with other documents: keep what was found only in the spec documents. */
  private endDocument(): void {
    if (!this.documentIsSpec) {
      const kept = this.documentStart.sites;
      this.sites.truncate(kept);
      // What was read of the dropped rows must not be given to the rows that take their places.
      for (let i = this.refs.length - 1; i >= 0 && this.refs[i][0] >= kept; i--) this.refs.pop();
      for (const row of this.ignores.keys()) if (row >= kept) this.ignores.delete(row);
      this.slots.length = this.documentStart.slots;
    }
    this.isSpec ||= this.documentIsSpec;
    this.documentIsSpec = false;
    this.documentStart = { sites: this.sites.length, slots: this.slots.length };
  }

  onObjectProperty(key: string, offset: number, length: number): void {
    if (this.top()?.flow) this.suppressions.addToken(offset, offset + length);
    this.key = key;
    this.keyOffset = offset;
    const top = this.top();
    if (top?.role === Role.Responses && top.operation) this.responseKey(key, offset, length, top.operation);
  }

  onObjectBegin(offset: number): boolean {
    return this.begin(offset, false);
  }

  onArrayBegin(offset: number): boolean {
    return this.begin(offset, true);
  }

  /**
   * False (skip its contents) for a container nothing is read from: a schema, an example, most of a spec.
   * The JSON reader then makes no event and no string inside it. The first such container under what is
   * read (`components.schemas`, `info`) is read for its keys, so that each of its entries is a region of
   * its own, re-scanned alone when edited. The YAML reader has no skip (and its flow collections' tokens
   * are needed for suppressions).
   */
  private begin(offset: number, isArray: boolean): boolean {
    const parent = this.top()?.role;
    const role = this.push(offset, isArray);
    if (role !== Role.Other || parent !== Role.Other) return true;
    const frame = this.top()!;
    if (this.operations.length === 0 && this.opensRegion(offset, frame.flow))
      this.openRegion(frame, isArray && !this.isJson ? { start: offset, end: -1, seq: true } : { start: offset, end: -1 });
    return !this.isJson;
  }

  /**
   * A container here can be a region: in JSON any (none opens inside another, whose contents are skipped
   * or read as an operation's); in YAML a block collection that starts its line (its column and kind then
   * show in its first line), not inside another region.
   */
  private opensRegion(offset: number, flow: boolean): boolean {
    if (this.isJson) return true;
    if (this.inRegion || flow) return false;
    // Only spaces before it on its line, and at least one (the line walk of LineIndents would cost a pass over every schema).
    let at = offset - 1;
    while (at >= 0 && this.text.charCodeAt(at) === 32) at--;
    return at < offset - 1 && (at < 0 || this.text.charCodeAt(at) === 10);
  }

  private openRegion(frame: Frame, region: Region): void {
    frame.region = region;
    this.regions.push(region);
    this.inRegion = true;
  }

  /** The regions found can be re-scanned alone (scanRegion says the rest of what holds for one region). */
  regionsHold(): boolean {
    if (this.syntaxErrors > 0) return false;
    return this.isJson ? this.comments === 0 : this.aliases === 0 && this.documents === 1;
  }

  onObjectEnd(offset: number): void {
    this.pop(offset);
  }

  onArrayEnd(offset: number): void {
    this.pop(offset);
  }

  onLiteralValue(value: string, offset: number, length: number): void {
    const top = this.top();
    if (top?.flow) this.suppressions.addToken(offset, offset + length);
    const key = this.takeKey();
    if (!top) return;
    switch (top.role) {
      case Role.Root:
        if ((key === 'openapi' && value.startsWith('3')) || (key === 'swagger' && value.startsWith('2'))) this.documentIsSpec = true;
        break;
      case Role.Operation:
        if (key === 'operationId' || key === 'summary' || key === 'description') top.operation?.texts.push(value);
        // `responses:` with nothing under it yet: keys go one step deeper than `responses`.
        else if (key === 'responses' && value === '' && top.operation && !this.isJson) {
          const column = this.column(this.keyOffset);
          const unit = Math.max(1, column - this.keyColumn(top));
          this.slots.push(this.newSlot(offset, top.operation, column + unit, ' '.repeat(unit)));
        }
        break;
      case Role.Tags:
        top.operation?.texts.push(value);
        break;
      case Role.Response:
        if (top.response === NO_SITE) break;
        if (key === 'description') this.sites.describe(top.response!, value, offset, length);
        else if (key === '$ref') this.refs.push([top.response!, value]);
        break;
      case Role.NamedResponse:
        if (key === 'description' && top.key !== undefined) this.namedResponses.set(top.key, value);
        break;
      case Role.IgnoreList: {
        const owner = this.stack[this.stack.length - 2];
        const response = owner?.response;
        const list = response !== undefined ? (response === NO_SITE ? undefined : this.ignoresOf(response).ids) : owner?.operation?.ignored;
        list?.push(value);
        break;
      }
      case Role.Schema:
        if (key === 'type' && value === 'array') {
          const operation = this.operations[this.operations.length - 1];
          if (operation?.bodyParameter) operation.bodyParameter.isArray = true;
          else if (operation) operation.arrayOfOperations = true;
        }
        break;
      case Role.Parameter:
        if (key === 'in' && value === 'body' && top.operation?.bodyParameter) top.operation.bodyParameter.isBody = true;
        break;
    }
  }

  onAlias(): void {
    this.aliases++;
    this.key = undefined;
  }

  onComment(offset: number, length: number): void {
    this.comments++;
    this.suppressions.addComment(this.text, offset, offset + length);
  }

  onError(): void {
    this.syntaxErrors++;
  }

  /**
   * Puts the reader where a region begins: the value of `operation.method` in its path item, or a container
   * nothing is read from.
   */
  seed(operation: Region['operation'], namedResponses: ReadonlyMap<string, string>): void {
    const frame = (role: Role, key: string | undefined): Frame => ({ role, start: -1, key, keyOffset: -1, isArray: false, flow: false });
    if (operation) {
      this.stack = [frame(Role.PathItem, operation.pathKey)];
      if (operation.additional) this.stack.push(frame(Role.AdditionalOperations, 'additionalOperations'));
      this.key = operation.method;
      this.seededKeyColumn = operation.keyColumn ?? 0;
    } else this.stack = [frame(Role.Other, undefined)];
    this.keyOffset = -1;
    this.documentIsSpec = true;
    this.seeded = true;
    for (const [name, description] of namedResponses) this.namedResponses.set(name, description);
  }

  /** The sites, in order of their start. */
  finish(): ResponseKeyTable {
    this.endDocument();
    const sites = this.sites;
    for (const [row, ref] of this.refs) {
      const description = this.namedResponses.get(decodeRef(ref.slice(ref.lastIndexOf('/') + 1)));
      if (description !== undefined) {
        const site = sites.site(row);
        site.note = description;
        if (!site.message) site.message = description;
      }
    }
    for (let row = 0; row < sites.length; row++) {
      const own = this.ignores.get(row);
      const operationIgnores = (sites.contextOf(row).scope as OperationScope).ignored;
      if (!own && operationIgnores.length === 0) continue;
      const ignored = [...(own?.ids ?? []), ...operationIgnores];
      const site = sites.site(row);
      if (ignored.length > 0) site.suppressed = new Set(ignored);
      if (own?.range) site.existing = { ...own.range, ids: own.ids };
    }
    sites.sortByStart();
    return sites;
  }

  private ignoresOf(row: number): ResponseIgnore {
    let ignore = this.ignores.get(row);
    if (!ignore) this.ignores.set(row, (ignore = { ids: [] }));
    return ignore;
  }

  private responseKey(read: string, offset: number, length: number, operation: OperationScope): void {
    const code = /^[0-9]{3}$/.test(read) ? Number(read) : undefined;
    const key = code === undefined ? read : oneCopy(read);
    const raw = this.text.slice(offset, offset + length);
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    const quote = quoted ? (raw[0] as "'" | '"') : '';
    const start = quoted ? offset + 1 : offset;
    // A key written with escapes ("\u0034\u00324") or cut short by a missing quote is not its own token: its
    // range, and a fix's edit, would land on the wrong text. It is read as a response, but gets no site.
    const asWritten = (quoted ? raw.slice(1, -1) : raw) === key;
    if (key.startsWith('x-')) return;
    if (code !== undefined) operation.codes.add(code);
    const first = operation.responses.keys.length === 0;
    operation.addKey(key);
    // In JSON, a suppression is an `x-http-status-lens-ignore` member of the response object, indented one step in.
    const indent = this.isJson ? memberIndent(this.lines.indentAt(offset)) : '';
    operation.keyContext ??= { text: this.text, json: this.isJson, eol: this.suppressions.eol, scope: operation, indent };
    this.lastResponse = asWritten ? this.sites.add(operation.keyContext, code, start, start + key.length, indent) : NO_SITE;
    const slot = this.top()?.slot;
    if (slot && slot.scope === operation && first) slot.quote = quote;
  }

  /** The role of a container about to open, from its parent's role and its key. */
  private childRole(parent: Frame | undefined, key: string | undefined): Role {
    if (!parent) return Role.Root;
    switch (parent.role) {
      case Role.Root:
        if (key === 'paths' || key === 'webhooks' || key === 'x-ms-paths') return Role.PathItems;
        if (key === 'components') return Role.Components;
        if (key === 'responses') return Role.NamedResponses;
        return Role.Other;
      case Role.Components:
        if (key === 'responses') return Role.NamedResponses;
        if (key === 'pathItems') return Role.PathItems;
        if (key === 'callbacks') return Role.Callbacks;
        return Role.Other;
      case Role.Callbacks:
        return Role.PathItems;
      case Role.PathItems:
        return key === undefined ? Role.Other : Role.PathItem;
      case Role.PathItem:
        if (key === 'additionalOperations') return Role.AdditionalOperations;
        return key !== undefined && methods.has(key) ? Role.Operation : Role.Other;
      case Role.AdditionalOperations:
        return key === undefined ? Role.Other : Role.Operation;
      case Role.Operation:
        switch (key) {
          case 'responses':
            return Role.Responses;
          case 'tags':
            return Role.Tags;
          case 'callbacks':
            return Role.Callbacks;
          case 'requestBody':
            return Role.RequestBody;
          case 'parameters':
            return Role.Parameters;
          case IGNORE_KEY:
            return Role.IgnoreList;
        }
        return Role.Other;
      case Role.Responses:
        return key === undefined || key.startsWith('x-') ? Role.Other : Role.Response;
      case Role.Response:
        return key === IGNORE_KEY ? Role.IgnoreList : Role.Other;
      case Role.NamedResponses:
        return key === undefined ? Role.Other : Role.NamedResponse;
      case Role.RequestBody:
        return key === 'content' ? Role.Content : Role.Other;
      case Role.Content:
        return Role.MediaType;
      case Role.MediaType:
        return key === 'schema' ? Role.Schema : Role.Other;
      case Role.Parameters:
        return Role.Parameter;
      case Role.Parameter:
        return key === 'schema' ? Role.Schema : Role.Other;
      default:
        return Role.Other;
    }
  }

  /** Opens a frame; returns its role. */
  private push(offset: number, isArray: boolean): Role {
    const parent = this.top();
    const key = this.takeKey();
    const role = this.childRole(parent, key);
    const c = this.text.charCodeAt(offset);
    const flow = !this.isJson && (parent?.flow === true || c === 123 || c === 91);
    const frame: Frame = { role, start: offset, key, keyOffset: this.keyOffset, isArray, flow, operation: parent?.operation };
    if (role === Role.Operation) {
      const operation = new OperationScope();
      const pathItem = this.stack[this.stack.length - (parent?.role === Role.AdditionalOperations ? 2 : 1)];
      if (pathItem?.key) operation.texts.push(pathItem.key);
      const method = key ?? '';
      if (knowledge.webdavMethods.has(method.toUpperCase())) operation.webdavMethod = method.toUpperCase();
      operation.method = method || undefined;
      frame.operation = operation;
      if (
        this.operations.length === 0 &&
        !isArray &&
        pathItem?.key !== undefined &&
        key !== undefined &&
        this.opensRegion(offset, frame.flow)
      ) {
        const additional = parent?.role === Role.AdditionalOperations;
        const operation = { pathKey: pathItem.key, method: key, additional, ...(this.isJson ? {} : { keyColumn: this.keyColumn(frame) }) };
        this.openRegion(frame, { start: offset, end: -1, operation });
      }
      this.operations.push(operation);
    } else if (role === Role.Responses && frame.operation && !isArray) {
      // YAML block keys start at the first key; JSON keys sit one indentation step inside the `{`.
      const responsesColumn = this.column(frame.keyOffset);
      const keyColumn = this.isJson ? this.column(this.lineIndentEnd(frame.keyOffset)) + 2 : this.column(offset);
      const unit = Math.max(1, keyColumn - (this.isJson ? this.column(this.lineIndentEnd(frame.keyOffset)) : responsesColumn));
      frame.slot = this.newSlot(offset, frame.operation, keyColumn, ' '.repeat(unit));
      this.slots.push(frame.slot);
      if (this.isJson) frame.spans = new IntRun();
    } else if (role === Role.Response) {
      const response = this.lastResponse;
      if (response !== undefined) {
        if (response !== NO_SITE) this.sites.objectStarts.set(response, offset);
        frame.response = response;
      }
    } else if (role === Role.Parameter && frame.operation) {
      frame.operation.bodyParameter = { isBody: false, isArray: false };
    }
    this.stack.push(frame);
    return role;
  }

  private pop(offset: number): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const owner = this.top();
    if (frame.slot) frame.slot.end = this.isJson ? offset : Math.max(frame.slot.end, offset);
    if (frame.slot && frame.spans) spansWhenRead(frame.slot, frame.spans);
    if (frame.role === Role.Response) owner?.spans?.push(frame.start).push(offset + 1);
    if (frame.role === Role.IgnoreList && owner?.response !== undefined && owner.response !== NO_SITE)
      this.ignoresOf(owner.response).range = { start: frame.start, end: offset + 1 };
    if (frame.role === Role.Operation) this.operations.pop();
    // Only a region read alone asks (a whole scan of a one-line flow document would search its line at each one).
    if (this.seeded && frame.flow && !owner?.flow) {
      const lf = this.text.indexOf('\n', frame.start);
      if (lf >= 0 && lf < offset) this.multilineFlows++;
    }
    if (frame.region) {
      frame.region.end = this.isJson ? offset + 1 : this.nextContentLine(offset);
      this.inRegion = false;
    }
    if (frame.role === Role.Parameter && frame.operation?.bodyParameter) {
      const body = frame.operation.bodyParameter;
      if (body.isBody && body.isArray) frame.operation.arrayOfOperations = true;
      frame.operation.bodyParameter = undefined;
    }
    this.key = undefined;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private newSlot(start: number, operation: OperationScope, keyColumn: number, indentUnit: string): ResponsesSlot {
    return {
      kind: 'responses',
      start,
      end: start,
      json: this.isJson,
      keyColumn,
      indentUnit,
      quote: this.isJson ? '"' : "'",
      scope: operation,
      method: operation.method?.toLowerCase(),
      responseSpans: NO_SPANS,
    };
  }

  /** The column of a frame's key; a region read alone has its operation's key before its text. */
  private keyColumn(frame: Frame): number {
    return frame.keyOffset < 0 ? this.seededKeyColumn : this.column(frame.keyOffset);
  }

  /** YAML: the start of the first line after `offset`'s with content other than blanks and a comment, or the text's end. */
  private nextContentLine(offset: number): number {
    const text = this.text;
    for (let lf = text.indexOf('\n', offset); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
      let at = lf + 1;
      while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
      const c = text.charCodeAt(at);
      if (at < text.length && c !== 10 && c !== 13 && c !== 35) return lf + 1;
    }
    return text.length;
  }

  /** The column of an offset (characters since the line start). */
  private column(offset: number): number {
    return offset - this.lines.lineStartAt(offset);
  }

  /** The offset of the first non-blank character of the line holding `offset`. */
  private lineIndentEnd(offset: number): number {
    let at = this.lines.lineStartAt(offset);
    while (this.text[at] === ' ' || this.text[at] === '\t') at++;
    return at;
  }

  /** The key the next value belongs to; array items have none. */
  private takeKey(): string | undefined {
    const key = this.top()?.isArray ? undefined : this.key;
    this.key = undefined;
    return key;
  }
}

/** The row of a response key that gets no site (written with escapes, cut short): what is read of its response is dropped. */
const NO_SITE = -1;

/** One copy of each three-digit key for all specs: a spec of 200,000 responses held as many copies of a few. */
const codeKeys = new Map<string, string>();
function oneCopy(key: string): string {
  const kept = codeKeys.get(key);
  if (kept !== undefined) return kept;
  codeKeys.set(key, key);
  return key;
}

function decodeRef(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A member's indentation inside an object whose key is indented by `indent`: one copy of each for all sites. */
const memberIndents = new Map<string, string>();
function memberIndent(indent: string): string {
  let inside = memberIndents.get(indent);
  if (inside === undefined) {
    inside = indent + (indent.includes('\t') ? '\t' : '  ');
    // Indentations are few; a pathological file of many is not kept from (the map stays small).
    if (memberIndents.size < 1024) memberIndents.set(indent, inside);
  }
  return inside;
}

const NO_SPANS = new Int32Array(0);

/**
 * A slot's spans made into one array when first read (completion, a re-scan): a scan read only for its findings
 * (the CLI's) never copies them, which left the blocks behind until V8's next full collection (7 MB on a
 * one-line spec of 860,000 responses).
 */
function spansWhenRead(slot: ResponsesSlot, spans: IntRun): void {
  Object.defineProperty(slot, 'responseSpans', {
    get: () => {
      const all = spans.finish();
      Object.defineProperty(slot, 'responseSpans', { value: all, writable: true, enumerable: true, configurable: true });
      return all;
    },
    enumerable: true,
    configurable: true,
  });
}

/**
 * The indentation of the line holding an offset, for offsets asked in increasing order: amortised linear.
 * Walking back to the line start for every key was quadratic on a minified spec (one line, many responses).
 */
class LineIndents {
  private lineStart = 0;
  /** The first LF at or after lineStart (the current line's end); -1 when none is. */
  private lineEnd: number;
  private indentOf = -1;
  private indent = '';

  constructor(private readonly text: string) {
    this.lineEnd = text.indexOf('\n');
  }

  /** The start of the line holding an offset. */
  lineStartAt(offset: number): number {
    // Later lines are found by indexOf, from one LF to the next (a character loop was 18 ms of a 13 MB spec's scan).
    while (this.lineEnd >= 0 && this.lineEnd < offset) {
      this.lineStart = this.lineEnd + 1;
      this.lineEnd = this.text.indexOf('\n', this.lineStart);
    }
    // An earlier offset on the current line (one line of a minified spec) needs no walk back.
    return offset >= this.lineStart ? this.lineStart : this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  indentAt(offset: number): string {
    const lineStart = this.lineStartAt(offset);
    if (lineStart !== this.indentOf) {
      let end = lineStart;
      while (this.text[end] === ' ' || this.text[end] === '\t') end++;
      this.indent = this.text.slice(lineStart, end);
      this.indentOf = lineStart;
    }
    return this.indent;
  }
}

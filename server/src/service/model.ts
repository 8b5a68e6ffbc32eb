/**
 * The scanned model: what scanners produce and every feature consumes.
 * Scanners are the only code that decides "this is a status code"; features never re-read the text.
 */
import type { Carrier } from './carriers';

/** How to write a different status code at a site, in the site's own style. */
export type Spelling =
  | { kind: 'number' }
  /** The application's own error type or helper named after the status (`FailedDependencyException`). */
  | { kind: 'named' }
  /** An OpenAPI response key; quote is the quote character around it, or '' for a bare key. */
  | { kind: 'key'; quote: '' | "'" | '"' }
  /** A framework constant or symbol (`qualifier + separator + member`); scheme names its table in data/spellings.json. */
  | {
      kind: 'constant';
      scheme: string;
      qualifier: string;
      separator: string;
      /**
       * A bare class imported by name (`from werkzeug.exceptions import FailedDependency`): how to import another
       * member of its module (`before + member + after` at `offset`), and the names already imported from it.
       */
      import?: { offset: number; before: string; after: string; present: string[] };
    }
  /** A carrier of the project (issue 16: `throw new FailedDependencyException(...)`), by its name. */
  | { kind: 'carrier'; name: string };

/** The spellings with nothing of the site in them, one object each for all sites (never changed). */
export const NUMBER_SPELLING: Spelling = { kind: 'number' };
/** The application's own type or helper named after the status (`FailedDependencyException`): no code can replace it. */
export const NAMED_SPELLING: Spelling = { kind: 'named' };
export const KEY_SPELLINGS: Record<'' | "'" | '"', Spelling> = {
  '': { kind: 'key', quote: '' },
  "'": { kind: 'key', quote: "'" },
  '"': { kind: 'key', quote: '"' },
};

/**
 * The surroundings of a site that decide whether a status code fits: shared by every site of one
 * OpenAPI operation or one source-code handler.
 */
export interface Scope {
  /** The words of the texts that can mark a dependency chain: path, operationId, summary, tags, handler name, comments. */
  words(): readonly string[];
  /** Every status code used in the same operation or handler. */
  codes: Set<number>;
  /** The HTTP method when it is a WebDAV one (PROPPATCH, MKCOL, ...). */
  webdavMethod?: string;
  /** The request carries an array of operations (OpenAPI requestBody schema of type array). */
  arrayOfOperations?: boolean;
  /** Code: what the handler declares each of its codes to mean (its responses map's descriptions). */
  declared?: Map<number, Evidence>;
  /** The response keys of the operation (OpenAPI only). */
  responses?: ResponsesMap;
  /** The operation's HTTP method, lower-case (OpenAPI only; a handler's comes from its route, see blocks.ts methodOf). */
  method?: string;
  /**
   * Set on a scan made in another thread (service/frozenScan.ts): whether the scope marks a dependency
   * chain for completion's ranking, decided there, since the words stay behind.
   */
  marksDependency?: boolean;
}

export interface ResponsesMap {
  /** Response keys already present, as written (e.g. '200', '4XX', 'default'), each once. */
  keys: string[];
}

/** Where and how a suppression can be written for a site. */
export type SuppressionPlace =
  /** A comment line inserted before `line`, indented like it; `prefix` is the language's line comment, `eol` the file's line ending. */
  | { kind: 'comment'; line: number; indent: string; prefix: string; eol: string }
  /** A JSON member `"x-http-status-lens-ignore": [...]` inserted after the `{` at `offset`. */
  | {
      kind: 'json-member';
      offset: number;
      indent: string;
      eol: string;
      emptyObject: boolean;
      existing?: { start: number; end: number; ids: string[] };
    };

export interface StatusSite {
  /** The numeric code; undefined for ranges (4XX) and `default`. */
  code: number | undefined;
  /** The token as written, without quotes: '424', '4XX', 'StatusCodes.FAILED_DEPENDENCY'. */
  text: string;
  start: number;
  end: number;
  /**
   * `use`: the code is returned or declared here, rules apply.
   * `read`: the code is compared, switched on or tested for membership (`status == 424`, `case 424:`,
   *   `in (423, 424)`): a status something else set, read here: hover only. So is every code of a test file.
   * `mention`: prose such as "HTTP 424" in a comment or description: hover only.
   */
  role: 'use' | 'read' | 'mention';
  spelling: Spelling;
  /** What is said with this status: the response description, the error message passed beside it. */
  message: string;
  scope: Scope;
  /** Rule ids silenced at this site by a disable comment or an ignore extension. */
  suppressed: ReadonlySet<string>;
  /** Where a new suppression for this site goes; undefined when the file kind has no way to write one. */
  suppressAt?: SuppressionPlace;
  /** Extra hover text for this site, e.g. the description of a `$ref`'d response. */
  note?: string;
  /** Code: the innermost branch or error handler around the site (its guard), the outer ones chained. */
  guard?: Guard;
  /** Code: what the other statements of the site's block (its `case` section) say: their string literals. */
  neighbours?: readonly Evidence[];
  /** Code: the headers of the functions and declarations around the site (route, name, decorators). */
  handler?: string;
  /**
   * The hover's verdict line, worked out where the scan was made (service/frozenScan.ts): a thawed site has
   * no evidence left to judge from. '' when there is none.
   */
  verdict?: string;
  /**
   * The function or class around the site is named after the code (`isFailedDependency()`,
   * `class HTTPFailedDependency`): code that defines or maps the status, which the rules leave alone.
   */
  definesCode?: boolean;
  /** The site is the use of a project carrier: the status comes from its declaration (issue 16). */
  via?: CarrierVia;
  /** The site is the status value of a carrier's declaration, whose uses are sites of their own (issue 16). */
  carries?: Carrier;
  /** A response declared in code for its handler (`responses={424: {"description": ...}}`): its description says what that code means in all of the handler. */
  declares?: boolean;
  /**
   * The code is one item's status inside a 207 Multi-Status body (a SabreDAV propstat key): the
   * multistatus itself marks the dependency chain.
   */
  inMultistatus?: boolean;
  /** The site is in a test file (data/languages.json `testFiles`): expected or stubbed, read whatever its shape. */
  inTestFile?: boolean;
}

/** How a carrier's use reaches its status, and what the project offers instead. */
export interface CarrierVia {
  carrier: Carrier;
  /** Where it is declared, as shown: `src/errors/FailedDependencyException.java:6`. */
  declaredAt: string;
  /** The project's carriers of another code that this file could use instead, nearest first. */
  carriersFor(code: number): Carrier[];
  /** Where a carrier is declared, as shown. */
  where(carrier: Carrier): string;
}

/**
 * Something around a site that a verdict rests on, as written in the text: its message, a condition that
 * guards it, the call whose failure led to it, the exception caught, a neighbouring statement's text, or
 * the handler's own naming. `start`/`end` are offsets of the text (-1 when it has no place of its own).
 */
export interface Evidence {
  /** `type`: the error type a status is declared for (its class name). */
  kind: 'message' | 'condition' | 'call' | 'exception' | 'block' | 'handler' | 'type';
  text: string;
  start: number;
  end: number;
}

/**
 * A branch or error handler around a site: the condition of an `if`/`elif`/`case`/`when` (an `else` has
 * none: its sibling's condition says nothing of it), or the failure it handles (the call whose error it
 * is, the exception type caught). `outer` is the next guard out. Plain data: it crosses a worker boundary.
 */
export interface Guard {
  condition?: Evidence;
  /** An error handler: catch, except, rescue, `if err != nil`, an `Err(..)` arm, `.catch(...)`. */
  failure?: boolean;
  /** The condition tests which error came back (`errors.Is(err, ErrX)`): an error branch even where the call is not in sight. */
  errorTest?: boolean;
  /** The condition is a `case` label or a match arm's pattern: a value compared, never a flag (`ErrorType.Failure`). */
  label?: boolean;
  /** An `else` branch: the conditions further out hold here too, but none of them says why this branch was taken. */
  otherwise?: boolean;
  call?: Evidence;
  /** The calls it handles are all the application's own work (its layers, its stores, local work): no other service's failure is in sight. */
  ownWork?: boolean;
  /** One of those calls is on the application's own data store (`attemptRepo.find(...)`, `this.db.x.update(...)`). */
  ownStore?: boolean;
  exception?: Evidence;
  outer?: Guard;
}

/** A place where a status code can be typed, recorded by the scanner for completion. */
export type CompletionSlot =
  /** Code: where a status value goes (`res.status(|`, `status_code=|`); offset is where the value starts. */
  | { kind: 'value'; start: number; scope: Scope; guard?: Guard }
  /** Code: after a framework qualifier (`http.|`, `HttpStatus.|`): the schemes whose members can follow. */
  | {
      kind: 'member';
      start: number;
      scope: Scope;
      guard?: Guard;
      schemes: string[];
      qualifier: string;
      separator: string;
    }
  /** OpenAPI: a responses map, where a new response key can be typed. */
  | ResponsesSlot;

export interface ResponsesSlot {
  kind: 'responses';
  /** YAML: the first key; JSON: the `{`. */
  start: number;
  /** YAML: the end of the last value; JSON: the `}`. */
  end: number;
  json: boolean;
  /** YAML: the column of the keys. */
  keyColumn: number;
  /** One indentation step of the file. */
  indentUnit: string;
  quote: '' | "'" | '"';
  scope: Scope;
  method: string | undefined;
  /**
   * JSON: the spans of the response objects, where no key of this map can be typed: start, end, start, end...
   * (numbers, not an object for each: a one-line map of 200,000 responses held 8 MB of them).
   */
  responseSpans: Int32Array;
}

export type DocumentKind = 'openapi' | 'code' | 'none';

export interface ScannedDocument {
  kind: DocumentKind;
  /** Sorted by start offset. */
  sites: StatusSite[];
  /** Completion slots, sorted by start offset. */
  slots?: CompletionSlot[];
  /** Code: the spelling schemes the file's sites are written in, then those whose qualifier it names (it imports StatusCodes...). */
  schemesSeen?: string[];
  /** Code: the spelling schemes of the file's qualified constants alone. */
  schemesUsed?: string[];
  /** The text has lone CRs (old Mac line endings): it was scanned, and is read by features, with them as LFs. */
  loneCr?: boolean;
  /** Why the document was not scanned (too large, not an OpenAPI file...), for a one-time message. */
  skipped?: string;
  /** OpenAPI: how many syntax errors the reader recovered from (0: the file parses). --fix leaves such a file alone. */
  syntaxErrors?: number;
}

/**
 * Sites held as a table (a spec's response keys: scanners/openapi/responseKey.ts), each made as an object when
 * read. A scan with one makes its `sites` array when they are first read; a caller that reads each site once
 * (the CLI's validation) reads them from the table, without holding all of them as objects (issue 20 item 5).
 */
export interface SiteTable {
  readonly length: number;
  /** The site at an index (in order of start), made anew at each call. */
  site(index: number): StatusSite;
}

const siteTables = new WeakMap<ScannedDocument, SiteTable>();

/** A scan whose sites are the table's, made as objects (all at once, then kept) when `sites` is first read. */
export function scanWithSiteTable(facts: Omit<ScannedDocument, 'sites'>, table: SiteTable): ScannedDocument {
  let sites: StatusSite[] | undefined;
  const scanned = Object.defineProperty(facts, 'sites', {
    get: () => (sites ??= Array.from({ length: table.length }, (_, i) => table.site(i))),
    enumerable: true,
  }) as ScannedDocument;
  siteTables.set(scanned, table);
  return scanned;
}

/** The table a scan's sites are read from, if it has one. */
export function siteTableOf(scanned: ScannedDocument): SiteTable | undefined {
  return siteTables.get(scanned);
}

/** The length of a document's text, without reading the text: the offset of a position past its end. */
export function textLength(document: DocumentLike): number {
  return document.offsetAt({ line: Number.MAX_SAFE_INTEGER, character: 0 });
}

/** The handful of document facts the service needs; vscode-languageserver-textdocument's TextDocument fits. */
export interface DocumentLike {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  /** The whole text, or the text of a range (which a large document reads without joining all of it). */
  getText(range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string;
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}

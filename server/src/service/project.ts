/**
 * What the project-wide rules (status-not-in-spec, spec-status-never-returned) read: routes of the handler
 * files, operations of the specs, and the status sites inside a handler. Defined here, implemented outside the
 * pure service: today by server/src/routes/project.ts over the documents the CLI lints, later by the
 * workspace model (issue 16), which keeps the same facts current for the editor.
 */
import type { DocumentLike, StatusSite } from './model';

export interface Span {
  start: number;
  end: number;
}

/** A route registration read from source code. */
export interface RouteFact {
  uri: string;
  /** Upper-case method, or `*` for a route that answers every method (Flask `methods` unknown, Django `path()`). */
  method: string;
  /** The full path as written, prefixes applied (`/api/orders/:id`). */
  path: string;
  /** The path with every parameter written `{}` and no trailing slash (`/api/orders/{}`): what routes join on. */
  template: string;
  /** Where the route is registered (its path literal, or the decorator). */
  at: Span;
  /** The handler's text: the callback, the decorated function, the resolved method. */
  handler?: Span;
  /** Why the route cannot be checked (a path built at run time); set instead of guessing. */
  unknown?: string;
}

export interface ResponseKey extends Span {
  /** As written: '200', '4XX', 'default'. */
  key: string;
}

/** Where a new response goes in the spec's `responses` map, written in the file's own style. */
export interface ResponseInsertion {
  json: boolean;
  /** Keys in order of the text, with the offset of the line each starts on (YAML) or of its quote (JSON). */
  keys: { key: string; at: number; valueEnd: number }[];
  /** YAML: the keys' column; JSON: the indentation of the keys. */
  indent: string;
  /** One indentation step. */
  unit: string;
  quote: '' | "'" | '"';
  eol: string;
}

/** An operation of an OpenAPI document. */
export interface OperationFact {
  uri: string;
  method: string;
  /** The path key as written, without the server or base path. */
  path: string;
  /** The templates the operation answers on: with and without each server URL's path or basePath. */
  templates: string[];
  /** The path key's span, for navigation and related locations. */
  at: Span;
  responses: ResponseKey[];
  /**
   * Why the operation's responses are not known, when they are not written in it: its body is a `$ref` (a
   * split spec), or it has no `responses` map. Such an operation is not judged: a finding would be a guess.
   */
  unread?: string;
  /** Undefined when the responses map cannot take a key written by a fix (a flow mapping, no map). */
  insertion?: ResponseInsertion;
}

/** Why a route has no operation to check against; shown on hover rather than guessed around. */
export type Unmatched = {
  reason: 'no-operation' | 'ambiguous' | 'unknown-path' | 'spec-does-not-parse' | 'responses-not-read';
  detail: string;
};

export interface ProjectFacts {
  /** The routes registered in a file (with their handler spans resolved, also across files). */
  routesOf(uri: string): readonly RouteFact[];
  /** The operations a route answers; several when its method is `*`. */
  operationsFor(route: RouteFact): { operations: readonly OperationFact[] } | Unmatched;
  /** The status sites (role `use`) of a file inside a span. */
  sitesIn(uri: string, span: Span): readonly StatusSite[];
  /** The operations of a spec file. */
  operationsOf(uri: string): readonly OperationFact[];
  /** The routes an operation is served by. */
  routesFor(operation: OperationFact): readonly RouteFact[];
  /** A document of the project, to turn offsets into positions. */
  document(uri: string): DocumentLike | undefined;
}

/**
 * Normalises a path template: every parameter is `{}`, one leading slash, no trailing slash, no `//`, lower
 * case (ASP.NET's `[controller]` is `Orders` where the spec says `/orders`; a miss here only loses a check).
 */
export function normaliseTemplate(path: string): string {
  let out = '/' + path.replace(/^\^|\$$/g, '');
  out = out
    // Django regex groups, Go 1.22's end anchor, then every spelling of a parameter.
    .replace(/\(\?P<[^<>()]*>[^()]*\)/g, '{}')
    .replace(/\{\$\}/g, '')
    .replace(/\{[^{}/]*\}/g, '{}')
    .replace(/<[^<>/]*>/g, '{}')
    .replace(/\[[^[\]/]*\]/g, '{}')
    .replace(/(^|\/):[A-Za-z_][A-Za-z0-9_]*\??(?=\/|$|\.)/g, '$1{}')
    .replace(/\/{2,}/g, '/');
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  return out.toLowerCase();
}

/**
 * ProjectFacts over a set of documents held in memory: the routes of every handler file (handlers named by
 * reference resolved across files, routers mounted from another file given their prefix), the operations of
 * every spec, and the join between them. The CLI builds one for the paths it lints; the workspace model
 * (issue 16) will keep the same facts current for the editor.
 */
import { URI, Utils } from 'vscode-uri';
import { parse as parseJsonc } from 'jsonc-parser';
import * as knowledge from '../knowledge';
import type {
  DocumentLike,
  LanguageService,
  OperationFact,
  ProjectFacts,
  RouteFact,
  Span,
  SpecPin,
  StatusSite,
  Unmatched,
} from '../service';
import { normaliseTemplate } from '../service';
import type { Definition } from './definitions';
import { type SpecOperations, readOperations } from './operations';
import { SpecPins } from './pins';
import { type FileRoute, type FileRoutes, type HandlerRef, type MountFact, readRoutes } from './reader';

/** What one document gives the index: a spec's operations, a source file's routes and definitions, or nothing. */
export type FileRead = { kind: 'spec'; operations: SpecOperations } | { kind: 'code'; routes: FileRoutes } | { kind: 'none' };

/** Reads one document for the index; pure, so its result can be cached per document version. */
export function readFile(document: DocumentLike, service: Pick<LanguageService, 'languageOf'>): FileRead {
  const languageId = service.languageOf(document);
  if (!languageId) return { kind: 'none' };
  const text = document.getText();
  if (knowledge.isSpecLanguage(languageId)) return { kind: 'spec', operations: readOperations(document.uri, text, languageId === 'yaml') };
  return { kind: 'code', routes: readRoutes(document.uri, languageId, text) };
}

/** Whether a read takes part in a join: a spec, or a file with routes or mounts. */
export function joins(read: FileRead): boolean {
  return read.kind === 'spec'
    ? read.operations.isSpec
    : read.kind === 'code' && (read.routes.routes.length > 0 || read.routes.mounts.length > 0);
}

interface Spec {
  uri: string;
  syntaxErrors: number;
  operations: OperationFact[];
}

export class ProjectIndex implements ProjectFacts {
  private readonly documents = new Map<string, DocumentLike>();
  private readonly files = new Map<string, FileRoutes>();
  private readonly specs = new Map<string, Spec>();
  /** Template -> the operations answering on it, from specs that parse. */
  private readonly byTemplate = new Map<string, OperationFact[]>();
  /** Template -> a spec that declares it but does not parse. */
  private readonly brokenTemplates = new Map<string, string>();
  private readonly routesByUri = new Map<string, FileRoute[]>();

  /** Specs pinned to handlers by the config (`specs`), when any file's settings pin one. */
  private readonly pins: SpecPins | undefined;

  /**
   * `read` may answer from a cache of earlier reads (the editor keeps one per document version); `pinsOf`
   * gives the `specs` of the settings of a file.
   */
  constructor(
    private readonly service: Pick<LanguageService, 'scan' | 'languageOf'>,
    documents: Iterable<DocumentLike>,
    read: (document: DocumentLike) => FileRead = (document) => readFile(document, service),
    pinsOf?: (uri: string) => readonly SpecPin[],
  ) {
    for (const document of documents) this.add(document, read);
    if (pinsOf && SpecPins.any(pinsOf, this.documents.keys())) this.pins = new SpecPins(pinsOf);
    // Prefixes first: a route keeps its path when it moves to its handler's file.
    this.applyMounts();
    this.resolveHandlers();
    for (const spec of this.specs.values()) {
      for (const operation of spec.operations) {
        for (const template of operation.templates) {
          if (spec.syntaxErrors > 0) this.brokenTemplates.set(template, spec.uri);
          else (this.byTemplate.get(template) ?? this.byTemplate.set(template, []).get(template)!).push(operation);
        }
      }
    }
  }

  /** Whether the project holds both routes and a spec: only then can the project rules say anything. */
  get joinable(): boolean {
    return this.specs.size > 0 && [...this.routesByUri.values()].some((routes) => routes.length > 0);
  }

  get routeCount(): number {
    let count = 0;
    for (const routes of this.routesByUri.values()) count += routes.length;
    return count;
  }

  get specUris(): string[] {
    return [...this.specs.keys()];
  }

  routesOf(uri: string): readonly RouteFact[] {
    return this.routesByUri.get(uri) ?? [];
  }

  operationsOf(uri: string): readonly OperationFact[] {
    const spec = this.specs.get(uri);
    return spec && spec.syntaxErrors === 0 ? spec.operations : [];
  }

  /** Joins made once per index (every check, hover and reference asks again), by what decides them. */
  private readonly joined = new Map<string, { operations: readonly OperationFact[] } | Unmatched>();

  operationsFor(route: RouteFact): { operations: readonly OperationFact[] } | Unmatched {
    // With pins, a route's file decides which specs it may join.
    const key = `${route.method} ${route.template} ${route.path} ${route.unknown ?? ''} ${this.pins ? route.uri : ''}`;
    let joined = this.joined.get(key);
    if (!joined) this.joined.set(key, (joined = this.join(route)));
    return joined;
  }

  private join(route: RouteFact): { operations: readonly OperationFact[] } | Unmatched {
    if (route.unknown) return { reason: 'unknown-path', detail: route.unknown };
    const candidates = (this.byTemplate.get(route.template) ?? []).filter(
      (o) => (route.method === '*' || o.method === route.method) && (!this.pins || this.pins.allows(route.uri, o.uri)),
    );
    const unique = [...new Set(candidates)];
    if (unique.length === 0) {
      const broken = this.brokenTemplates.get(route.template);
      if (broken) return { reason: 'spec-does-not-parse', detail: `${fileName(broken)} declares ${route.template} but does not parse` };
      return {
        reason: 'no-operation',
        detail: `no OpenAPI operation ${this.pins?.pinsOfHandler(route.uri).length ? 'of the specs pinned to this file ("specs" in the config) ' : ''}declares ${route.method === '*' ? '' : route.method + ' '}${route.path}`,
      };
    }
    const specs = new Set(unique.map((o) => o.uri));
    const unread = unique.find((o) => o.unread);
    if (unread && specs.size === 1)
      return {
        reason: 'responses-not-read',
        detail: `${unread.method} ${unread.path} in ${fileName(unread.uri)} ${unread.unread}, so its responses are not known`,
      };
    if (specs.size > 1) {
      // Two are named; a workspace of many copies of one spec gets a count, not a list of them all.
      const named = distinctNames([...specs]).slice(0, 2);
      const rest = specs.size - named.length;
      return {
        reason: 'ambiguous',
        detail: `${named.join(rest > 0 ? ', ' : ' and ')}${rest > 0 ? ` and ${rest} other spec${rest === 1 ? '' : 's'} all` : ' both'} declare ${route.method === '*' ? '' : route.method + ' '}${route.path}`,
      };
    }
    return { operations: unique };
  }

  routesFor(operation: OperationFact): readonly RouteFact[] {
    const found: RouteFact[] = [];
    for (const template of operation.templates) {
      for (const route of this.routesByTemplate().get(template) ?? []) {
        if (route.unknown || (route.method !== '*' && route.method !== operation.method) || found.includes(route)) continue;
        const joined = this.operationsFor(route);
        if ('operations' in joined && joined.operations.includes(operation)) found.push(route);
      }
    }
    return found;
  }

  private byRouteTemplate: Map<string, RouteFact[]> | undefined;

  /** Routes by template, built on first use (after every route has its final path). */
  private routesByTemplate(): Map<string, RouteFact[]> {
    if (this.byRouteTemplate) return this.byRouteTemplate;
    this.byRouteTemplate = new Map();
    for (const routes of this.routesByUri.values())
      for (const route of routes)
        (this.byRouteTemplate.get(route.template) ?? this.byRouteTemplate.set(route.template, []).get(route.template)!).push(route);
    return this.byRouteTemplate;
  }

  sitesIn(uri: string, span: Span): readonly StatusSite[] {
    const document = this.documents.get(uri);
    if (!document) return [];
    return this.service
      .scan(document)
      .sites.filter((s) => s.role === 'use' && !s.definesCode && s.start >= span.start && s.end <= span.end);
  }

  document(uri: string): DocumentLike | undefined {
    return this.documents.get(uri);
  }

  private add(document: DocumentLike, read: (document: DocumentLike) => FileRead): void {
    const file = read(document);
    if (file.kind === 'none') return;
    this.documents.set(document.uri, document);
    if (file.kind === 'spec') {
      const { syntaxErrors, operations } = file.operations;
      if (file.operations.isSpec) this.specs.set(document.uri, { uri: document.uri, syntaxErrors, operations });
      return;
    }
    // The join sets prefixes and handlers on the routes: copies, so a read can be kept and shared by the next index.
    const routes = file.routes.routes.map((route) => ({ ...route }));
    this.files.set(document.uri, { ...file.routes, routes });
    this.routesByUri.set(document.uri, routes);
  }

  /** Handlers named by reference in another file: a class's method, or a function whose name only one file defines. */
  private resolveHandlers(): void {
    const byName = new Map<string, Candidate[]>();
    const fieldTypes = new Map<string, Set<string>>();
    for (const [uri, file] of this.files) {
      for (const definition of file.definitions.functions)
        (byName.get(definition.name) ?? byName.set(definition.name, []).get(definition.name)!).push({ uri, definition });
      for (const { name, type } of file.definitions.fields) (fieldTypes.get(name) ?? fieldTypes.set(name, new Set()).get(name)!).add(type);
    }
    for (const routes of [...this.routesByUri.values()]) {
      for (const route of [...routes]) {
        if (route.handler || !route.ref?.name) continue;
        const ref = route.ref;
        const named = byName.get(ref.name!) ?? [];
        const typed = this.methodsOfItsClass(route.uri, ref, named, byName, fieldTypes);
        const candidates =
          typed.length === 1
            ? typed
            : named.filter((c) =>
                ref.owner !== undefined ? c.definition.owner === ref.owner : c.uri === route.uri || this.reaches(route.uri, c.uri, ref),
              );
        // Two definitions of the name: which one is meant is not known here, so nothing is checked.
        if (candidates.length !== 1) continue;
        const [{ uri, definition }] = candidates;
        route.handler = { start: definition.start, end: definition.end };
        if (uri !== route.uri) this.moveToHandlerFile(route, uri);
      }
    }
  }

  /**
   * Whether a function named without its class can be the one meant: a file of the same folder (a Go package,
   * a Python package), the module its name or qualifier is imported from, or a file or folder named like the
   * qualifier (`handlers.GetUser`). A function of the same name elsewhere in the project is not guessed at.
   */
  private reaches(fromUri: string, uri: string, ref: HandlerRef): boolean {
    const folder = (u: string) => u.slice(0, u.lastIndexOf('/'));
    if (folder(fromUri) === folder(uri)) return true;
    const imports = this.files.get(fromUri)?.imports;
    for (const local of [ref.name, ref.qualifier]) {
      const imported = local !== undefined ? imports?.get(local) : undefined;
      if (imported && this.resolveModule(fromUri, imported.module)?.uri === uri) return true;
    }
    if (ref.qualifier === undefined) return false;
    return fileName(uri).replace(/\.[^.]+$/, '') === ref.qualifier || folderName(uri) === ref.qualifier;
  }

  /**
   * Of `named`, the methods of the class the reference reaches them through (`h.GetUser`): the class its
   * variable was made of, declared with, made by a function declared to return it, or a struct field's type.
   * Of two classes of that name, the one the route's file imports, or the one in the package it names.
   */
  private methodsOfItsClass(
    fromUri: string,
    ref: HandlerRef,
    named: Candidate[],
    byName: ReadonlyMap<string, Candidate[]>,
    fieldTypes: ReadonlyMap<string, ReadonlySet<string>>,
  ): Candidate[] {
    const inPackage = (found: Candidate[]) => {
      const there = ref.pkg !== undefined ? found.filter((c) => folderName(c.uri) === ref.pkg) : [];
      return there.length > 0 ? there : found;
    };
    const type =
      ref.type ??
      (ref.maker !== undefined ? resultOf(inPackage(byName.get(ref.maker) ?? [])) : undefined) ??
      (ref.field !== undefined ? only(fieldTypes.get(ref.field)) : undefined);
    if (type === undefined) return [];
    const typed = named.filter((c) => c.definition.owner === type);
    if (typed.length <= 1) return typed;
    const imported = this.importedFrom(fromUri, type);
    return imported !== undefined ? typed.filter((c) => c.uri === imported) : inPackage(typed);
  }

  /** The file a name of `fromUri` is imported from, when its module is a file of the project. */
  private importedFrom(fromUri: string, local: string): string | undefined {
    const imported = this.files.get(fromUri)?.imports.get(local);
    return imported && this.resolveModule(fromUri, imported.module)?.uri;
  }

  /** A route whose handler is in another file is checked in that file, where its sites are. */
  private moveToHandlerFile(route: FileRoute, uri: string): void {
    const from = this.routesByUri.get(route.uri)!;
    from.splice(from.indexOf(route), 1);
    (this.routesByUri.get(uri) ?? this.routesByUri.set(uri, []).get(uri)!).push({ ...route, uri, at: route.handler! });
  }

  /** Routers mounted from another file (`app.use('/api', ...)` given a `require` of './orders'): their routes get the prefix. */
  private applyMounts(): void {
    const mounts: MountFact[] = [...this.files.values()].flatMap((f) => f.mounts);
    const applied = new Map<string, number>();
    for (const mount of mounts) {
      if (!mount.module) continue;
      const target = this.resolveModule(mount.uri, mount.module);
      if (!target) continue;
      const routes = this.files.get(target.uri)?.routes ?? [];
      const imported = target.member ?? mount.imported;
      const mounted = mount.whole
        ? routes.filter((r) => r.root === undefined)
        : routes.filter((r) => r.root !== undefined && (imported === undefined || r.root === imported));
      if (mounted.length === 0) continue;
      const times = applied.get(target.uri) ?? 0;
      applied.set(target.uri, times + 1);
      for (const route of mounted) {
        // A router mounted twice answers on both prefixes: the second mount adds copies.
        const changed = times === 0 ? route : { ...route };
        changed.path = joinPaths(mount.prefix, times === 0 ? route.path : stripPrefix(route.path, this.firstPrefix.get(route) ?? ''));
        changed.template = normaliseTemplate(changed.path);
        changed.unknown ??= mount.unknown;
        if (times === 0) this.firstPrefix.set(route, mount.prefix);
        else this.routesByUri.get(route.uri)?.push(changed);
      }
    }
  }

  private readonly firstPrefix = new Map<FileRoute, string>();

  /** A JavaScript/TypeScript module at a path (without its extension, or a folder with an index). */
  private sourceFile(modulePath: string): { uri: string } | undefined {
    const joined = 'file://' + posixJoin(modulePath);
    for (const ext of ['', '.ts', '.js', '.mjs', '.cjs', '.tsx', '/index.ts', '/index.js'])
      if (this.files.has(joined + ext)) return { uri: joined + ext };
    return undefined;
  }

  private aliasCache: { prefix: string; targets: string[]; scope: string }[] | undefined;

  /** Import aliases of the project's tsconfig.json / jsconfig.json `paths` (`"@/*": ["src/*"]`), for the files under each. */
  private aliases(): { prefix: string; targets: string[]; scope: string }[] {
    if (this.aliasCache) return this.aliasCache;
    this.aliasCache = [];
    for (const [uri, document] of this.documents) {
      if (!/\/[tj]sconfig(\.[\w-]+)?\.json$/.test(uri)) continue;
      const options = (parseJsonc(document.getText()) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined)
        ?.compilerOptions;
      if (!options || typeof options.paths !== 'object' || options.paths === null) continue;
      const folder = uri.slice(0, uri.lastIndexOf('/')).replace(/^file:\/\//, '');
      const base = posixJoin(folder, typeof options.baseUrl === 'string' ? options.baseUrl : '.');
      for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
        if (!pattern.endsWith('*') || !Array.isArray(targets)) continue;
        this.aliasCache.push({
          prefix: pattern.slice(0, -1),
          targets: targets.filter((t): t is string => typeof t === 'string').map((t) => posixJoin(base, t)),
          scope: 'file://' + folder + '/',
        });
      }
    }
    return this.aliasCache;
  }

  /** A module specifier of an import, as one of the project's files (`./orders`, `.routers.users`, `app.routers.users`). */
  private resolveModule(fromUri: string, module: string): { uri: string; member?: string } | undefined {
    const dir = fromUri.slice(0, fromUri.lastIndexOf('/'));
    if (module.startsWith('./') || module.startsWith('../')) return this.sourceFile(posixJoin(dir.replace(/^file:\/\//, ''), module));
    for (const alias of this.aliases()) {
      if (!module.startsWith(alias.prefix) || !fromUri.startsWith(alias.scope)) continue;
      for (const target of alias.targets) {
        const found = this.sourceFile(target.replace('*', module.slice(alias.prefix.length)));
        if (found) return found;
      }
    }
    if (!/^\.*[A-Za-z_][\w.]*$/.test(module)) return undefined;
    // Python: `.routers.users` from the package of the file, `app.routers.users` from anywhere; the last part may be a member.
    const dots = /^\.*/.exec(module)![0].length;
    const parts = module.slice(dots).split('.');
    for (let cut = parts.length; cut >= Math.max(1, parts.length - 1); cut--) {
      const tail = parts.slice(0, cut).join('/');
      const member = cut < parts.length ? parts[cut] : undefined;
      for (const suffix of [`${tail}.py`, `${tail}/__init__.py`]) {
        if (dots > 0) {
          let base = dir;
          for (let up = 1; up < dots; up++) base = base.slice(0, base.lastIndexOf('/'));
          if (this.files.has(`${base}/${suffix}`)) return { uri: `${base}/${suffix}`, member };
        } else {
          const matches = [...this.files.keys()].filter((uri) => uri.endsWith('/' + suffix));
          if (matches.length === 1) return { uri: matches[0], member };
        }
      }
    }
    return undefined;
  }
}

function joinPaths(prefix: string, rest: string): string {
  const joined = `${prefix.replace(/\/$/, '')}/${rest.replace(/^\//, '')}`;
  return joined.startsWith('/') ? joined : '/' + joined;
}

function stripPrefix(full: string, prefix: string): string {
  return prefix && full.startsWith(prefix) ? full.slice(prefix.length) : full;
}

/** The files' names, with as many folders as tell them apart (`openapi.yaml` and `dist/openapi.yaml`). */
function distinctNames(uris: string[]): string[] {
  for (let depth = 1; depth < 6; depth++) {
    const names = uris.map((uri) => decodeURIComponent(uri.split('/').slice(-depth).join('/')));
    if (new Set(names).size === names.length) return names;
  }
  return uris;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** POSIX paths joined and normalised without node:path, which the web build of the server does not have. */
function posixJoin(...parts: string[]): string {
  return Utils.joinPath(URI.file('/'), ...parts).path;
}

/** A definition of a name somewhere in the project. */
interface Candidate {
  uri: string;
  definition: Definition;
}

/** The type the functions of a name return, when they agree (a constructor: `NewOrderHandler` returns `OrderHandler`). */
function resultOf(makers: readonly Candidate[]): string | undefined {
  return only(new Set(makers.map((m) => m.definition.returns)));
}

/** The name of the folder a file is in: a Go package's usual name. */
function folderName(uri: string): string {
  const folder = uri.slice(0, uri.lastIndexOf('/'));
  return decodeURIComponent(folder.slice(folder.lastIndexOf('/') + 1));
}

/** The one member of a set, if it has exactly one. */
function only<T>(set: ReadonlySet<T> | undefined): T | undefined {
  const [first] = set ?? [];
  return set?.size === 1 ? first : undefined;
}

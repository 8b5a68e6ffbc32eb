/**
 * Route registrations in one source file, recognised over the lexer's tokens by the shapes of
 * data/routes.json: route calls (`router.get('/x', h)`), decorators (`@app.get`, `@GetMapping`,
 * `[HttpGet("{id}")]`), groups bound to a variable (`v1 := r.Group("/v1")`), mounts (`app.use('/api', r)`),
 * scopes whose callback or block holds routes (`r.Route`, `namespace :api do`) and resources (`resources
 * :orders`). Prefixes are applied within the file; mounts of another file's router are kept as facts for the
 * project join. A path built at run time makes the route unknown, never guessed.
 */
import * as knowledge from '../knowledge';
import type { ArgumentRef, RouteActions, RouteShapes } from '../knowledge';
import { type RouteFact, type Span, normaliseTemplate } from '../service';
import { type Definitions, annotationEnd, findFunction, readDefinitions } from './definitions';
import { TokenKind, Tokens } from './tokens';

/** A handler named rather than written inline: resolved in this file, else by the project. */
export interface HandlerRef {
  name?: string;
  /** The class holding it (Rails `OrdersController`, Laravel `[OrderController::class, 'show']`). */
  owner?: string;
  /** The module or object it is reached through (`views` in `views.order_detail`, `handlers` in `handlers.GetUser`). */
  qualifier?: string;
  /**
   * The class of the variable it is reached through, from the variable's declaration in this file (`h` in
   * `h.GetUser` after `h := handlers.NewUserHandler(db)` or `const h = new UserController()`): the handler is
   * that class's method, wherever the class is declared.
   */
  type?: string;
  /** The function the variable it is reached through was made by (`h := handlers.NewUserHandler(db)`): its declared result is the class. */
  maker?: string;
  /** The field it is reached through (`Orders` in `app.Orders.Show`, or in `h := app.Orders`): the field's declared type is the class. */
  field?: string;
  /** The package the type or its maker is named with (`orders` in `orders.NewHandler()`): of two types of a name, the one there. */
  pkg?: string;
}

export interface FileRoute extends RouteFact {
  ref?: HandlerRef;
  /** The router variable at the root of the route's receiver chain, when no mount in this file prefixes it. */
  root?: string;
}

/** `app.use('/api', orders)` where `orders` is not a router of this file: the join applies it across files. */
export interface MountFact {
  uri: string;
  prefix: string;
  /** The mounted name as written (`orders`, `users.router`). */
  target: string;
  /** The module it was imported from (`./routes/orders`, `app.routers.users`), when the file imports it. */
  module?: string;
  /** The name it has in that module (`router`), when imported by name. */
  imported?: string;
  /** The module's own routes, written without a router (Django's include('shop.urls')), are mounted. */
  whole?: boolean;
  unknown?: string;
}

export interface FileRoutes {
  routes: FileRoute[];
  mounts: MountFact[];
  definitions: Definitions;
  /** Local name -> the module it is imported from (JavaScript imports and requires, Python from-imports). */
  imports: ReadonlyMap<string, { module: string; imported?: string }>;
}

interface Arg {
  from: number;
  to: number;
  keyword?: string;
}

interface Value {
  text: string;
  dynamic?: string;
}

interface Group {
  parent?: string;
  path: Value;
}

interface Region extends Span {
  path: Value;
  module?: string;
}

const EMPTY: Value = { text: '' };
const LITERALS = new Set(['true', 'false', 'null', 'undefined', 'None', 'True', 'False', 'nil']);

export function readRoutes(uri: string, languageId: string, text: string): FileRoutes {
  const family = knowledge.language(languageId)?.family ?? '';
  const shapes = knowledge.routeShapesOf(family);
  const tokens = new Tokens(text, family);
  const definitions = readDefinitions(tokens, family);
  if (!shapes) return { routes: [], mounts: [], definitions, imports: new Map() };
  return new Reader(uri, family, tokens, shapes, definitions).read();
}

class Reader {
  private readonly routes: FileRoute[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly mounts: {
    receiver?: string;
    path: Value;
    target: string;
    module?: string;
    imported?: string;
    whole?: boolean;
    replaces?: boolean;
  }[] = [];
  private readonly regions: Region[] = [];
  private readonly classPrefixes: Region[] = [];
  private readonly imports = new Map<string, { module: string; imported?: string }>();
  /** Variable -> the class it holds an instance of, or the function that made it (instanceAt); null when the file gives it two. */
  private readonly types = new Map<string, { type: string; pkg?: string } | { maker: string; pkg?: string } | { field: string } | null>();
  private readonly receiverOf = new Map<FileRoute, string | undefined>();
  private readonly decorator: string;
  /** The method calls of a route chain already read (`.get(h)` of `router.route('/x').get(h)`). */
  private readonly consumed = new Set<number>();
  /** Every callee name a shape of the family knows: other identifiers are passed over at once. */
  private readonly names = new Set<string>();
  /** The prefix the framework serves this file's routes under by default (Laravel's routes/api.php: /api). */
  private readonly filePrefix: Value;

  constructor(
    private readonly uri: string,
    private readonly family: string,
    private readonly t: Tokens,
    private readonly shapes: RouteShapes,
    private readonly definitions: Definitions,
  ) {
    this.decorator = family === 'csharp' ? '[' : '@';
    for (const shape of shapes.calls ?? []) for (const name of Object.keys(shape.names)) this.names.add(name);
    for (const shape of [
      ...(shapes.groups ?? []),
      ...(shapes.mounts ?? []),
      ...(shapes.scopes ?? []),
      ...(shapes.resources ?? []),
      ...(shapes.chains ?? []),
      ...(shapes.objects ?? []),
    ])
      for (const name of shape.names) this.names.add(name);
    const byFile = Object.entries(shapes.filePrefixes ?? {}).find(([end]) => uri.endsWith('/' + end));
    this.filePrefix = { text: byFile?.[1] ?? '' };
  }

  read(): FileRoutes {
    const t = this.t;
    for (let i = 0; i < t.length; i++) {
      if (t.kind(i) === TokenKind.Identifier) {
        this.importAt(i);
        this.instanceAt(i);
        this.callAt(i);
      } else if (t.is(i, this.decorator)) this.decoratorAt(i);
    }
    const mounts: MountFact[] = [];
    const mountedHere = new Set(this.mounts.map((m) => m.target));
    for (const mount of this.mounts) {
      if (this.groups.has(mount.target)) continue;
      const prefix = this.join([this.prefixOf(mount.receiver), mount.path]);
      const first = mount.target.split('.')[0];
      const imported = mount.module !== undefined ? { module: mount.module } : this.imports.get(first);
      mounts.push({
        uri: this.uri,
        prefix: prefix.text,
        target: mount.target,
        module: imported?.module,
        // `users.router`: the member of an imported module; a `require` of './orders': the module's export.
        imported:
          mount.module !== undefined
            ? undefined
            : mount.target.includes('.')
              ? mount.target.slice(mount.target.lastIndexOf('.') + 1)
              : imported?.imported,
        whole: mount.whole,
        unknown: prefix.dynamic,
      });
    }
    for (const route of this.routes) {
      const receiver = this.receiverOf.get(route);
      const prefix = this.prefixOf(receiver);
      const scopes = this.regions.filter((r) => r.start <= route.at.start && route.at.end <= r.end).map((r) => r.path);
      const classes = this.classPrefixes.filter((r) => r.start <= route.at.start && route.at.end <= r.end).map((r) => r.path);
      const own: Value = { text: route.path, dynamic: route.unknown };
      const full = this.join([this.filePrefix, prefix, ...scopes, ...classes, own]);
      route.path = full.text.startsWith('/') ? full.text : '/' + full.text;
      route.template = normaliseTemplate(route.path);
      route.unknown = full.dynamic;
      const root = receiver && this.rootOf(receiver);
      if (root && !mountedHere.has(root) && !this.groups.get(root)?.parent) route.root = root;
      const instance = route.ref?.qualifier !== undefined ? this.types.get(route.ref.qualifier) : undefined;
      if (route.ref && instance) Object.assign(route.ref, instance);
      const type = route.ref?.type;
      if (!route.handler && route.ref?.name !== undefined) {
        const { name, owner } = route.ref;
        // Through an instance: its class's method. When this file has only other classes' methods of that name,
        // the project looks for it in the other files (resolveHandlers).
        const otherClasses = type !== undefined && this.definitions.functions.some((f) => f.name === name && f.owner !== undefined);
        const definition = type
          ? (findFunction(this.definitions, name, type) ?? (otherClasses ? undefined : findFunction(this.definitions, name, owner)))
          : findFunction(this.definitions, name, owner);
        if (definition) route.handler = { start: definition.start, end: definition.end };
      }
    }
    return { routes: this.routes, mounts, definitions: this.definitions, imports: this.imports };
  }

  // ---- prefixes

  private rootOf(variable: string, depth = 0): string {
    const group = this.groups.get(variable);
    const mount = this.mounts.find((m) => m.target === variable);
    const parent = mount ? mount.receiver : group?.parent;
    return parent && depth < 20 ? this.rootOf(parent, depth + 1) : variable;
  }

  private prefixOf(variable: string | undefined, depth = 0): Value {
    if (!variable || depth > 20) return EMPTY;
    const group = this.groups.get(variable);
    const mount = this.mounts.find((m) => m.target === variable);
    const outer = mount ? this.join([this.prefixOf(mount.receiver, depth + 1), mount.path]) : this.prefixOf(group?.parent, depth + 1);
    return mount?.replaces ? outer : this.join([outer, group?.path ?? EMPTY]);
  }

  private join(parts: Value[]): Value {
    let text = '';
    let dynamic: string | undefined;
    for (const part of parts) {
      dynamic ??= part.dynamic;
      if (part.text === '') continue;
      const piece = part.text.startsWith('/') ? part.text : '/' + part.text;
      text = text.endsWith('/') ? text.slice(0, -1) + piece : text + piece;
    }
    return { text, dynamic };
  }

  // ---- imports: which module a mounted name comes from

  private importAt(i: number): void {
    const t = this.t;
    if (this.family === 'javascript') {
      // const x = require('m')
      if (t.is(i, 'require') && t.is(i + 1, '(') && t.is(i - 1, '=') && t.kind(i - 2) === TokenKind.Identifier) {
        const module = t.stringValue(i + 2);
        if (module) this.imports.set(t.text_(i - 2), { module });
      }
      // import x from 'm' / import { a as b } from 'm'
      if (t.is(i, 'import')) {
        let k = i + 1;
        const names: [string, string | undefined][] = [];
        for (; k < t.length && !t.is(k, 'from') && !t.is(k, ';') && k < i + 60; k++) {
          if (t.kind(k) !== TokenKind.Identifier || t.is(k, 'as') || t.is(k, 'type')) continue;
          const inBraces = this.inBraces(i, k);
          if (t.is(k + 1, 'as')) continue;
          const local = t.text_(k);
          const original = t.is(k - 1, 'as') ? t.text_(k - 2) : inBraces ? local : undefined;
          names.push([local, original]);
        }
        const module = t.is(k, 'from') ? t.stringValue(k + 1) : undefined;
        if (module) for (const [local, imported] of names) this.imports.set(local, { module, imported });
      }
    } else if (this.family === 'python' && t.is(i, 'from') && t.lineStart(t.lineOf(t.list[i].start)) <= t.list[i].start) {
      let k = i + 1;
      let module = '';
      for (; k < t.length && !t.is(k, 'import'); k++) module += t.text_(k);
      for (k++; k < t.length && t.kind(k) !== TokenKind.Newline && !t.is(k, 'from'); k++) {
        if (t.kind(k) !== TokenKind.Identifier || t.is(k, 'as') || t.is(k + 1, 'as')) continue;
        const local = t.text_(k);
        const original = t.is(k - 1, 'as') ? t.text_(k - 2) : local;
        // `from . import views` is the module `.views`; `from .routers import users` is `.routers.users`.
        this.imports.set(local, { module: module.endsWith('.') ? module + original : `${module}.${original}`, imported: undefined });
      }
    }
  }

  // ---- instances: the class a variable holds, for the handlers named through it

  /** `h := &handlers.OrderHandler{}`, `h := handlers.NewOrderHandler(db)`, `h = new OrderController()`, `h *handlers.OrderHandler`. */
  private instanceAt(i: number): void {
    const spelling = this.shapes.instances;
    const t = this.t;
    // A member the class keeps (`this.controller = new OrdersController()`) counts as a variable: routes name it
    // `this.controller.show`.
    if (!spelling || (t.is(i - 1, '.') && !t.is(i - 2, 'this') && !t.is(i - 2, 'self'))) return;
    let type: string | undefined;
    let maker: string | undefined;
    let field: string | undefined;
    let named: number | undefined;
    // An assignment: `h := ...`, `h, err := ...` (the first name), `h = ...` (not `==`), `var h = ...`.
    let j = i + 1;
    while (t.is(j, ',') && t.kind(j + 1) === TokenKind.Identifier) j += 2;
    // Past a type annotation: `private controller: OrdersController = new OrdersController()`.
    if (spelling.new && t.is(j, ':')) j = annotationEnd(t, j + 1) ?? j;
    let k = t.is(j, ':') && t.is(j + 1, '=') ? j + 2 : t.is(j, '=') && !t.is(j + 1, '=') && !t.is(j + 1, '>') ? j + 1 : -1;
    if (k > 0) {
      if (t.is(k, 'await')) k++;
      const made = spelling.new && t.is(k, 'new');
      if (made) k++;
      else if (spelling.composite && t.is(k, '&')) k++;
      const last = this.qualifiedEnd(k);
      if (last === undefined) return;
      const name = t.text_(last);
      named = last;
      if (made && t.is(last + 1, '(')) type = name;
      else if (spelling.composite && t.is(last + 1, '{')) type = name;
      else if (t.is(last + 1, '(')) {
        if (spelling.makers) maker = name;
        else if (spelling.call && /^[A-Z][a-z]/.test(name)) type = name;
      } else if (spelling.fields && last > k && (t.kind(last + 1) === TokenKind.Newline || t.is(last + 1, ';'))) field = name;
    } else if (spelling.typedDeclarations && (t.is(i - 1, '(') || t.is(i - 1, ',') || t.is(i - 1, 'var'))) {
      // A parameter or a `var` with its type after its name: `h *handlers.OrderHandler`.
      k = t.is(i + 1, '*') ? i + 2 : i + 1;
      if (t.kind(k) !== TokenKind.Identifier) return;
      const last = this.qualifiedEnd(k);
      if (
        last !== undefined &&
        (t.is(last + 1, ',') || t.is(last + 1, ')') || t.is(last + 1, '=') || t.kind(last + 1) === TokenKind.Newline)
      )
        ((type = t.text_(last)), (named = last));
    }
    // `orders.NewHandler`, `&orders.Handler{}`: the package that tells apart types of the same name.
    const pkg = named !== undefined && t.is(named - 1, '.') && t.kind(named - 2) === TokenKind.Identifier ? t.text_(named - 2) : undefined;
    const qualified = pkg !== undefined ? { pkg } : {};
    const instance =
      type !== undefined
        ? { type, ...qualified }
        : maker !== undefined
          ? { maker, ...qualified }
          : field !== undefined
            ? { field }
            : undefined;
    if (!instance) return;
    const variable = t.text_(i);
    const known = this.types.get(variable);
    this.types.set(variable, known === undefined || (known && JSON.stringify(known) === JSON.stringify(instance)) ? instance : null);
  }

  /** `new pkg.T(...)` at `k` (where the language spells it so): the token of `T` and the call's `)`. */
  private newCall(k: number): { type: number; close: number } | undefined {
    if (!this.t.is(k, 'new') || !this.shapes.instances?.new) return undefined;
    const type = this.qualifiedEnd(k + 1);
    const close = type !== undefined && this.t.is(type + 1, '(') ? this.t.match(type + 1) : undefined;
    return close === undefined ? undefined : { type: type!, close };
  }

  /** The last name of `a.b.C` starting at `k`, or undefined when no name starts there. */
  private qualifiedEnd(k: number): number | undefined {
    const t = this.t;
    if (t.kind(k) !== TokenKind.Identifier) return undefined;
    while (t.is(k + 1, '.') && t.kind(k + 2) === TokenKind.Identifier) k += 2;
    return k;
  }

  private inBraces(from: number, at: number): boolean {
    let depth = 0;
    for (let k = from; k < at; k++) {
      if (this.t.is(k, '{')) depth++;
      else if (this.t.is(k, '}')) depth--;
    }
    return depth > 0;
  }

  // ---- arguments

  /** The arguments between a bracket and its match, split at top-level commas, with their keywords. */
  private args(open: number): { args: Arg[]; close: number } {
    const t = this.t;
    const close = t.match(open) ?? open;
    return { args: this.split(open + 1, close), close };
  }

  private split(from: number, to: number): Arg[] {
    const t = this.t;
    const args: Arg[] = [];
    let start = from;
    for (let k = from; k <= to; k++) {
      if (k < to && (t.is(k, '(') || t.is(k, '[') || t.is(k, '{'))) {
        k = Math.min(t.match(k) ?? k, to - 1);
        continue;
      }
      if (k === to || t.is(k, ',')) {
        if (k > start) args.push(this.keyword(start, k));
        start = k + 1;
      }
    }
    return args;
  }

  /** `name=value`, `name: value`, `:name => value`, `'name' => value`. */
  private keyword(from: number, to: number): Arg {
    const t = this.t;
    const name =
      t.kind(from) === TokenKind.Identifier || t.kind(from) === TokenKind.String ? (t.stringValue(from) ?? t.text_(from)) : undefined;
    if (name !== undefined && to - from >= 3) {
      if (t.is(from + 1, '=') && !t.is(from + 2, '=') && !t.is(from + 2, '>')) return { from: from + 2, to, keyword: name };
      if (t.is(from + 1, '=') && t.is(from + 2, '>')) return { from: from + 3, to, keyword: name };
      if (t.is(from + 1, ':') && !t.is(from + 2, ':')) return { from: from + 2, to, keyword: name };
    }
    if (t.is(from, ':') && t.kind(from + 1) === TokenKind.Identifier && t.is(from + 2, '=') && t.is(from + 3, '>'))
      return { from: from + 4, to, keyword: t.text_(from + 1) };
    return { from, to };
  }

  /** The argument a shape names: by position among positional ones, or by keyword (also inside an object literal argument). */
  private pick(args: Arg[], ref: ArgumentRef | undefined): Arg | undefined {
    if (ref === undefined) return undefined;
    if (typeof ref === 'number') return args.filter((a) => a.keyword === undefined)[ref];
    const direct = args.find((a) => a.keyword === ref);
    if (direct) return direct;
    for (const arg of args) {
      if ((this.t.is(arg.from, '{') || this.t.is(arg.from, '[')) && this.t.match(arg.from) === arg.to - 1) {
        const inner = this.split(arg.from + 1, arg.to - 1).find((a) => a.keyword === ref);
        if (inner) return inner;
      }
    }
    return undefined;
  }

  /** A path argument: literal strings (joined by `+`), a Ruby symbol, else built at run time. */
  private value(arg: Arg | undefined): Value | undefined {
    if (!arg) return undefined;
    const t = this.t;
    if (t.is(arg.from, ':') && arg.to === arg.from + 2 && t.kind(arg.from + 1) === TokenKind.Identifier)
      return { text: t.text_(arg.from + 1) };
    let text = '';
    for (let k = arg.from; k < arg.to; k++) {
      if ((k - arg.from) % 2 === 1) {
        if (t.is(k, '+') || t.is(k, '.')) continue;
        return { text, dynamic: `the path is built at run time (\`${this.source(arg)}\`)` };
      }
      const piece = t.stringValue(k);
      if (piece === undefined) return { text, dynamic: `the path is built at run time (\`${this.source(arg)}\`)` };
      text += piece;
    }
    return { text };
  }

  private source(arg: Arg): string {
    const text = this.t.text.slice(this.t.list[arg.from].start, this.t.list[arg.to - 1].end);
    return text.length > 60 ? text.slice(0, 57) + '...' : text;
  }

  /** Every method named in an argument: `['GET', 'POST']`, `RequestMethod.GET`, `{RequestMethod.GET, ...}`. */
  private methodsIn(arg: Arg | undefined): string[] {
    if (!arg) return [];
    const found: string[] = [];
    for (let k = arg.from; k < arg.to; k++) {
      // 'GET', RequestMethod.GET, HttpMethod.Get, Go's http.MethodGet
      const word = (this.t.stringValue(k) ?? this.t.text_(k)).toUpperCase().replace(/^METHOD(?=[A-Z])/, '');
      if (knowledge.httpMethods.has(word)) found.push(word);
    }
    return found;
  }

  // ---- calls

  /** The receiver chain before a callee: `app` in `app.get`, `Route` in `Route::get`, `users.router` in `users.router.get`. */
  private receiver(i: number): string | undefined {
    const t = this.t;
    let k = i - 1;
    const parts: string[] = [];
    for (;;) {
      let separator = 0;
      if (t.is(k, '.')) separator = 1;
      else if (t.is(k, ':') && t.is(k - 1, ':')) separator = 2;
      else if (t.is(k, '>') && t.is(k - 1, '-')) separator = 2;
      if (separator === 0 || t.kind(k - separator) !== TokenKind.Identifier) break;
      k -= separator;
      parts.unshift(t.text_(k));
      k--;
    }
    return parts.length > 0 ? parts.join('.') : undefined;
  }

  private hasSeparatorBefore(i: number): boolean {
    return this.t.is(i - 1, '.') || (this.t.is(i - 1, ':') && this.t.is(i - 2, ':')) || (this.t.is(i - 1, '>') && this.t.is(i - 2, '-'));
  }

  /** The argument list of a call at `i`: in brackets, or (Ruby) to the end of the line or a `do`. */
  private callArgs(i: number): { args: Arg[]; close: number } | undefined {
    const t = this.t;
    if (t.is(i + 1, '(')) return this.args(i + 1);
    if (this.family !== 'ruby' || this.hasSeparatorBefore(i)) return undefined;
    const next = t.kind(i + 1);
    if (next !== TokenKind.String && !(t.is(i + 1, ':') && t.kind(i + 2) === TokenKind.Identifier)) return undefined;
    let k = i + 1;
    for (; k < t.length && t.kind(k) !== TokenKind.Newline && !t.is(k, 'do'); k++)
      if (t.is(k, '[') || t.is(k, '(') || t.is(k, '{')) k = t.match(k) ?? k;
    return { args: this.split(i + 1, k), close: k - 1 };
  }

  /** A block right after a call: `{ ... }` (Kotlin, Go group blocks) or Ruby's `do ... end`. */
  private blockAfter(close: number): Span | undefined {
    const t = this.t;
    if (t.is(close + 1, '{')) {
      const end = t.match(close + 1);
      return end === undefined ? undefined : { start: t.list[close + 1].start, end: t.list[end].end };
    }
    const doAt = t.is(close + 1, 'do') ? close + 1 : t.is(close, 'do') ? close : undefined;
    if (doAt !== undefined) return { start: t.list[doAt].start, end: t.blockEnd(t.list[doAt].start) };
    return undefined;
  }

  /** The region of a scope call: its arguments, the calls chained to it and a block after it. */
  private scopeRegion(i: number, close: number): Span {
    const t = this.t;
    let end = close;
    while (t.is(end + 1, '.') || (t.is(end + 1, '-') && t.is(end + 2, '>'))) {
      const name = t.is(end + 1, '.') ? end + 2 : end + 3;
      if (t.kind(name) !== TokenKind.Identifier || !t.is(name + 1, '(')) break;
      end = t.match(name + 1) ?? name + 1;
    }
    const block = this.blockAfter(end);
    return { start: t.list[i].start, end: block?.end ?? t.list[end]?.end ?? t.text.length };
  }

  private receiverAllowed(receiver: string | undefined, allowed: string[] | undefined): boolean {
    return allowed === undefined || (receiver !== undefined && allowed.includes(receiver));
  }

  /** `x = <chain>.name(...)`: the variable a call's result is bound to. */
  private boundTo(i: number): string | undefined {
    const t = this.t;
    let k = i - 1;
    while (k > 0) {
      if (t.is(k, '.') || (t.is(k, ':') && t.is(k - 1, ':'))) k -= t.is(k, '.') ? 1 : 2;
      else break;
      if (t.is(k, ')')) {
        // walk back over a call in the chain: find its opening bracket
        let depth = 0;
        for (; k >= 0; k--) {
          if (t.is(k, ')')) depth++;
          else if (t.is(k, '(') && --depth === 0) break;
        }
        k--;
      }
      if (t.kind(k) !== TokenKind.Identifier) return undefined;
      k--;
    }
    if (t.is(k, 'new')) k--;
    if (!t.is(k, '=') || t.is(k - 1, '=') || t.is(k - 1, '!') || t.is(k - 1, '<') || t.is(k - 1, '>')) return undefined;
    k--;
    if (t.is(k, ':')) k--; // Go :=
    if (t.is(k, '>') || (t.kind(k) !== TokenKind.Identifier && !t.is(k, '$'))) {
      // `val api: RouteGroupBuilder = ...`, `var api = ...`: the name is before a type annotation
      return undefined;
    }
    return t.text_(k);
  }

  private callAt(i: number): void {
    const t = this.t;
    const name = t.text_(i);
    if (!this.names.has(name) || this.consumed.has(i)) return;
    const shapes = this.shapes;
    const receiver = this.receiver(i);
    const hasReceiver = this.hasSeparatorBefore(i);

    for (const shape of shapes.calls ?? []) {
      const spelled = shape.names[name];
      if (spelled === undefined || shape.receiver !== hasReceiver || !this.receiverAllowed(receiver, shape.receivers)) continue;
      // Ktor's `post { ... }`: a block and no path.
      const call = this.callArgs(i) ?? (shape.block && t.is(i + 1, '{') && !hasReceiver ? { args: [], close: i } : undefined);
      if (!call) continue;
      const block = shape.block ? this.blockAfter(call.close) : undefined;
      const pathArg = this.pick(call.args, shape.path);
      let path = this.value(pathArg) ?? (block ? EMPTY : undefined);
      if (!path) continue;
      const handlerArgs = call.args.filter((a) => a !== pathArg && a.keyword === undefined);
      if (!block && handlerArgs.length === 0 && shape.handler === undefined) continue;
      if (shape.pathStartsWithSlash && !path.dynamic && path.text !== '' && !path.text.startsWith('/')) continue;
      // A function is a handler, never a path (`.get((req, res) => ...)` chained on something else).
      if (pathArg && this.isFunction(pathArg)) continue;
      let methods = this.methodsOf(spelled, call.args, shape.methods, shape.defaultMethods);
      const chained = shape.chainedMethods !== undefined ? this.chainedMethods(call.close, shape.chainedMethods) : [];
      if (spelled === 'PATTERN' && !path.dynamic) {
        const m = /^([A-Z]+)\s+(\S*)$/.exec(path.text);
        if (m && knowledge.httpMethods.has(m[1])) ((methods = [m[1]]), (path = { text: m[2].replace(/^[^/]+(?=\/)/, '') }));
        else methods = chained.length > 0 ? chained : ['*'];
      }
      if (shape.includes && this.includeAt(this.pick(call.args, shape.handler), shape.includes, path)) return;
      const handled = block ? { span: block } : this.handlerOf(call.args, shape.handler, pathArg);
      if (!handled) continue;
      // Go's net/http: `mux.Handle("/x", http.HandlerFunc(h))` is a route; `r.Get("key")` with one argument is not.
      const at = pathArg ? this.spanOf(pathArg) : { start: t.list[i].start, end: t.list[i].end };
      for (const method of methods) this.addRoute(method, path, at, handled, receiver);
      return;
    }

    if (hasReceiver && t.is(i + 1, '(') && (this.chainAt(i, name, receiver) || this.objectAt(i, name, receiver))) return;

    for (const shape of shapes.groups ?? []) {
      if (!shape.names.includes(name) || !this.receiverAllowed(receiver, shape.receivers) || !t.is(i + 1, '(')) continue;
      const variable = this.boundTo(i);
      if (!variable) continue;
      const { args } = this.args(i + 1);
      const refs = Array.isArray(shape.path) ? shape.path : shape.path === undefined ? [] : [shape.path];
      const path = refs.map((ref) => this.value(this.pick(args, ref))).find((v) => v !== undefined) ?? EMPTY;
      const parent = receiver?.split('.')[0];
      this.groups.set(variable, {
        parent: parent && parent !== variable && this.groups.has(parent) ? parent : receiver?.includes('.') ? undefined : parent,
        path,
      });
      return;
    }

    for (const shape of shapes.mounts ?? []) {
      if (!shape.names.includes(name) || !hasReceiver || !this.receiverAllowed(receiver, shape.receivers) || !t.is(i + 1, '(')) continue;
      const { args } = this.args(i + 1);
      const refs = Array.isArray(shape.path) ? shape.path : shape.path === undefined ? [] : [shape.path];
      let pathArg = refs.map((ref) => this.pick(args, ref)).find((a) => a !== undefined);
      let targetArg = this.pick(args, shape.target);
      // `app.use(router)`: no path, the router is the first argument.
      if (pathArg && typeof shape.path === 'number' && t.kind(pathArg.from) === TokenKind.Identifier && args.length === 1)
        ((targetArg = pathArg), (pathArg = undefined));
      if (!targetArg) continue;
      const path = pathArg ? this.value(pathArg)! : EMPTY;
      if (pathArg && path.dynamic && t.kind(pathArg.from) !== TokenKind.String && args.length > 1 && typeof shape.path === 'number') {
        // `app.use(cors(), router)` and the like: the first argument is middleware, not a path.
        if (!t.is(pathArg.from + 1, '.') && t.is(pathArg.from + 1, '(')) continue;
      }
      const target = this.targetOf(targetArg);
      if (!target) continue;
      this.mounts.push({ receiver: receiver?.split('.')[0], path, ...target, replaces: shape.replaces && pathArg !== undefined });
      return;
    }

    for (const shape of shapes.scopes ?? []) {
      if (!shape.names.includes(name) || !this.receiverAllowed(receiver, shape.receivers)) continue;
      if (shape.receivers === undefined && hasReceiver && this.family === 'ruby') continue;
      const call = this.callArgs(i);
      if (!call) continue;
      const refs = Array.isArray(shape.path) ? shape.path : shape.path === undefined ? [] : [shape.path];
      const path = refs.map((ref) => this.value(this.pick(call.args, ref))).find((v) => v !== undefined);
      if (!path) continue;
      const region = this.scopeRegion(i, call.close);
      if (region.end <= t.list[call.close].end && !this.blockAfter(call.close) && !call.args.some((a) => this.isFunction(a))) continue;
      this.regions.push({ ...region, path, module: shape.module ? path.text : undefined });
      return;
    }

    for (const shape of shapes.resources ?? []) {
      if (!shape.names.includes(name) || !this.receiverAllowed(receiver, shape.receivers)) continue;
      if (this.family === 'ruby' && hasReceiver) continue;
      if (this.family === 'python' && !hasReceiver) continue;
      const call = this.callArgs(i);
      if (!call) continue;
      const refs = Array.isArray(shape.path) ? shape.path : shape.path === undefined ? [] : [shape.path];
      const pathArg = refs.map((ref) => this.pick(call.args, ref)).find((a) => a !== undefined);
      const path = this.value(pathArg);
      // A resource is named by a literal (`resources :orders`, router.register(r"orders", ...)); `admin.site.register(Post)` is not one.
      if (!path || !pathArg || path.dynamic) continue;
      let owner: string | undefined;
      if (shape.controller !== undefined) {
        const controller = this.pick(call.args, 'controller');
        const base = (controller && this.value(controller)?.text) || path.text;
        owner = camel(shape.plural ? base.replace(/s?$/, 's') : base) + shape.controller;
      } else {
        const named = this.refOf(this.pick(call.args, shape.handler));
        owner = named?.owner ?? named?.name;
      }
      if (!owner) continue;
      const only = this.symbolsIn(this.pick(call.args, 'only'));
      const except = this.symbolsIn(this.pick(call.args, 'except'));
      const at = this.spanOf(pathArg);
      this.addActions(
        shape.actions,
        path,
        at,
        owner,
        receiver,
        (action) => (only.length === 0 || only.includes(action)) && !except.includes(action),
      );
      const block = this.blockAfter(call.close);
      if (block && shape.nested !== undefined)
        this.regions.push({ ...block, path: { text: `${path.text}${shape.nested}`, dynamic: path.dynamic } });
      return;
    }
  }

  /**
   * `path('api/', include('shop.urls'))` mounts a module's URLs, `path('api/', include(router.urls))` a router of
   * this file: a mount, not a route.
   */
  private includeAt(arg: Arg | undefined, names: string[], path: Value): boolean {
    const t = this.t;
    if (!arg || !names.includes(t.text_(arg.from)) || !t.is(arg.from + 1, '(')) return false;
    const [inner] = this.split(arg.from + 2, t.match(arg.from + 1) ?? arg.from + 2);
    if (!inner) return true;
    const module = inner.to - inner.from === 1 ? t.stringValue(inner.from) : undefined;
    if (module !== undefined) this.mounts.push({ receiver: undefined, path, target: module, module, whole: true });
    else if (t.kind(inner.from) === TokenKind.Identifier && t.is(inner.from + 1, '.'))
      this.mounts.push({ receiver: undefined, path, target: t.text_(inner.from) });
    return true;
  }

  /** `router.route('/orders/:id').get(h).put(h)`: one path, a route per chained method. */
  private chainAt(i: number, name: string, receiver: string | undefined): boolean {
    const t = this.t;
    const shape = this.shapes.chains?.find((s) => s.names.includes(name));
    if (!shape) return false;
    const { args, close } = this.args(i + 1);
    const pathArg = this.pick(args, shape.path);
    const path = this.value(pathArg);
    if (!path || !pathArg || args.length !== 1 || !t.is(close + 1, '.')) return false;
    let found = false;
    for (let k = close; t.is(k + 1, '.') && t.kind(k + 2) === TokenKind.Identifier && t.is(k + 3, '(');) {
      const method = shape.methods[t.text_(k + 2)];
      this.consumed.add(k + 2);
      const call = this.args(k + 3);
      const handled = method !== undefined ? this.handlerOf(call.args, undefined, undefined) : undefined;
      if (method !== undefined && handled) ((found = true), this.addRoute(method, path, this.spanOf(pathArg), handled, receiver));
      k = call.close;
    }
    return found;
  }

  /** `fastify.route({ method: 'GET', url: '/orders/:id', handler: async (req, reply) => {...} })`. */
  private objectAt(i: number, name: string, receiver: string | undefined): boolean {
    const shape = this.shapes.objects?.find((s) => s.names.includes(name));
    if (!shape) return false;
    const { args } = this.args(i + 1);
    if (args.length !== 1 || !this.t.is(args[0].from, '{')) return false;
    const pathArg = this.pick(args, shape.path);
    const path = this.value(pathArg);
    const handlerArg = this.pick(args, shape.handler);
    if (!path || !pathArg || !handlerArg) return false;
    const handled = this.isFunction(handlerArg)
      ? { span: this.spanOf(handlerArg) }
      : this.refOf(handlerArg) && { ref: this.refOf(handlerArg) };
    if (!handled) return false;
    const methods = this.methodsIn(this.pick(args, shape.method));
    for (const method of methods.length > 0 ? methods : ['*']) this.addRoute(method, path, this.spanOf(pathArg), handled, receiver);
    return true;
  }

  /** `.Methods("GET", "POST")` chained after a route call (gorilla/mux), possibly after other chained calls. */
  private chainedMethods(close: number, name: string): string[] {
    const t = this.t;
    for (let k = close; t.is(k + 1, '.') && t.kind(k + 2) === TokenKind.Identifier && t.is(k + 3, '(');) {
      if (t.is(k + 2, name)) {
        const { args } = this.args(k + 3);
        return args.flatMap((a) => this.methodsIn(a));
      }
      k = t.match(k + 3) ?? k + 3;
    }
    return [];
  }

  private symbolsIn(arg: Arg | undefined): string[] {
    if (!arg) return [];
    const found: string[] = [];
    for (let k = arg.from; k < arg.to; k++)
      if (this.t.kind(k) === TokenKind.Identifier || this.t.kind(k) === TokenKind.String)
        found.push(this.t.stringValue(k) ?? this.t.text_(k));
    return found;
  }

  private addActions(
    actions: RouteActions,
    path: Value,
    at: Span,
    owner: string,
    receiver: string | undefined,
    keep: (action: string) => boolean,
  ): void {
    for (const [action, [methods, suffix]] of Object.entries(actions)) {
      if (!keep(action)) continue;
      for (const method of methods.split(','))
        this.addRoute(method, this.join([path, { text: suffix }]), at, { ref: { owner, name: action } }, receiver);
    }
  }

  private methodsOf(spelled: string, args: Arg[], ref: ArgumentRef | undefined, defaults: string[] | undefined): string[] {
    if (spelled !== '*') return spelled.split(',');
    const named = this.methodsIn(this.pick(args, ref));
    return named.length > 0 ? named : (defaults ?? ['*']);
  }

  private spanOf(arg: Arg): Span {
    return { start: this.t.list[arg.from].start, end: this.t.list[arg.to - 1].end };
  }

  private isFunction(arg: Arg): boolean {
    const t = this.t;
    for (let k = arg.from; k < arg.to; k++) {
      if (t.is(k, '=') && t.is(k + 1, '>')) return true;
      if (t.is(k, 'function') || t.is(k, 'func') || t.is(k, 'fn') || t.is(k, 'lambda') || t.is(k, 'fun')) return true;
      if (t.is(k, '{') && this.family === 'kotlin') return true;
    }
    return false;
  }

  /**
   * The function an inline handler only forwards to: its body is one call of a named function, maybe returned
   * or awaited (`(req, res) => orders.show(req, res)`, `func(c *gin.Context) { h.Show(c) }`, `async (req, res)
   * => { await controller.get(req, res); }`). Anything else in the body, and it is the handler itself.
   */
  private forwardedTo(arg: Arg): HandlerRef | undefined {
    const t = this.t;
    let body = -1;
    for (let k = arg.from; k < arg.to && body < 0; k++) {
      if (t.is(k, '(') || t.is(k, '[')) k = t.match(k) ?? k;
      else if (t.is(k, '=') && t.is(k + 1, '>')) body = k + 2;
      else if (t.is(k, '{')) body = k;
      else if (t.is(k, ':') && t.is(arg.from, 'lambda')) body = k + 1;
    }
    if (body < 0) return undefined;
    let from = body;
    let to = arg.to;
    if (t.is(from, '{')) {
      const close = t.match(from);
      if (close === undefined || close !== arg.to - 1) return undefined;
      ((from = from + 1), (to = close));
    }
    const skip = (k: number) => t.kind(k) === TokenKind.Newline || t.is(k, ';');
    while (from < to && skip(from)) from++;
    // Before it, the wrapper may make the instance it calls: `const company = new Company(service)`.
    for (let made = this.madeInstanceEnd(from, to); made !== undefined; made = this.madeInstanceEnd(from, to))
      for (from = made; from < to && skip(from);) from++;
    while (from < to && (skip(from) || t.is(from, 'return') || t.is(from, 'await'))) from++;
    while (to > from && skip(to - 1)) to--;
    // One call: a name (`show`, `orders.show`, `this.orders.show`), or a method of an instance made there
    // (`new OrdersController().show`), and its arguments, ending the body.
    const instance = this.newCall(from);
    if (instance ? !t.is(instance.close + 1, '.') : t.is(from, 'new') && this.shapes.instances?.new) return undefined;
    const made = instance && t.text_(instance.type);
    const k = this.qualifiedEnd(instance ? instance.close + 2 : from);
    if (k === undefined || !t.is(k + 1, '(') || t.match(k + 1) !== to - 1) return undefined;
    // The request goes on (a parameter is an argument), and not to a method of a parameter (`res.json(...)`).
    const parameters = new Set<string>();
    for (let p = arg.from; p < body; p++) if (t.kind(p) === TokenKind.Identifier) parameters.add(t.text_(p));
    if (parameters.has(t.text_(from))) return undefined;
    let passed = false;
    for (let p = k + 2; p < to - 1; p++) if (t.kind(p) === TokenKind.Identifier && parameters.has(t.text_(p))) passed = true;
    if (!passed) return undefined;
    if (made) return { name: t.text_(k), type: made };
    const named = this.refOf({ from, to: k + 1 });
    return named && !(named as { classView?: boolean }).classView ? named : undefined;
  }

  /** The end of `const x = new T(...)` at `k` (a statement of a wrapper before its one call), or undefined. */
  private madeInstanceEnd(k: number, to: number): number | undefined {
    const t = this.t;
    if (!(t.is(k, 'const') || t.is(k, 'let') || t.is(k, 'var')) || t.kind(k + 1) !== TokenKind.Identifier || !t.is(k + 2, '='))
      return undefined;
    const close = this.newCall(k + 3)?.close;
    if (close === undefined || close + 1 >= to) return undefined;
    // The statement ends there: a `;`, or the next one starts on a line of its own.
    const end = close + 1;
    const nextLine = t.kind(end) === TokenKind.Newline || t.lineOf(t.list[end].start) > t.lineOf(t.list[close].start);
    return t.is(end, ';') || nextLine ? end : undefined;
  }

  /** The handler of a route call: an inline function (its span), else a named reference. */
  private handlerOf(
    args: Arg[],
    ref: ArgumentRef | undefined,
    pathArg: Arg | undefined,
  ): { span?: Span; ref?: HandlerRef; classView?: string } | undefined {
    const rest = args.filter((a) => a !== pathArg && a.keyword === undefined);
    const inline = rest.findIndex((a) => this.isFunction(a));
    if (inline >= 0) {
      // `(req, res) => orders.show(req, res)`: the function it hands the request to is the handler.
      const forwarded = inline === rest.length - 1 ? this.forwardedTo(rest[inline]) : undefined;
      if (forwarded) return { ref: forwarded };
      return { span: { start: this.t.list[rest[inline].from].start, end: this.t.list[rest[rest.length - 1].to - 1].end } };
    }
    const chosen = ref !== undefined ? this.pick(args, ref) : rest[rest.length - 1];
    const named = this.refOf(chosen);
    return named ? { ref: named } : undefined;
  }

  /**
   * A named handler: `getUser`, `h.GetUser`, `views.order_detail`, `OrderView.as_view()`,
   * `[OrderController::class, 'show']`, `'OrderController@show'`, `'orders#show'`.
   */
  private refOf(arg: Arg | undefined): (HandlerRef & { classView?: boolean }) | undefined {
    if (!arg) return undefined;
    const t = this.t;
    const literal = arg.to - arg.from === 1 ? t.stringValue(arg.from) : undefined;
    if (literal !== undefined) {
      const m = /^([\w\\:]+)[@#]([\w]+)$/.exec(literal);
      if (!m) return undefined;
      const owner = m[1].split(/\\|::|\//).pop()!;
      return { owner: literal.includes('#') ? camel(owner) + 'Controller' : owner, name: m[2] };
    }
    // `auth(api.handleGet)`: a middleware wrapping one named handler; the handler is the one inside.
    if (t.kind(arg.from) === TokenKind.Identifier && t.is(arg.from + 1, '(') && t.match(arg.from + 1) === arg.to - 1) {
      const inner = this.split(arg.from + 2, arg.to - 1);
      if (inner.length === 1 && t.kind(inner[0].from) === TokenKind.Identifier && !t.is(inner[0].to - 1, ')')) return this.refOf(inner[0]);
    }
    const words: string[] = [];
    let classView = false;
    for (let k = arg.from; k < arg.to; k++) {
      if (t.kind(k) === TokenKind.Identifier) words.push(t.text_(k));
      else if (t.kind(k) === TokenKind.String) words.push(t.stringValue(k) ?? '');
      else if (t.is(k, '(')) {
        if (words.at(-1) === this.shapes.classViews?.call) classView = true;
        k = t.match(k) ?? k;
      }
    }
    if (words.length === 0) return undefined;
    if (classView) return { owner: words[words.length - 2], classView: true };
    // [OrderController::class, 'show']
    const classAt = words.indexOf('class');
    if (classAt > 0 && t.is(arg.from, '[')) return { owner: words[classAt - 1], name: words[words.length - 1] };
    // A value, not a handler: `config.get(KEY, { infer: true })`, `cache.get(key, [])`, `map.get(k, null)`.
    if (t.is(arg.from, '{') || t.is(arg.from, '[') || t.kind(arg.from) === TokenKind.Number) return undefined;
    // `this.getGame.bind(this)`: the method bound, not `bind`.
    if (words.length > 1 && words[words.length - 1] === 'bind') words.pop();
    const name = words[words.length - 1];
    if (LITERALS.has(name)) return undefined;
    const before = words.length > 1 ? words[words.length - 2] : undefined;
    const owner = before !== undefined && /^[A-Z]/.test(before) ? before : undefined;
    // `app.Orders.Show`: the method of the field's type, where a declaration gives it.
    const field = words.length > 2 ? before : undefined;
    return { name, owner, qualifier: owner === undefined ? before : undefined, ...(field !== undefined && { field }) };
  }

  /** What a mount mounts: a name (`orders`, `users.router`) or a `require` of './orders'. */
  private targetOf(arg: Arg): { target: string; module?: string; imported?: string } | undefined {
    const t = this.t;
    if (t.is(arg.from, 'require') && t.is(arg.from + 1, '(')) {
      const module = t.stringValue(arg.from + 2);
      return module ? { target: module, module } : undefined;
    }
    const words: string[] = [];
    for (let k = arg.from; k < arg.to; k++) {
      if (t.kind(k) === TokenKind.Identifier) words.push(t.text_(k));
      else if (!t.is(k, '.')) return undefined;
    }
    return words.length > 0 ? { target: words.join('.') } : undefined;
  }

  private addRoute(
    method: string,
    path: Value,
    at: Span,
    handled: { span?: Span; ref?: HandlerRef; classView?: string },
    receiver: string | undefined,
  ): void {
    const classView = (handled.ref as { classView?: boolean } | undefined)?.classView;
    if (classView && this.shapes.classViews && handled.ref?.owner) {
      this.addActions(this.shapes.classViews.actions, path, at, handled.ref.owner, receiver, () => true);
      return;
    }
    const route: FileRoute = {
      uri: this.uri,
      method,
      path: path.text,
      template: '',
      at,
      handler: handled.span,
      ref: handled.ref,
      unknown: path.dynamic,
    };
    this.routes.push(route);
    this.receiverOf.set(route, receiver?.split('.')[0]);
  }

  // ---- decorators

  private decoratorAt(i: number): void {
    const t = this.t;
    const line = t.lineOf(t.list[i].start);
    // A decorator starts its line (Python's `a @ b` and C#'s `x[0]` are not decorators).
    if (this.family === 'csharp' || this.family === 'python') {
      const before = t.list[i - 1];
      if (before && t.lineOf(before.start) === line && !t.is(i - 1, ']')) return;
    }
    const items = this.family === 'csharp' ? this.split(i + 1, t.match(i) ?? i) : [{ from: i + 1, to: t.length }];
    for (const item of items) this.oneDecorator(i, item.from);
  }

  private oneDecorator(markerAt: number, k: number): void {
    const t = this.t;
    const parts: string[] = [];
    while (t.kind(k) === TokenKind.Identifier) {
      parts.push(t.text_(k));
      if (!t.is(k + 1, '.')) break;
      k += 2;
    }
    if (parts.length === 0) return;
    const name = parts[parts.length - 1];
    const receiver = parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
    const call = t.is(k + 1, '(') ? this.args(k + 1) : undefined;
    const args = call?.args ?? [];
    const end = call ? t.list[call.close].end : t.list[k].end;
    for (const shape of this.shapes.decorators ?? []) {
      const spelled = shape.names[name];
      if (spelled === undefined || (shape.receiver ?? false) !== (receiver !== undefined)) continue;
      const pathArg = shape.path.map((ref) => this.pick(args, ref)).find((a) => a !== undefined);
      const path = this.value(pathArg) ?? (shape.emptyPath || spelled !== '' ? EMPTY : undefined);
      if (!path) return;
      const target = this.targetAfter(end, t.list[markerAt].start);
      if (!target) return;
      const at = pathArg ? this.spanOf(pathArg) : { start: t.list[markerAt].start, end };
      if (target.isClass) {
        if (shape.classPrefix)
          this.classPrefixes.push({ start: target.span.start, end: target.span.end, path: this.aspNetTokens(path, target.name) });
        return;
      }
      if (spelled === '') {
        // A path-only decorator on a method (JAX-RS @Path, ASP.NET [Route]): the method comes from a sibling.
        this.pendingPaths.push({ span: target.span, path, at });
        this.resolvePending(target.span);
        return;
      }
      const methods = this.methodsOf(spelled, args, shape.methods, shape.defaultMethods);
      for (const method of methods) {
        const route: FileRoute = { uri: this.uri, method, path: path.text, template: '', at, handler: target.span, unknown: path.dynamic };
        this.routes.push(route);
        this.receiverOf.set(route, receiver?.split('.')[0]);
        this.decorated.set(route, path === EMPTY || !pathArg);
      }
      this.resolvePending(target.span);
      return;
    }
  }

  private readonly pendingPaths: { span: Span; path: Value; at: Span }[] = [];
  private readonly decorated = new Map<FileRoute, boolean>();

  /** Joins a path-only decorator to the method decorators of the same function, whichever came first. */
  private resolvePending(span: Span): void {
    const paths = this.pendingPaths.filter((p) => p.span.end === span.end);
    if (paths.length === 0) return;
    for (const route of this.routes) {
      if (route.handler?.end !== span.end || !this.decorated.get(route)) continue;
      const path = paths[0];
      route.path = path.path.text;
      route.unknown = path.path.dynamic;
      route.at = path.at;
      this.decorated.set(route, false);
    }
  }

  /** ASP.NET's `[controller]` and `[action]` tokens in a class route. */
  private aspNetTokens(path: Value, className: string): Value {
    if (this.family !== 'csharp') return path;
    return { ...path, text: path.text.replace(/\[controller\]/gi, className.replace(/Controller$/, '')) };
  }

  /**
   * The class or function a decorator stands over; its span starts at the decorator, whose arguments
   * (FastAPI's `status_code=201`) belong to the handler.
   */
  private targetAfter(offset: number, decoratorStart: number): { isClass: boolean; span: Span; name: string } | undefined {
    const fn = this.definitions.functions.find((f) => f.start >= offset);
    const cls = this.definitions.classes.find((c) => c.start >= offset);
    if (cls && (!fn || cls.start <= fn.start)) return { isClass: true, span: { start: decoratorStart, end: cls.end }, name: cls.name };
    return fn ? { isClass: false, span: { start: decoratorStart, end: fn.end }, name: fn.name } : undefined;
  }
}

/** `orders` -> `Orders`, `line_items` -> `LineItems`, `admin/orders` -> `Orders`. */
function camel(name: string): string {
  return name
    .split('/')
    .pop()!
    .split(/[_-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Route registrations as data (data/routes.json): how each framework spells a method and a path, per
 * language family. The route reader (server/src/routes/) recognises these shapes over the lexer's tokens.
 */
import routesData from '../../../data/routes.json';

/** An argument: its index among the positional ones, or its keyword (`prefix=`, `to:`, `{ prefix: ... }`). */
export type ArgumentRef = number | string;

/** `*`: any method; `PATTERN`: the path string starts with the method (Go 1.22); '': a path only; else methods joined by commas. */
export type MethodSpelling = string;

export interface RouteCallShape {
  frameworks: string;
  names: Record<string, MethodSpelling>;
  path: ArgumentRef;
  receiver: boolean;
  receivers?: string[];
  pathStartsWithSlash?: boolean;
  methods?: ArgumentRef;
  defaultMethods?: string[];
  handler?: ArgumentRef;
  block?: boolean;
  chainedMethods?: string;
  includes?: string[];
}

export interface RouteDecoratorShape {
  frameworks: string;
  names: Record<string, MethodSpelling>;
  path: ArgumentRef[];
  emptyPath?: boolean;
  receiver?: boolean;
  methods?: ArgumentRef;
  defaultMethods?: string[];
  classPrefix?: boolean;
}

export interface NamedShape {
  frameworks: string;
  names: string[];
  path?: ArgumentRef | ArgumentRef[];
  receivers?: string[];
}

export interface MountShape extends NamedShape {
  target: ArgumentRef;
  replaces?: boolean;
}

export interface ScopeShape extends NamedShape {
  /** Also a namespace of the handler classes (Rails `namespace :api` looks in Api::). */
  module?: boolean;
}

/** Action name -> [method(s), path suffix]. */
export type RouteActions = Record<string, [MethodSpelling, string]>;

export interface ResourceShape extends NamedShape {
  handler?: ArgumentRef;
  controller?: string;
  nested?: string;
  plural?: boolean;
  actions: RouteActions;
}

export interface RouteShapes {
  filePrefixes?: Record<string, string>;
  chains?: { frameworks: string; names: string[]; path: ArgumentRef; methods: Record<string, MethodSpelling> }[];
  objects?: { frameworks: string; names: string[]; method: string; path: string; handler: string }[];
  calls?: RouteCallShape[];
  decorators?: RouteDecoratorShape[];
  groups?: NamedShape[];
  scopes?: ScopeShape[];
  mounts?: MountShape[];
  resources?: ResourceShape[];
  classViews?: { frameworks: string; call: string; actions: RouteActions };
}

interface RoutesFile {
  methods: string[];
  frameworkCodes: number[];
  families: Record<string, RouteShapes>;
}

const routes = routesData as unknown as RoutesFile;

/** The HTTP methods a route can name (upper case). */
export const httpMethods: ReadonlySet<string> = new Set(routes.methods);

/** Codes frameworks and middleware answer with on their own, which no handler needs to produce. */
export const frameworkCodes: ReadonlySet<number> = new Set(routes.frameworkCodes);

/** The route shapes of a language family, or undefined when none of its frameworks is known. */
export function routeShapesOf(family: string): RouteShapes | undefined {
  return routes.families[family];
}

/**
 * Route registrations as data (data/routes.json): how each framework spells a method and a path, per
 * language family. The route reader (server/src/routes/) recognises these shapes over the lexer's tokens.
 */
import routesData from '../../../data/routes.json';
import type { RoutesFile } from './types';

/** An argument: its index among the positional ones, or its keyword (`prefix=`, `to:`, `{ prefix: ... }`). */
export type ArgumentRef = number | string;

/** `*`: any method; `PATTERN`: the path string starts with the method (Go 1.22); '': a path only; else methods joined by commas. */
export type MethodSpelling = string;

/** One family's route shapes; each kind below is one entry of its lists. */
export type RouteShapes = RoutesFile['families'][string];
export type RouteCallShape = NonNullable<RouteShapes['calls']>[number];
export type RouteDecoratorShape = NonNullable<RouteShapes['decorators']>[number];
export type NamedShape = NonNullable<RouteShapes['groups']>[number];
export type MountShape = NonNullable<RouteShapes['mounts']>[number];
/** `module`: also a namespace of the handler classes (Rails `namespace :api` looks in Api::). */
export type ScopeShape = NonNullable<RouteShapes['scopes']>[number];
export type ResourceShape = NonNullable<RouteShapes['resources']>[number];
/** Action name -> [method(s), path suffix]. */
export type RouteActions = ResourceShape['actions'];

const routes = routesData;

/** The HTTP methods a route can name (upper case). */
export const httpMethods: ReadonlySet<string> = new Set(routes.methods);

/** Codes frameworks and middleware answer with on their own, which no handler needs to produce. */
export const frameworkCodes: ReadonlySet<number> = new Set(routes.frameworkCodes);

/** The route shapes of a language family, or undefined when none of its frameworks is known. */
export function routeShapesOf(family: string): RouteShapes | undefined {
  return routes.families[family];
}

/**
 * Routes and the OpenAPI operations they join (issue 17): readers over one file, and ProjectIndex, the
 * ProjectFacts of a set of documents. Read by the CLI now and by the workspace model later.
 */
export { type FileRoute, type FileRoutes, type HandlerRef, type MountFact, readRoutes } from './reader';
export { type SpecOperations, readOperations } from './operations';
export { type FileRead, ProjectIndex, joins, readFile } from './project';

/** Two-file projects (handlers + spec) for the route and project-rule tests: documents in memory, paths as keys. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import * as knowledge from '../../../server/src/knowledge';
import { ProjectIndex } from '../../../server/src/routes';
import { type Settings, defaultSettings, getLanguageService } from '../../../server/src/service';

export const service = getLanguageService();
const ROOT = 'file:///project/';

export interface Project {
  index: ProjectIndex;
  doc(path: string): TextDocument;
  /** `METHOD /template` of each route of a file (sorted), `?` for an unknown path. */
  routes(path: string): string[];
  /** The project diagnostics of a file. */
  diagnostics(path: string, settings?: Settings): Diagnostic[];
  /** The status tokens flagged by status-not-in-spec in a file. */
  flagged(path: string, settings?: Settings): string[];
  /** The spec's text after the preferred fix of the first finding in a file. */
  fixed(path: string, spec: string): string;
}

export function project(files: Record<string, string>): Project {
  let version = 0;
  const docs = new Map<string, TextDocument>();
  for (const [path, text] of Object.entries(files)) {
    const languageId = knowledge.languageForFile(path.slice(path.lastIndexOf('/') + 1)) ?? 'plaintext';
    docs.set(path, TextDocument.create(ROOT + path, languageId, ++version, text));
  }
  for (const doc of docs.values()) service.forget(doc.uri);
  const index = new ProjectIndex(service, docs.values());
  const doc = (path: string) => {
    const found = docs.get(path);
    if (!found) throw new Error(`no file ${path}`);
    return found;
  };
  const diagnostics = (path: string, settings = defaultSettings()) => service.doProjectValidation(doc(path), index, settings);
  return {
    index,
    doc,
    routes: (path) =>
      index
        .routesOf(ROOT + path)
        .map((r) => (r.unknown ? `${r.method} ?` : `${r.method} ${r.template}`))
        .sort(),
    diagnostics,
    flagged: (path, settings) =>
      diagnostics(path, settings)
        .filter((d) => d.code === 'status-not-in-spec')
        .map((d) => doc(path).getText(d.range)),
    fixed(path, spec) {
      const [first] = diagnostics(path);
      if (!first) throw new Error('no finding');
      const action = (first.data as { fixes: { isPreferred?: boolean; edit?: { changes?: Record<string, never[]> } }[] }).fixes.find(
        (f) => f.isPreferred,
      );
      const edits = action?.edit?.changes?.[ROOT + spec];
      if (!edits) throw new Error('no preferred fix on the spec');
      return TextDocument.applyEdits(doc(spec), edits);
    },
  };
}

/** A small OpenAPI 3 spec in YAML: path -> method -> declared response keys; a server URL or a Swagger basePath when given. */
export function openapi(
  paths: Record<string, Record<string, (number | string)[]>>,
  base: { server?: string; basePath?: string } = {},
): string {
  const lines = base.basePath !== undefined ? ['swagger: "2.0"', `basePath: ${base.basePath}`] : ['openapi: 3.0.3'];
  lines.push('info:', '  title: Orders', '  version: "1"');
  if (base.server) lines.push('servers:', `  - url: ${base.server}`);
  lines.push('paths:');
  for (const [path, methods] of Object.entries(paths)) {
    lines.push(`  ${path}:`);
    for (const [method, codes] of Object.entries(methods)) {
      lines.push(`    ${method}:`, '      responses:');
      for (const code of codes) lines.push(`        "${code}":`, '          description: Declared');
    }
  }
  return lines.join('\n') + '\n';
}

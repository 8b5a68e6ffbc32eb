/**
 * Scopes for languages whose blocks are indented (Python, Ruby): a site's handler is the outermost function
 * header above it (`def`, `async def`, Sinatra's `post '/x' do`) with the decorators over it, down to the
 * first line indented no deeper than that header; an `except`/`rescue` header on the way up makes the site
 * part of an error-handling block.
 */
import type { PhraseSet, ScopeSyntax } from '../../../knowledge';
import type { Scope, StatusSite } from '../../model';

/** What gets a scope here: status sites and completion slots. */
interface Placed {
  start: number;
  scope: Scope;
  failure?: string;
  role?: StatusSite['role'];
  code?: number;
  definesCode?: boolean;
}
import { type LineStart, namesCode } from './scanner';
import { TextScope } from './scope';

/** Headers that continue the block above them at the same indentation. */
const continuations = new Set(['except', 'rescue', 'else', 'elif', 'elsif', 'ensure', 'finally', 'when', 'in']);
const containers = new Set(['class', 'module']);

export function assignIndentedScopes(
  text: string,
  sites: Placed[],
  lines: readonly LineStart[],
  syntax: ScopeSyntax,
  outboundCalls: PhraseSet,
): void {
  const functions = new Set(syntax.functionKeywords);
  const failures = new Set(syntax.failureBlocks);
  const scopes = new Map<number, TextScope>();
  for (const site of sites) {
    if (site.role === 'mention') continue;
    let index = lineIndexAt(lines, site.start);
    if (index < 0) continue;
    let minIndent = lines[index].indent;
    let header: number | undefined;
    let failure: number | undefined;
    /** The definitions around the site (def and class lines), to tell a code defined from a code used. */
    let definitions = '';
    for (index--; index >= 0 && minIndent > 0; index--) {
      const line = lines[index];
      if (line.indent >= minIndent) continue;
      if (containers.has(line.word) || functions.has(line.word)) definitions += lineText(text, line.start) + ' ';
      if (containers.has(line.word)) break;
      if (functions.has(line.word)) header = index;
      else if (failures.has(line.word) && header === undefined && failure === undefined) failure = index;
      minIndent = continuations.has(line.word) ? line.indent + 1 : line.indent;
    }
    if (site.code !== undefined && namesCode(definitions, site.code)) site.definesCode = true;
    if (failure !== undefined) site.failure = text.slice(lines[failure].start, blockEnd(text, lines, failure));
    if (header === undefined) continue;
    let scope = scopes.get(header);
    if (!scope) {
      let first = header;
      while (first > 0 && lines[first - 1].word === syntax.decorator && lines[first - 1].indent === lines[header].indent) first--;
      scope = new TextScope(text, lines[first].start, blockEnd(text, lines, header), outboundCalls);
      scopes.set(header, scope);
    }
    site.scope = scope;
  }
  for (const site of sites) if (site.role === 'use' && site.code !== undefined) site.scope.codes.add(site.code);
}

function lineText(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Where the block under a header ends: the next line indented no deeper that does not continue it. */
function blockEnd(text: string, lines: readonly LineStart[], header: number): number {
  const indent = lines[header].indent;
  for (let i = header + 1; i < lines.length; i++) {
    if (lines[i].indent <= indent && !continuations.has(lines[i].word)) return lines[i].start;
  }
  return text.length;
}

/** The last line starting at or before the offset (lines are in order). */
function lineIndexAt(lines: readonly LineStart[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (lines[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

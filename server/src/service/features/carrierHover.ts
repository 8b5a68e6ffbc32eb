/**
 * Hover for status carriers (issue 16): at a use, where the status comes from (in hover.ts, from the site);
 * on a carrier's declaration (its name, or its status value), where it is used.
 */
import type { CodeLens, Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { Carrier, CarrierLookup } from '../carriers';
import type { DocumentLike, StatusSite } from '../model';

/** How many using files a hover lists by name. */
const MAX_LISTED = 10;

/** "424 Failed Dependency, via `FailedDependencyException`, declared in src/.../FailedDependencyException.java:6" */
export function viaLine(site: StatusSite): string {
  if (!site.via) return '';
  const { carrier, declaredAt } = site.via;
  const inherited = carrier.base ? ` (a subclass of \`${carrier.base.name}\`)` : '';
  return `${phraseOf(carrier.code)}, via \`${carrier.name}\`${inherited}, declared in ${declaredAt}`;
}

/** Where a carrier is used, as a hover paragraph. */
export function usesParagraph(lookup: CarrierLookup, carrier: Carrier): string {
  const uses = lookup.usesOf(carrier);
  const head = `\`${carrier.name}\` carries **${phraseOf(carrier.code)}**`;
  if (uses.length === 0) return `${head}; no use of it found in the workspace, so this declaration is judged where it stands.`;
  const total = uses.reduce((sum, use) => sum + use.count, 0);
  const listed = uses
    .slice(0, MAX_LISTED)
    .map((use) => `- ${lookup.display(use.uri)}${use.count > 1 ? ` (${use.count}×)` : ''}`)
    .join('\n');
  const more = uses.length > MAX_LISTED ? `\n- … and ${uses.length - MAX_LISTED} more files` : '';
  return `${head}, used ${total} time${total === 1 ? '' : 's'} in ${uses.length} file${uses.length === 1 ? '' : 's'} (directly or through its subclasses); each use is judged where it is:\n${listed}${more}`;
}

/**
 * A code lens on each carrier declared in a document: how often it is used, and in how many files (plain
 * text: the model keeps counts per file, not each use's place).
 */
export function carrierLenses(document: DocumentLike, lookup: CarrierLookup): CodeLens[] {
  return lookup.declaredIn(document.uri).map((carrier) => {
    const uses = lookup.usesOf(carrier);
    const total = uses.reduce((sum, use) => sum + use.count, 0);
    const title =
      uses.length === 0
        ? `${phraseOf(carrier.code)} · no use found`
        : `${phraseOf(carrier.code)} · ${total} use${total === 1 ? '' : 's'} in ${uses.length} file${uses.length === 1 ? '' : 's'}`;
    const at = document.positionAt(carrier.nameStart);
    return { range: { start: at, end: document.positionAt(carrier.nameEnd) }, command: { title, command: '' } };
  });
}

/** The hover on a carrier's name where it is declared, or null. */
export function declarationHover(document: DocumentLike, lookup: CarrierLookup, offset: number): Hover | null {
  const carrier = lookup.declaredIn(document.uri).find((c) => c.nameStart <= offset && offset <= c.nameEnd);
  if (!carrier) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: usesParagraph(lookup, carrier) },
    range: { start: document.positionAt(carrier.nameStart), end: document.positionAt(carrier.nameEnd) },
  };
}

function phraseOf(code: number): string {
  const phrase = knowledge.get(code)?.phrase;
  return phrase ? `${code} ${phrase}` : String(code);
}

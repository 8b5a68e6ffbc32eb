/** Hover: what the status code under the cursor means, from the knowledge registry. */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { DocumentLike, ScannedDocument, StatusSite } from '../model';
import { verdictLine } from './verdict';

export function doHover(document: DocumentLike, scanned: ScannedDocument, offset: number): Hover | null {
  const site = siteAt(scanned, offset);
  return site ? hoverFor(document, site, site.start, site.end) : null;
}

/** The hover of a site whose token spans [start, end) in the document (a site of an earlier scan maps there). */
export function hoverFor(document: DocumentLike, site: StatusSite, start: number, end: number): Hover {
  const value = [verdictLine(site), describeSite(site), site.note ? `---\n\nThis response: ${site.note}` : ''].filter(Boolean).join('\n\n');
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}

/** The site whose token contains the offset (either edge counts, as editors expect). */
export function siteAt(scanned: ScannedDocument, offset: number): StatusSite | undefined {
  const sites = scanned.sites;
  let low = 0;
  let high = sites.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const site = sites[mid];
    if (site.end < offset) low = mid + 1;
    else if (site.start > offset) high = mid - 1;
    else return site;
  }
  return undefined;
}

export function describeSite(site: StatusSite): string {
  if (site.code !== undefined) return describeCode(site.code);
  if (site.text === 'default') return '**default**\n\nThe response for every status code this operation does not list.';
  const range = /^([1-5])XX$/.exec(site.text);
  if (range) {
    const cls = knowledge.classOf(Number(range[1]) * 100)!;
    return `**${site.text}** · ${cls.name}\n\nAny status from ${range[1]}00 to ${range[1]}99 not listed on its own. ${cls.summary}`;
  }
  return `**${site.text}** is not a status code, a range (1XX to 5XX) or \`default\`.`;
}

/** The description of each code, built once: the data behind it never changes, and completion asks for ~60 at a keystroke. */
const descriptions = new Map<number, string>();

export function describeCode(code: number): string {
  let description = descriptions.get(code);
  if (description === undefined) descriptions.set(code, (description = buildDescription(code)));
  return description;
}

function buildDescription(code: number): string {
  const entry = knowledge.get(code);
  const cls = knowledge.classOf(code);
  if (!entry) {
    return `**${code}** · not a registered HTTP status code\n\n${cls ? `Its first digit puts it in the ${cls.name} class, but no standard defines it.` : 'HTTP status codes run from 100 to 599.'}`;
  }
  const lines = [`**${code} ${entry.phrase}** · ${cls?.name ?? ''}`, entry.summary];
  const rich = knowledge.explanationOf(code);
  if (rich) {
    // Kept to what decides between neighbouring codes, so the hover fits the editor's hover height.
    lines.push(rich.meaning);
    lines.push(`**Fits when**\n${bullets(rich.whenItFits)}`);
    lines.push(
      `**Not to be confused with**\n${bullets(rich.notToBeConfusedWith.map((c) => `**${c.code} ${knowledge.get(c.code)?.phrase ?? ''}**: ${c.difference}`))}`,
    );
  }
  if (entry.note) lines.push(`_${entry.note}_`);
  lines.push(`[${entry.spec.rfc} §${entry.spec.section}](${entry.spec.url})`);
  return lines.join('\n\n');
}

function bullets(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

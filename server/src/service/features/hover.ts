/** Hover: what the status code under the cursor means, from the knowledge registry. */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { DocumentLike, ScannedDocument, StatusSite } from '../model';
import { codePageUrl } from './codePages';
import { viaLine } from './carrierHover';
import { verdictLine } from './verdict';

export function doHover(document: DocumentLike, scanned: ScannedDocument, offset: number): Hover | null {
  const site = siteAt(scanned, offset);
  return site ? hoverFor(document, site, site.start, site.end) : null;
}

/** The hover of a site whose token spans [start, end) in the document (a site of an earlier scan maps there). */
export function hoverFor(document: DocumentLike, site: StatusSite, start: number, end: number): Hover {
  const { head, rest } = siteParts(site);
  const value = [
    // What the reader needs at the site first: how the status reaches it (a carrier declared elsewhere), its
    // verdict in one line (when it has one), the code's meaning in one line, then the neighbours.
    viaLine(site),
    verdictLine(site),
    head,
    rest,
    site.note ? `---\n\nThis response: ${site.note}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
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

/** A hover in two parts: the head (what it is, in one line, and what it means, in one) and the rest. */
interface Parts {
  head: string;
  rest: string;
}

function siteParts(site: StatusSite): Parts {
  if (site.code !== undefined) return codeParts(site.code);
  if (site.text === 'default') return { head: '**default**\n\nThe response for every status code this operation does not list.', rest: '' };
  const range = /^([1-5])XX$/.exec(site.text);
  if (range) {
    const cls = knowledge.classOf(Number(range[1]) * 100)!;
    return {
      head: `**${site.text}** · ${cls.name}\n\nAny status from ${range[1]}00 to ${range[1]}99 not listed on its own. ${cls.summary}`,
      rest: '',
    };
  }
  return { head: `**${site.text}** is not a status code, a range (1XX to 5XX) or \`default\`.`, rest: '' };
}

export function describeSite(site: StatusSite): string {
  const { head, rest } = siteParts(site);
  return rest ? `${head}\n\n${rest}` : head;
}

/** The parts of each code, built once: the data behind them never changes, and completion asks for ~60 at a keystroke. */
const parts = new Map<number, Parts>();

function codeParts(code: number): Parts {
  let built = parts.get(code);
  if (built === undefined) parts.set(code, (built = buildParts(code)));
  return built;
}

/** The hover text of a code, as a site without a verdict shows it. */
export function describeCode(code: number): string {
  const { head, rest } = codeParts(code);
  return rest ? `${head}\n\n${rest}` : head;
}

/**
 * The meaning in one line, then, for 424 and its neighbours, which neighbour to use instead and when (one
 * line each): what decides at the site. The full explanation is a page of its own (codePages.ts), linked.
 */
function buildParts(code: number): Parts {
  const entry = knowledge.get(code);
  const cls = knowledge.classOf(code);
  if (!entry) {
    return {
      head: `**${code}** · not a registered HTTP status code\n\n${cls ? `Its first digit puts it in the ${cls.name} class, but no standard defines it.` : 'HTTP status codes run from 100 to 599.'}`,
      rest: '',
    };
  }
  const head = `**${code} ${entry.phrase}** · ${cls?.name ?? ''}\n\n${entry.summary}`;
  const rest: string[] = [];
  const rich = knowledge.explanationOf(code);
  if (rich) {
    const instead = rich.notToBeConfusedWith.map((c) => `**${c.code} ${knowledge.get(c.code)?.phrase ?? ''}** when ${c.useWhen}`);
    rest.push(`**Use instead**\n${bullets(instead)}`);
  }
  if (entry.note) rest.push(`_${entry.note}_`);
  const rfc = `[${entry.spec.rfc} §${entry.spec.section}](${entry.spec.url})`;
  rest.push(rich ? `[Full explanation](${codePageUrl(code)}) · ${rfc}` : rfc);
  return { head, rest: rest.join('\n\n') };
}

function bullets(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

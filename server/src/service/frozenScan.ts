/**
 * A scan made in another thread, as plain data that crosses a worker boundary cheaply. It carries what
 * hover and completion read — sites' places, codes, odd texts and notes (packed in a typed array: thousands
 * of small objects cost the receiving thread ~15 ms to copy and rebuild), the carriers sites use or declare,
 * completion slots with their ranking verdicts — and not the words of each scope, the sites' messages or
 * spellings. A thawed scan therefore serves hover and completion only; the rules and fixes run where the scan
 * was made.
 */
import * as knowledge from '../knowledge';
import type { Carrier } from './carriers';
import type { CarrierVia, CompletionSlot, ScannedDocument, Scope, StatusSite } from './model';
import { verdictLine } from './features/verdict';
import { scopeMarksDependency } from './rules/rule';

/** The sites as columns: start, end, code (-1: none), role (0 mention, 1 use, 2 read) per site; the texts that are not the code's digits; the notes; the hover verdicts; the carriers the sites stand for. */
interface FrozenSites {
  numbers: Int32Array;
  texts: [number, string][];
  notes: [number, string][];
  verdicts: [number, string][];
  carries: [number, Carrier][];
  vias: [number, Pick<CarrierVia, 'carrier' | 'declaredAt'>][];
}

const ROLES: StatusSite['role'][] = ['mention', 'use', 'read'];

interface FrozenScope {
  codes: number[];
  webdavMethod?: string;
  arrayOfOperations?: boolean;
  responses?: { keys: string[] };
  marksDependency: boolean;
}

type FrozenSlot = Omit<CompletionSlot, 'scope'> & { scope: number };

/** The document's own facts (kind, spellings seen...) as they are; sites and slots in their frozen form. */
export interface FrozenScan extends Omit<ScannedDocument, 'sites' | 'slots'> {
  sites: FrozenSites;
  slots?: FrozenSlot[];
  /** The scopes of the slots, each once (slots of one operation share theirs). */
  scopes: FrozenScope[];
}

export function freezeScan(scanned: ScannedDocument): FrozenScan {
  const numbers = new Int32Array(scanned.sites.length * 4);
  const sites: FrozenSites = { numbers, texts: [], notes: [], verdicts: [], carries: [], vias: [] };
  scanned.sites.forEach((site, i) => {
    numbers.set([site.start, site.end, site.code ?? -1, ROLES.indexOf(site.role)], i * 4);
    if (site.code === undefined || site.text !== String(site.code)) sites.texts.push([i, site.text]);
    if (site.note !== undefined) sites.notes.push([i, site.note]);
    if (site.carries !== undefined) sites.carries.push([i, site.carries]);
    if (site.via !== undefined) sites.vias.push([i, { carrier: site.via.carrier, declaredAt: site.via.declaredAt }]);
    // The evidence stays behind: the hover's verdict goes over as its line.
    const verdict = site.code === 424 || site.code === 409 || site.code === 412 || site.code === 423 ? verdictLine(site) : undefined;
    if (verdict !== undefined) sites.verdicts.push([i, verdict]);
  });
  const scopes: FrozenScope[] = [];
  const indexOf = new Map<Scope, number>();
  const freezeScope = (scope: Scope): number => {
    let index = indexOf.get(scope);
    if (index === undefined) {
      indexOf.set(scope, (index = scopes.length));
      scopes.push({
        codes: [...scope.codes],
        webdavMethod: scope.webdavMethod,
        arrayOfOperations: scope.arrayOfOperations,
        responses: scope.responses && { keys: scope.responses.keys },
        marksDependency: scopeMarksDependency(scope, knowledge.phrases.dependencyContext),
      });
    }
    return index;
  };
  const slots = scanned.slots?.map((slot): FrozenSlot => ({ ...slot, scope: freezeScope(slot.scope) }));
  const { sites: _, slots: __, ...facts } = scanned;
  return { ...facts, sites, slots, scopes };
}

/** The buffers a frozen scan can hand over to another thread instead of copying them. */
export function transferablesOf(frozen: FrozenScan): ArrayBuffer[] {
  return [frozen.sites.numbers.buffer as ArrayBuffer];
}

const NO_WORDS: readonly string[] = [];
const NO_RULES: ReadonlySet<string> = new Set();
/** Not carried over (fixes come with the worker's diagnostics): every thawed site says "number". */
const NOT_CARRIED = { kind: 'number' } as const;

export function thawScan(frozen: FrozenScan): ScannedDocument {
  const scopes = frozen.scopes.map((scope): Scope => ({
    words: () => NO_WORDS,
    codes: new Set(scope.codes),
    webdavMethod: scope.webdavMethod,
    arrayOfOperations: scope.arrayOfOperations,
    responses: scope.responses,
    marksDependency: scope.marksDependency,
  }));
  const siteScope: Scope = { words: () => NO_WORDS, codes: new Set() };
  const { sites, slots, scopes: _, ...facts } = frozen;
  return {
    ...facts,
    sites: thawSites(sites, siteScope),
    slots: slots?.map((slot) => ({ ...slot, scope: scopes[slot.scope] }) as CompletionSlot),
  };
}

function thawSites({ numbers, texts, notes, verdicts, carries, vias }: FrozenSites, scope: Scope): StatusSite[] {
  const sites: StatusSite[] = [];
  for (let i = 0; i < numbers.length; i += 4) {
    const code = numbers[i + 2] < 0 ? undefined : numbers[i + 2];
    sites.push({
      code,
      text: String(code),
      start: numbers[i],
      end: numbers[i + 1],
      role: ROLES[numbers[i + 3]],
      spelling: NOT_CARRIED,
      message: '',
      scope,
      suppressed: NO_RULES,
      note: undefined,
      verdict: '',
    });
  }
  for (const [i, text] of texts) sites[i].text = text;
  for (const [i, note] of notes) sites[i].note = note;
  for (const [i, verdict] of verdicts) sites[i].verdict = verdict;
  for (const [i, carrier] of carries) sites[i].carries = carrier;
  // What the hover says of a carrier's use; the fixes that offer other carriers came with the worker's diagnostics.
  for (const [i, via] of vias) sites[i].via = { ...via, carriersFor: () => [], where: (carrier) => carrier.uri };
  return sites;
}

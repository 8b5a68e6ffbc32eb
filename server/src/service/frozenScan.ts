/**
 * A scan made in another thread, as plain data that crosses a worker boundary cheaply. It carries what
 * hover and completion read — sites' tokens and notes, completion slots with their ranking verdicts — and
 * not the words of each scope, which would cost more to copy than hover may wait. A thawed scan therefore
 * serves hover and completion only; the rules run where the scan was made.
 */
import * as knowledge from '../knowledge';
import type { CompletionSlot, ScannedDocument, Scope, StatusSite } from './model';
import { scopeMarksDependency } from './rules/rule';

type FrozenSite = Pick<StatusSite, 'code' | 'text' | 'start' | 'end' | 'role' | 'spelling' | 'note'>;

interface FrozenScope {
  codes: number[];
  webdavMethod?: string;
  arrayOfOperations?: boolean;
  responses?: { keys: string[] };
  marksDependency: boolean;
  outbound: boolean;
}

type FrozenSlot = Omit<CompletionSlot, 'scope'> & { scope: number };

/** The document's own facts (kind, spellings seen...) as they are; sites and slots in their frozen form. */
export interface FrozenScan extends Omit<ScannedDocument, 'sites' | 'slots'> {
  sites: FrozenSite[];
  slots?: FrozenSlot[];
  /** The scopes of the slots, each once (slots of one operation share theirs). */
  scopes: FrozenScope[];
}

export function freezeScan(scanned: ScannedDocument): FrozenScan {
  const sites = scanned.sites.map(({ code, text, start, end, role, spelling, note }): FrozenSite => ({
    code,
    text,
    start,
    end,
    role,
    spelling,
    note,
  }));
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
        outbound: scope.makesOutboundCall?.() === true,
      });
    }
    return index;
  };
  const slots = scanned.slots?.map((slot): FrozenSlot => ({ ...slot, scope: freezeScope(slot.scope) }));
  const { sites: _, slots: __, ...facts } = scanned;
  return { ...facts, sites, slots, scopes };
}

const NO_WORDS: readonly string[] = [];
const NO_RULES: ReadonlySet<string> = new Set();

export function thawScan(frozen: FrozenScan): ScannedDocument {
  const scopes = frozen.scopes.map((scope): Scope => ({
    words: () => NO_WORDS,
    codes: new Set(scope.codes),
    webdavMethod: scope.webdavMethod,
    arrayOfOperations: scope.arrayOfOperations,
    responses: scope.responses,
    makesOutboundCall: () => scope.outbound,
    marksDependency: scope.marksDependency,
  }));
  const siteScope: Scope = { words: () => NO_WORDS, codes: new Set() };
  const { sites, slots, scopes: _, ...facts } = frozen;
  return {
    ...facts,
    sites: sites.map((site): StatusSite => ({ ...site, message: '', scope: siteScope, suppressed: NO_RULES })),
    slots: slots?.map((slot) => ({ ...slot, scope: scopes[slot.scope] }) as CompletionSlot),
  };
}

/**
 * The workspace model: for every file of the project, the status carriers it declares and the names it uses.
 * Updated one file at a time (the editor's edits and file events, the CLI's first pass); the service reads
 * it through CarrierLookup only. Each file keeps only its carriers, its subclasses and the counts of the
 * names it calls, so the model stays small (bench/workspace.ts measures it).
 */
import * as knowledge from '../knowledge';
import type { Carrier, CarrierLookup, CarrierSnapshot, CarrierUse } from '../service/carriers';
import { type FileCarriers, findCarriers } from './carriers';

/** A file's facts as plain data: what a cache stores and a worker thread receives. */
export interface FileFacts {
  uri: string;
  family: string;
  carriers: FileCarriers['carriers'];
  subclasses: FileCarriers['subclasses'];
  uses: [string, number][];
}

/** The language family a file's carriers are read in (`languageId` undefined: by the file name), if it has carrier shapes. */
function carrierFamily(uri: string, languageId?: string): string | undefined {
  const id = knowledge.resolveLanguageId(languageId ?? '', uri);
  const family = id === undefined ? undefined : knowledge.language(id)?.family;
  return family && knowledge.carrierShapesOf(family) ? family : undefined;
}

/**
 * A file's facts read from its text, as plain data (a lint worker reads them beside its scan). `keepTokens`:
 * the same text is scanned next, which then replays the tokens instead of lexing again.
 */
export function readFacts(uri: string, text: string, languageId?: string, keepTokens = false): FileFacts | undefined {
  const family = carrierFamily(uri, languageId);
  if (!family) return undefined;
  const found = findCarriers(text, family, keepTokens);
  return { uri, family, carriers: found.carriers, subclasses: found.subclasses, uses: [...found.uses] };
}

/** Families whose code can use each other's classes. */
const interop: Record<string, string> = { java: 'jvm', kotlin: 'jvm' };
const groupOf = (family: string) => interop[family] ?? family;

interface FileEntry {
  family: string;
  found: FileCarriers;
  /** The declarations as one string, to tell whether an update changed them. */
  signature: string;
}

/** Names are kept once for the whole model: thousands of files use the same few hundred names. */
const MAX_SUBCLASS_DEPTH = 8;

export class WorkspaceModel implements CarrierLookup {
  private readonly files = new Map<string, FileEntry>();
  private readonly names = new Map<string, string>();
  private index: Map<string, Carrier[]> | undefined;
  private subclasses: Map<string, { uri: string; family: string; sub: FileCarriers['subclasses'][number] }[]> | undefined;
  private resolved = new Map<string, Carrier | null>();
  /** The names of every carrier and subclass, built with the index. */
  private names_: Set<string> | undefined;
  private _generation = 0;
  private readonly roots: string[] = [];

  get generation(): number {
    return this._generation;
  }

  /** Workspace folders (URIs ending in `/`), for display paths. */
  setRoots(roots: readonly string[]): void {
    this.roots.length = 0;
    for (const root of roots) this.roots.push(root.endsWith('/') ? root : `${root}/`);
  }

  /** The workspace folders given to setRoots. */
  rootList(): readonly string[] {
    return this.roots;
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Reads a file's carriers. `languageId` decides its family (undefined: by the file name). Returns whether
   * its declarations changed (then the generation moved on).
   */
  update(uri: string, text: string, languageId?: string): boolean {
    const family = carrierFamily(uri, languageId);
    if (!family) return this.remove(uri);
    const found = findCarriers(text, family);
    // The names are slices of the file's text: kept as they are, each would keep the whole text alive.
    const uses = new Map<string, number>();
    for (const [name, count] of found.uses) uses.set(this.intern(name), count);
    found.uses = uses;
    for (const carrier of found.carriers) carrier.name = this.intern(carrier.name);
    for (const sub of found.subclasses) ((sub.name = this.intern(sub.name)), (sub.base = this.intern(sub.base)));
    const signature = signatureOf(found);
    const before = this.files.get(uri);
    this.files.set(uri, { family, found, signature });
    if (before?.signature === signature && before.family === family) {
      // Same carriers, maybe moved within the file: positions are read afresh, scans stay valid.
      if (signature !== '') this.forgetIndex();
      return false;
    }
    this.changed();
    return true;
  }

  /** Takes a file's facts read before (a cache, another thread) instead of reading its text; whether its declarations changed. */
  restore(facts: FileFacts): boolean {
    const found: FileCarriers = {
      carriers: facts.carriers,
      subclasses: facts.subclasses,
      uses: new Map(facts.uses.map(([name, count]) => [this.intern(name, false), count])),
    };
    for (const carrier of found.carriers) carrier.name = this.intern(carrier.name, false);
    for (const sub of found.subclasses) ((sub.name = this.intern(sub.name, false)), (sub.base = this.intern(sub.base, false)));
    const signature = signatureOf(found);
    const before = this.files.get(facts.uri);
    this.files.set(facts.uri, { family: facts.family, found, signature });
    if (before?.signature !== signature || before.family !== facts.family) {
      this.changed();
      return true;
    }
    if (signature !== '') this.forgetIndex();
    return false;
  }

  /** A file's facts as plain data, or undefined when the model does not hold it. */
  facts(uri: string, onlyCarrierNames = false): FileFacts | undefined {
    const entry = this.files.get(uri);
    if (!entry) return undefined;
    let uses = [...entry.found.uses];
    if (onlyCarrierNames) {
      const names = this.carrierNames();
      uses = uses.filter(([name]) => names.has(name));
    }
    return { uri, family: entry.family, carriers: entry.found.carriers, subclasses: entry.found.subclasses, uses };
  }

  /** What a worker thread needs to answer as this model does: the files that declare or use a carrier. */
  snapshot(): FileFacts[] {
    const result: FileFacts[] = [];
    const names = this.carrierNames();
    for (const uri of this.files.keys()) {
      const facts = this.facts(uri, true)!;
      facts.subclasses = facts.subclasses.filter((s) => names.has(s.name));
      if (facts.carriers.length > 0 || facts.subclasses.length > 0 || facts.uses.length > 0) result.push(facts);
    }
    return result;
  }

  static fromSnapshot(snapshot: readonly FileFacts[], roots: readonly string[] = []): WorkspaceModel {
    const model = new WorkspaceModel();
    model.setRoots(roots);
    for (const facts of snapshot) model.restore(facts);
    return model;
  }

  /**
   * What a file's findings depend on besides its own text: the carriers its names stand for, and for each
   * carrier it declares whether it is used (a cache entry is stale when this changes).
   */
  dependencyKey(uri: string): string {
    const entry = this.files.get(uri);
    if (!entry) return '';
    const parts: string[] = [];
    const names = this.carrierNames();
    const used: string[] = [];
    for (const name of entry.found.uses.keys()) if (names.has(name)) used.push(name);
    for (const name of used.sort()) {
      const carrier = this.carrier(name, uri, entry.family);
      if (carrier) parts.push(`${name}=${carrier.code}@${carrier.uri}:${carrier.line}`);
    }
    for (const carrier of this.declaredIn(uri)) parts.push(`${carrier.name}:${carrier.code}:${this.usesOf(carrier).length > 0}`);
    return parts.join('|');
  }

  /**
   * What the scan worker needs to check `uri` as this model would (service/carriers.ts); nothing for a file
   * that reads no carriers (a spec).
   */
  seenFrom(uri: string, languageId: string): CarrierSnapshot | undefined {
    const family = carrierFamily(uri, languageId);
    if (!family) return undefined;
    const named: CarrierSnapshot['named'] = [];
    for (const name of this.carrierNames()) {
      const carrier = this.carrier(name, uri, family);
      if (carrier) named.push([name, carrier]);
    }
    const codes = new Set<number>();
    for (const list of this.byName().values()) for (const carrier of list) codes.add(carrier.code);
    const byCode = [...codes].map((code): [number, Carrier[]] => [code, this.carriersFor(code, uri, family)]);
    const declared = this.declaredIn(uri).map((carrier): [Carrier, CarrierUse[]] => [carrier, this.usesOf(carrier)]);
    const files = new Set<string>();
    for (const [, carrier] of named) for (let c: Carrier | undefined = carrier; c; c = c.base) files.add(c.uri);
    for (const [, carriers] of byCode) for (const carrier of carriers) files.add(carrier.uri);
    for (const [, uses] of declared) for (const use of uses) files.add(use.uri);
    return { generation: this.generation, named, byCode, declared, shown: [...files].map((file) => [file, this.display(file)]) };
  }

  /**
   * The names that can stand for a carrier: the carriers', and those of subclasses whose base is one of them,
   * transitively (by name: resolution by path comes later). Most classes of a project extend something;
   * only these few are worth resolving, and the only uses worth keeping beyond a file's own reading.
   */
  private carrierNames(): Set<string> {
    if (!this.names_) {
      const names = new Set(this.byName().keys());
      for (let depth = 0, added = names.size > 0; added && depth < MAX_SUBCLASS_DEPTH; depth++) {
        added = false;
        for (const [name, subs] of this.subclassesByName()) {
          if (!names.has(name) && subs.some((s) => names.has(s.sub.base))) ((added = true), names.add(name));
        }
      }
      this.names_ = names;
    }
    return this.names_;
  }

  remove(uri: string): boolean {
    const before = this.files.get(uri);
    if (!before) return false;
    this.files.delete(uri);
    if (before.signature !== '') this.changed();
    return before.signature !== '';
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  clear(): void {
    this.files.clear();
    this.changed();
  }

  carrier(name: string, fromUri: string, family: string): Carrier | undefined {
    // Asked for every name the scanner reads: most are no carrier's.
    if (!this.carrierNames().has(name)) return undefined;
    const key = `${groupOf(family)}\0${name}\0${fromUri}`;
    let found = this.resolved.get(key);
    if (found === undefined) {
      found = this.resolve(name, fromUri, groupOf(family), 0) ?? null;
      // Resolutions depend on the asking file's place only; kept until the next change.
      if (this.resolved.size > 50_000) this.resolved.clear();
      this.resolved.set(key, found);
    }
    return found ?? undefined;
  }

  carriersFor(code: number, fromUri: string, family: string): Carrier[] {
    const group = groupOf(family);
    const result: Carrier[] = [];
    for (const list of this.byName().values()) {
      for (const carrier of list) if (carrier.code === code && groupOf(this.files.get(carrier.uri)!.family) === group) result.push(carrier);
    }
    return result.sort((a, b) => nearness(b.uri, fromUri) - nearness(a.uri, fromUri) || a.name.localeCompare(b.name));
  }

  declaredIn(uri: string): readonly Carrier[] {
    const entry = this.files.get(uri);
    if (!entry || entry.signature === '') return [];
    const result: Carrier[] = [];
    for (const list of this.byName().values()) for (const carrier of list) if (carrier.uri === uri) result.push(carrier);
    for (const sub of entry.found.subclasses) {
      const carrier = this.carrier(sub.name, uri, entry.family);
      if (carrier && carrier.uri === uri && carrier.nameStart === sub.nameStart) result.push(carrier);
    }
    return result;
  }

  /** The files that use a carrier, directly or through a subclass that carries its status. */
  usesOf(carrier: Carrier): CarrierUse[] {
    const names = new Set([carrier.name]);
    const carrying = this.carrierNames();
    for (const [name, subs] of this.subclassesByName()) {
      if (!carrying.has(name)) continue;
      for (const { uri, family } of subs) {
        for (let c = this.carrier(name, uri, family); c; c = c.base) if (sameCarrier(c.base, carrier)) names.add(name);
      }
    }
    const uses: CarrierUse[] = [];
    for (const [uri, entry] of this.files) {
      let count = 0;
      for (const name of names) {
        const n = entry.found.uses.get(name);
        if (n === undefined) continue;
        // The name must stand for this very carrier there (another package may declare its own).
        for (let c = this.carrier(name, uri, entry.family); c; c = c.base) {
          if (sameCarrier(c, carrier)) {
            count += n;
            break;
          }
        }
      }
      if (count > 0) uses.push({ uri, count });
    }
    return uses.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  display(uri: string): string {
    const root = this.roots.find((r) => uri.startsWith(r));
    const relative = root ? uri.slice(root.length) : uri.slice(uri.lastIndexOf('/') + 1);
    try {
      return decodeURIComponent(relative);
    } catch {
      return relative;
    }
  }

  /** Every carrier of the model, for reports and tests. */
  all(): Carrier[] {
    const result: Carrier[] = [];
    for (const list of this.byName().values()) result.push(...list);
    for (const [uri, entry] of this.files) {
      for (const sub of entry.found.subclasses) {
        const carrier = this.carrier(sub.name, uri, entry.family);
        if (carrier && carrier.uri === uri && carrier.shape === 'inherited') result.push(carrier);
      }
    }
    return result;
  }

  private changed(): void {
    this._generation++;
    this.forgetIndex();
  }

  private forgetIndex(): void {
    this.names_ = undefined;
    this.index = undefined;
    this.subclasses = undefined;
    this.resolved.clear();
  }

  /** `sliced`: the name may be a slice of a file's text, which the model must not keep alive (facts restored from JSON or another thread are not). */
  private intern(name: string, sliced = true): string {
    let kept = this.names.get(name);
    if (kept === undefined) this.names.set((kept = sliced ? ownCopy(name) : name), kept);
    return kept;
  }

  private byName(): Map<string, Carrier[]> {
    if (!this.index) {
      this.index = new Map();
      for (const [uri, entry] of this.files) {
        for (const declaration of entry.found.carriers) {
          const carrier: Carrier = {
            name: declaration.name,
            code: declaration.code,
            kind: declaration.kind,
            uri,
            line: declaration.line,
            nameStart: declaration.nameStart,
            nameEnd: declaration.nameEnd,
            valueStart: declaration.valueStart,
            valueEnd: declaration.valueEnd,
            declarationStart: declaration.start,
            declarationEnd: declaration.end,
            shape: declaration.shape,
          };
          const list = this.index.get(declaration.name);
          if (list) list.push(carrier);
          else this.index.set(declaration.name, [carrier]);
        }
      }
    }
    return this.index;
  }

  private subclassesByName(): NonNullable<WorkspaceModel['subclasses']> {
    if (!this.subclasses) {
      this.subclasses = new Map();
      for (const [uri, entry] of this.files) {
        for (const sub of entry.found.subclasses) {
          const list = this.subclasses.get(sub.name) ?? [];
          list.push({ uri, family: entry.family, sub });
          this.subclasses.set(sub.name, list);
        }
      }
    }
    return this.subclasses;
  }

  /**
   * The carrier a name stands for from a file: one declared in that file first, else the nearest by path
   * (the same directory, then the same parent...). Two equally near with different codes: none (ambiguous).
   */
  private resolve(name: string, fromUri: string, group: string, depth: number): Carrier | undefined {
    const own = (this.byName().get(name) ?? []).filter((c) => groupOf(this.files.get(c.uri)!.family) === group);
    const subs = (this.subclassesByName().get(name) ?? []).filter((s) => groupOf(s.family) === group);
    // A type an error handler maps to a status (`@ExceptionHandler`, `err instanceof X`, `rescue_from`) is
    // declared elsewhere, most often as a plain class: the mapping counts where the class gives no status of
    // its own, and before what it inherits, as a handler of the type itself is chosen before one of its base
    // (Ktor's `exception<CouponTaken>` beside `exception<Exception>`, Spring's most specific @ExceptionHandler).
    const declared = nearest(
      own.filter((c) => c.shape !== 'exception-handler').map((c) => ({ uri: c.uri, get: () => c })),
      fromUri,
    );
    if (declared.carrier || declared.ambiguous) return declared.carrier;
    const mapped = nearest(
      own.filter((c) => c.shape === 'exception-handler').map((c) => ({ uri: c.uri, get: () => c })),
      fromUri,
    );
    if (mapped.carrier || mapped.ambiguous) return mapped.carrier;
    return nearest(
      subs.map((s) => ({ uri: s.uri, get: () => this.inherited(s.sub, s.uri, group, depth) })),
      fromUri,
    ).carrier;
  }

  /** A subclass carries its base's status (`class CouponTaken extends FailedDependencyException {}`). */
  private inherited(sub: FileCarriers['subclasses'][number], uri: string, group: string, depth: number): Carrier | undefined {
    if (depth >= MAX_SUBCLASS_DEPTH || sub.base === sub.name) return undefined;
    const base = this.resolve(sub.base, uri, group, depth + 1);
    if (!base) return undefined;
    return {
      name: sub.name,
      code: base.code,
      kind: 'class',
      uri,
      line: sub.line,
      nameStart: sub.nameStart,
      nameEnd: sub.nameEnd,
      declarationStart: sub.start,
      declarationEnd: sub.end,
      shape: 'inherited',
      base,
    };
  }
}

/** A string that shares no memory with the text it was sliced from (V8 keeps slices of 13+ characters as views). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

function sameCarrier(a: Carrier | undefined, b: Carrier): boolean {
  return a !== undefined && a.uri === b.uri && a.nameStart === b.nameStart;
}

/** How many leading path segments two URIs share. */
function nearness(a: string, b: string): number {
  let shared = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length && a.charCodeAt(i) === b.charCodeAt(i); i++) if (a.charCodeAt(i) === 47) shared++;
  return shared;
}

/** The nearest candidate to `fromUri` by path; equally near ones with different codes are ambiguous (no carrier). */
function nearest(
  candidates: { uri: string; get: () => Carrier | undefined }[],
  fromUri: string,
): { carrier?: Carrier; ambiguous: boolean } {
  let best: Carrier | undefined;
  let bestNearness = -1;
  let ambiguous = false;
  for (const candidate of candidates) {
    const score = candidate.uri === fromUri ? Number.MAX_SAFE_INTEGER : nearness(candidate.uri, fromUri);
    if (score < bestNearness) continue;
    const carrier = candidate.get();
    if (score > bestNearness) ((best = carrier), (bestNearness = score), (ambiguous = false));
    else if (carrier?.code !== best?.code) ambiguous = true;
  }
  return ambiguous ? { ambiguous } : { carrier: best, ambiguous };
}

function signatureOf(found: FileCarriers): string {
  if (found.carriers.length === 0 && found.subclasses.length === 0) return '';
  return [
    ...found.carriers.map((c) => `${c.name}:${c.code}:${c.kind}:${c.shape}`),
    ...found.subclasses.map((s) => `${s.name}<${s.base}`),
  ].join('|');
}

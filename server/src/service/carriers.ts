/**
 * What the service asks of the workspace about status carriers (issue 16): the one interface between
 * single-file analysis and the project model in server/src/workspace/. The service works without it.
 */

/** A class, helper or constant of the project that stands for a status code. */
export interface Carrier {
  name: string;
  code: number;
  kind: 'class' | 'function';
  /** The file that declares it, and where: the name's 0-based line and its offsets there. */
  uri: string;
  line: number;
  nameStart: number;
  nameEnd: number;
  /** The status value in the declaration (for a subclass, its base's), when it is in the same file. */
  valueStart?: number;
  valueEnd?: number;
  /** The whole declaration: its own name there (a constructor, a recursive call) is no use of it. */
  declarationStart: number;
  declarationEnd: number;
  /** How the declaration says its status ('annotation', 'super', 'property', 'inherited', ...). */
  shape: string;
  /** For a subclass carrying its base's status: the base carrier. */
  base?: Carrier;
}

export interface CarrierUse {
  uri: string;
  count: number;
}

export interface CarrierLookup {
  /** Changes whenever a carrier is added, removed or changes its code: scans made before are stale. */
  readonly generation: number;
  /** The carrier a name stands for when used in `fromUri` (of language family `family`), if any. */
  carrier(name: string, fromUri: string, family: string): Carrier | undefined;
  /** The project's carriers of a code that `fromUri` could use instead, nearest first. */
  carriersFor(code: number, fromUri: string, family: string): Carrier[];
  /** The carriers declared in a file. */
  declaredIn(uri: string): readonly Carrier[];
  /** The files that use a carrier, and how often. */
  usesOf(carrier: Carrier): CarrierUse[];
  /** A file's path as shown to the user (relative to its workspace folder). */
  display(uri: string): string;
}

/**
 * What the scan worker is given of the workspace's carriers for one document it checks (a large or dense
 * source file): the worker holds no model, so the server resolves from the document what its scan asks.
 */
export interface CarrierSnapshot {
  /** The model's generation it was taken at. */
  generation: number;
  /** Every name that can stand for a carrier, with the carrier it stands for in the document. */
  named: [name: string, carrier: Carrier][];
  /** Each code that has carriers: those the document could use, nearest first. */
  byCode: [code: number, carriers: Carrier[]][];
  /** The carriers the document declares, and their uses. */
  declared: [carrier: Carrier, uses: CarrierUse[]][];
  /** How the files of those carriers and uses are shown (relative to their workspace folder). */
  shown: [uri: string, shown: string][];
}

/** A carrier by where it is declared (copies of it, made across threads, are the same carrier). */
function placeOf(carrier: Carrier): string {
  return `${carrier.uri}\0${carrier.nameStart}`;
}

/** The carriers the scan worker knows: a snapshot per document, each set anew when the model changed. */
export class SnapshotCarriers implements CarrierLookup {
  private readonly documents = new Map<
    string,
    { generation: number; named: Map<string, Carrier>; byCode: Map<number, Carrier[]>; declared: Map<string, [Carrier, CarrierUse[]]> }
  >();
  private readonly shown = new Map<string, string>();
  private changes = 0;

  get generation(): number {
    return this.changes;
  }

  set(uri: string, snapshot: CarrierSnapshot): void {
    const { generation, named, byCode, declared } = snapshot;
    const byPlace = new Map(declared.map(([carrier, uses]) => [placeOf(carrier), [carrier, uses] as [Carrier, CarrierUse[]]]));
    this.documents.set(uri, { generation, named: new Map(named), byCode: new Map(byCode), declared: byPlace });
    for (const [file, shown] of snapshot.shown) this.shown.set(file, shown);
    this.changes++;
  }

  /** The model's generation of the document's snapshot. */
  generationOf(uri: string): number | undefined {
    return this.documents.get(uri)?.generation;
  }

  delete(uri: string): void {
    if (this.documents.delete(uri)) this.changes++;
  }

  carrier(name: string, fromUri: string): Carrier | undefined {
    return this.documents.get(fromUri)?.named.get(name);
  }

  carriersFor(code: number, fromUri: string): Carrier[] {
    return this.documents.get(fromUri)?.byCode.get(code) ?? [];
  }

  declaredIn(uri: string): readonly Carrier[] {
    return [...(this.documents.get(uri)?.declared.values() ?? [])].map(([carrier]) => carrier);
  }

  usesOf(carrier: Carrier): CarrierUse[] {
    return this.documents.get(carrier.uri)?.declared.get(placeOf(carrier))?.[1] ?? [];
  }

  display(uri: string): string {
    return this.shown.get(uri) ?? uri.slice(uri.lastIndexOf('/') + 1);
  }
}

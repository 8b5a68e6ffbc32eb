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

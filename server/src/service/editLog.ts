/**
 * The edits made to each open document since its versions were scanned, so that hover and completion on a
 * large spec can answer from the last scan while the next one is still pending: offsets outside the edited
 * ranges map exactly between the two versions. A full-text change breaks the chain.
 */

export interface Edit {
  /** The version this edit produced. */
  version: number;
  /** The replaced range, in the text before the edit, and the length of what replaced it. */
  start: number;
  end: number;
  inserted: number;
}

/** Maps offsets between a scanned version and the current one. */
export interface OffsetMap {
  /** The old offset's place in the current text (an offset inside an edited range goes to its end). */
  toNew(offset: number): number;
  /** The current offset's place in the old text, or undefined inside an edited range. */
  toOld(offset: number): number | undefined;
}

/**
 * How many edits a log keeps: the scan worker refreshes the server's copy of a scan every 500 versions
 * (worker.ts), but at 1,700 edits/s (multi-cursor edits, replace all) another 1,000 come in
 * while the worker scans a 13 MB spec, and past the log hover had nothing to answer from. Mapping is
 * cheap: a completion on github.json through 500 edits takes ~0.1 ms.
 */
const MAX_EDITS = 5000;

export class EditLog {
  private readonly edits = new Map<string, Edit[]>();
  /** The last version made by a full-text change: no map reaches back past it. */
  private readonly broken = new Map<string, number>();

  /** Records one incremental change (in the coordinates of the text before it); `undefined` for a full-text change. */
  record(uri: string, version: number, change: { start: number; end: number; inserted: number } | undefined): void {
    if (!change) {
      this.edits.set(uri, []);
      this.broken.set(uri, version);
      return;
    }
    const list = this.edits.get(uri) ?? [];
    list.push({ version, ...change });
    // Cut in blocks, not one at a time: a splice per edit moved the whole log at each keystroke.
    if (list.length > MAX_EDITS + 500) list.splice(0, list.length - MAX_EDITS);
    this.edits.set(uri, list);
  }

  forget(uri: string): void {
    this.edits.delete(uri);
    this.broken.delete(uri);
  }

  /** The edits from `fromVersion` to `toVersion` in order, or undefined when the log cannot bridge them. */
  changes(uri: string, fromVersion: number, toVersion: number): readonly Edit[] | undefined {
    if ((this.broken.get(uri) ?? -1) > fromVersion) return undefined;
    const all = this.edits.get(uri) ?? [];
    const chain = all.filter((e) => e.version > fromVersion && e.version <= toVersion);
    // Every version in between must be in the log (several changes may share one version).
    const versions = new Set(chain.map((e) => e.version));
    for (let v = fromVersion + 1; v <= toVersion; v++) if (!versions.has(v)) return undefined;
    return chain;
  }

  /** The map from `fromVersion` to `toVersion`, or undefined when the log cannot bridge them. */
  between(uri: string, fromVersion: number, toVersion: number): OffsetMap | undefined {
    const chain = this.changes(uri, fromVersion, toVersion);
    if (!chain) return undefined;
    return {
      toNew(offset) {
        for (const e of chain) {
          if (offset >= e.end) offset += e.inserted - (e.end - e.start);
          else if (offset > e.start) offset = e.start + e.inserted;
        }
        return offset;
      },
      toOld(offset) {
        for (let i = chain.length - 1; i >= 0; i--) {
          const e = chain[i];
          if (offset >= e.start + e.inserted) offset -= e.inserted - (e.end - e.start);
          else if (offset > e.start) return undefined;
        }
        return offset;
      },
    };
  }
}

/**
 * A file's findings as the CLI holds them between linting and printing (issue 20 item 5): numbers as runs of
 * bytes in blocks, the places of a finding's edits and related places as differences from its own (mostly
 * small), and each text once in a table, instead of an object for each finding, fix, edit and related place.
 * The 100,000 findings of a one-line spec held as objects were ~610 bytes each with their fixes (~220
 * without), more than the spec itself. Each finding is made again as it is read, in order, with its members
 * in the order toFinding gives them (the JSON output prints them in that order).
 *
 * Plain data (typed arrays, arrays, a map), so a report crosses from a worker thread by structured clone;
 * `revive` gives it its methods back.
 */
import { type Counts, type Finding, type FindingEdit, type RelatedPlace, countFinding } from './findings';

/** Bytes in a block (a power of two): a block is filled and never copied to grow. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
/** The first block starts small and doubles up to a whole one: most files have a few findings, if any. */
const FIRST_BLOCK = 256;
const NONE = -1;
/** `fixable`: absent, false, true. */
const FIXABLE = [undefined, false, true] as const;

type Place = Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** Findings with their baseline fingerprints (same order). */
export interface Shown {
  findings: PackedFindings;
  fingerprints: string[];
}

export class PackedFindings implements Iterable<Finding> {
  private blocks: Uint8Array[] = [];
  /** Bytes written. */
  private size = 0;
  private count = 0;
  /** What the findings count for in the summary and the exit code, counted as they are written. */
  readonly counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  /** No findings, shared (frozen: nothing can be pushed to it): most files of a --cache re-run. */
  static readonly NONE: PackedFindings = frozen(new PackedFindings());

  static of(findings: Iterable<Finding>): PackedFindings {
    if (Array.isArray(findings) && findings.length === 0) return PackedFindings.NONE;
    const packed = new PackedFindings();
    for (const finding of findings) packed.push(finding);
    return packed;
  }

  /** The findings of a report that came from a worker thread, as this class. */
  static revive(data: PackedFindings): PackedFindings {
    return Object.setPrototypeOf(data, PackedFindings.prototype) as PackedFindings;
  }

  get length(): number {
    return this.count;
  }

  push(f: Finding): void {
    this.count++;
    countFinding(f, this.counts);
    this.int(f.line);
    this.int(f.column);
    this.int(f.endLine - f.line);
    this.int(f.endColumn - f.column);
    this.int(this.text(f.file));
    this.int(this.text(f.ruleId));
    this.int(this.text(f.severity));
    this.int(this.text(f.message));
    this.int(FIXABLE.indexOf(f.fixable as (typeof FIXABLE)[number]));
    this.int(f.fixes.length);
    for (const fix of f.fixes) {
      this.int(this.text(fix.title));
      this.int(fix.isPreferred ? 1 : 0);
      this.int(fix.edits.length);
      for (const edit of fix.edits) {
        this.place(edit, f);
        this.int(this.text(edit.text));
        this.int(edit.file === undefined ? NONE : this.text(edit.file));
      }
    }
    // -1: no `related` member (a finding has it only when there is something in it).
    this.int(f.related === undefined ? NONE : f.related.length);
    for (const place of f.related ?? []) {
      this.int(place.file === undefined ? NONE : this.text(place.file));
      this.place(place, f);
      this.int(this.text(place.message));
    }
  }

  *[Symbol.iterator](): Iterator<Finding> {
    const at = { next: 0 };
    for (let i = 0; i < this.count; i++) yield this.read(at);
  }

  /** Those of the findings that `keep` keeps, with their fingerprints (`prints`: one for each finding, in order). */
  select(prints: readonly string[], keep: (finding: Finding, print: string) => boolean): Shown {
    const findings = new PackedFindings();
    const fingerprints: string[] = [];
    let i = 0;
    for (const finding of this) {
      const print = prints[i++];
      if (keep(finding, print)) (findings.push(finding), fingerprints.push(print));
    }
    return { findings, fingerprints };
  }

  /** The findings as an array (for the few that are rearranged or stored: project findings, the cache). */
  toArray(): Finding[] {
    return [...this];
  }

  private read(at: { next: number }): Finding {
    const int = () => this.get(at);
    const text = () => this.texts[int()];
    const line = int();
    const column = int();
    const endLine = line + int();
    const endColumn = column + int();
    const own: Place = { line, column, endLine, endColumn };
    const finding: Finding = {
      file: text(),
      line,
      column,
      endLine,
      endColumn,
      ruleId: text(),
      severity: text() as Finding['severity'],
      message: text(),
      fixes: [],
    };
    const fixable = FIXABLE[int()];
    for (let fixes = int(); fixes > 0; fixes--) {
      const title = text();
      const isPreferred = int() === 1;
      const edits: FindingEdit[] = [];
      for (let n = int(); n > 0; n--) {
        const { line, column, endLine, endColumn } = this.readPlace(at, own);
        const edit: FindingEdit = { line, column, endLine, endColumn, text: text() };
        const file = int();
        if (file !== NONE) edit.file = this.texts[file];
        edits.push(edit);
      }
      finding.fixes.push({ title, isPreferred, edits });
    }
    const related = int();
    if (related !== NONE) {
      finding.related = [];
      for (let n = related; n > 0; n--) {
        const file = int();
        const { line, column, endLine, endColumn } = this.readPlace(at, own);
        const message = text();
        finding.related.push(
          file === NONE
            ? { line, column, endLine, endColumn, message }
            : ({ file: this.texts[file], line, column, endLine, endColumn, message } satisfies RelatedPlace),
        );
      }
    }
    if (fixable !== undefined) finding.fixable = fixable;
    return finding;
  }

  /** A place of the finding's (an edit, a related place), as differences from the finding's own. */
  private place(p: Place, f: Place): void {
    this.int(p.line - f.line);
    this.int(p.column - f.column);
    this.int(p.endLine - f.endLine);
    this.int(p.endColumn - f.endColumn);
  }

  private readPlace(at: { next: number }, f: Place): Place {
    return {
      line: f.line + this.get(at),
      column: f.column + this.get(at),
      endLine: f.endLine + this.get(at),
      endColumn: f.endColumn + this.get(at),
    };
  }

  /** A whole number as a run of bytes, seven bits each, its sign in the lowest bit (zigzag). */
  private int(value: number): void {
    let rest = value < 0 ? -2 * value - 1 : 2 * value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  private byte(value: number): void {
    const offset = this.size & (BLOCK - 1);
    const index = this.size >> BLOCK_BITS;
    let block = this.blocks[index];
    if (!block) this.blocks.push((block = new Uint8Array(index === 0 ? FIRST_BLOCK : BLOCK)));
    else if (offset === block.length) {
      const grown = new Uint8Array(block.length * 2);
      grown.set(block);
      this.blocks[index] = block = grown;
    }
    block[offset] = value;
    this.size++;
  }

  private get(at: { next: number }): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const index = at.next++;
      const byte = this.blocks[index >> BLOCK_BITS][index & (BLOCK - 1)];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  }

  private text(value: string): number {
    let id = this.textIds.get(value);
    if (id === undefined) this.textIds.set(value, (id = this.texts.push(value) - 1));
    return id;
  }
}

function frozen<T extends object>(value: T): T {
  Object.freeze(value);
  return value;
}

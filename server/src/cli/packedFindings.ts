/**
 * A file's findings as the CLI holds them between linting and printing (issue 20 item 5): numbers in blocks of
 * 32-bit integers and each text once in a table, instead of an object for each finding, fix, edit and related
 * place. 100,000 findings of a one-line spec held as objects were ~610 bytes each with their fixes (~220
 * without), more than the spec itself; packed, ~130 and ~60. Each finding is made again as it is read, with its
 * members in the order toFinding gives them (the JSON output prints them in that order).
 *
 * Plain data (typed arrays, arrays, a map), so a report crosses from a worker thread by structured clone;
 * `revive` gives it its methods back.
 */
import { type Counts, type Finding, type FindingEdit, type RelatedPlace, countFindings } from './findings';

/** Integers in a block (a power of two): a block is filled and never copied to grow. */
const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;
const FIRST_BLOCK = 64;
const NONE = -1;
/** `fixable`: absent, false, true. */
const FIXABLE = [undefined, false, true] as const;

/** Findings with their baseline fingerprints (same order). */
export interface Shown {
  findings: PackedFindings;
  fingerprints: string[];
}

export class PackedFindings implements Iterable<Finding> {
  private blocks: Int32Array[] = [];
  /** Integers written. */
  private size = 0;
  private count = 0;
  /** What the findings count for in the summary and the exit code, counted as they are written. */
  readonly counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  static of(findings: Iterable<Finding>): PackedFindings {
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
    countFindings([f], this.counts);
    this.range(f);
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
        this.range(edit);
        this.int(this.text(edit.text));
        this.int(edit.file === undefined ? NONE : this.text(edit.file));
      }
    }
    // -1: no `related` member (a finding has it only when there is something in it).
    this.int(f.related === undefined ? NONE : f.related.length);
    for (const place of f.related ?? []) {
      this.int(place.file === undefined ? NONE : this.text(place.file));
      this.range(place);
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
    const int = () => this.get(at.next++);
    const text = () => this.texts[int()];
    const [line, column, endLine, endColumn] = [int(), int(), int(), int()];
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
        const edit: FindingEdit = { line: int(), column: int(), endLine: int(), endColumn: int(), text: text() };
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
        const place: RelatedPlace = { line: int(), column: int(), endLine: int(), endColumn: int(), message: text() };
        finding.related.push(file === NONE ? place : { file: this.texts[file], ...place });
      }
    }
    if (fixable !== undefined) finding.fixable = fixable;
    return finding;
  }

  private range(r: { line: number; column: number; endLine: number; endColumn: number }): void {
    this.int(r.line);
    this.int(r.column);
    this.int(r.endLine);
    this.int(r.endColumn);
  }

  private int(value: number): void {
    const offset = this.size & (BLOCK - 1);
    const index = this.size >> BLOCK_BITS;
    let block = this.blocks[index];
    if (!block) this.blocks.push((block = new Int32Array(index === 0 ? FIRST_BLOCK : BLOCK)));
    // The first block starts small and doubles up to a whole one (most files have a few findings, if any).
    else if (offset === block.length) {
      const grown = new Int32Array(block.length * 2);
      grown.set(block);
      this.blocks[index] = block = grown;
    }
    block[offset] = value;
    this.size++;
  }

  private get(index: number): number {
    return this.blocks[index >> BLOCK_BITS][index & (BLOCK - 1)];
  }

  private text(value: string): number {
    let id = this.textIds.get(value);
    if (id === undefined) this.textIds.set(value, (id = this.texts.push(value) - 1));
    return id;
  }
}

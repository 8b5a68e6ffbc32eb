/**
 * Response keys' sites as a table (issue 20 item 5): a column of numbers for each thing a site is read from —
 * its start, where its description starts and ends, the `{` of its response object — instead of an object for
 * each; what the keys of one operation share is held once for the run of its rows, and a key's code is read
 * from its digits. A one-line spec of 860,000 responses held 62 MB of site objects (~72 bytes each and 8 in
 * the array), twice the spec; the table holds 16 bytes a site.
 *
 * A site is made as an object, a ResponseKeySite that reads one row, when it is read: all of them once when a
 * scan's `sites` are first read (hover, completion, the server's checks), or one at a time by a caller that
 * reads each once (the CLI's validation: model.ts siteTableOf). What is read of a site is worked out from the
 * spec's text: its text and message are sliced from it, a JSON response's suppression place from where its
 * object starts. The few sites that differ or are given a value of their own (a key that is no code, a
 * `$ref`'d description, a suppression, a YAML comment place, a folded YAML description) hold it in a map
 * beside the columns.
 */
import { KEY_SPELLINGS, type Scope, type SiteTable, type Spelling, type StatusSite, type SuppressionPlace } from '../../model';
import { NO_SUPPRESSIONS } from '../suppressions';

/** What the response keys of one operation share: the spec's text, how it writes a new member, the scope. */
export interface KeyContext {
  /** The text scanned (lone CRs read as LFs). */
  readonly text: string;
  readonly json: boolean;
  readonly eol: string;
  readonly scope: Scope;
  /** JSON: the indentation a new member of a response object gets, as for the operation's first key. */
  readonly indent: string;
}

/** The `x-http-status-lens-ignore` list a JSON response already has (a new rule id goes into it). */
type ExistingIgnore = { start: number; end: number; ids: string[] };

/** What a site holds of its own, in place of what is worked out from the columns and the text. */
interface OwnValues {
  end?: number;
  indent?: string;
  text?: string;
  message?: string;
  suppressAt?: SuppressionPlace;
  suppressed?: ReadonlySet<string>;
  note?: string;
  carries?: StatusSite['carries'];
  definesCode?: boolean;
  existing?: ExistingIgnore;
}

/** No value in a column (no description read, the response is not an object). */
const NONE = -1;

/**
 * A column of integers in blocks of BLOCK_ROWS, never copied to grow once a block is whole: a column grown by
 * doubling left its earlier copies to V8's next full collection, which a long scan may not see (another 23 MB
 * on a one-line spec of 860,000 responses). The first block starts small (most specs have a few responses).
 */
class Column {
  private readonly blocks: Int32Array[] = [new Int32Array(FIRST_ROWS)];

  get(row: number): number {
    return this.blocks[row >>> BLOCK_BITS][row & BLOCK_MASK];
  }

  set(row: number, value: number): void {
    const index = row >>> BLOCK_BITS;
    if (index === this.blocks.length) this.blocks.push(new Int32Array(BLOCK_ROWS));
    let block = this.blocks[index];
    const at = row & BLOCK_MASK;
    while (at >= block.length) {
      const grown = new Int32Array(Math.min(BLOCK_ROWS, block.length * 2));
      grown.set(block);
      this.blocks[index] = block = grown;
    }
    block[at] = value;
  }
}
const BLOCK_BITS = 12;
const BLOCK_ROWS = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_ROWS - 1;
const FIRST_ROWS = 64;

export class ResponseKeyTable implements SiteTable {
  length = 0;
  // The columns, read by ResponseKeySite.
  starts = new Column();
  /** Where the response's description starts and ends in the text (NONE: none read, or given as a value of its own). */
  messageStarts = new Column();
  messageEnds = new Column();
  /** JSON: the `{` of the response object (NONE: the response is not an object, which has no place for an ignore). */
  objectStarts = new Column();
  /** What the keys of each operation share, with the first row of its run (rows come operation by operation). */
  private contexts: KeyContext[] = [];
  private runStarts: number[] = [];
  /** The run of the last row asked about (rows are mostly read in order). */
  private lastRun = 0;
  private readonly own = new Map<number, OwnValues>();

  /** A new row; its index. `code`: the key's three digits as a number (ResponseKeySite reads them again). */
  add(context: KeyContext, code: number | undefined, start: number, end: number, indent: string): number {
    const row = this.length++;
    this.joinRun(context, row);
    this.starts.set(row, start);
    this.messageStarts.set(row, NONE);
    this.messageEnds.set(row, NONE);
    this.objectStarts.set(row, NONE);
    // A code is three digits: another key (`4XX`, `default`) keeps its end, which tells it from a code.
    if (code === undefined || end !== start + 3) this.setOwn(row, 'end', end);
    if (indent !== context.indent) this.setOwn(row, 'indent', indent);
    return row;
  }

  /** A row's context: the last run's, or a new run starting at the row. */
  private joinRun(context: KeyContext, row: number): void {
    if (this.contexts[this.contexts.length - 1] !== context) (this.contexts.push(context), this.runStarts.push(row));
  }

  site(row: number): ResponseKeySite {
    return new ResponseKeySite(this, row);
  }

  contextOf(row: number): KeyContext {
    const starts = this.runStarts;
    let run = this.lastRun;
    if (!(starts[run] <= row && (run + 1 === starts.length || row < starts[run + 1]))) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= row) low = mid;
        else high = mid - 1;
      }
      run = this.lastRun = low;
    }
    return this.contexts[run];
  }

  ownOf(row: number): OwnValues | undefined {
    return this.own.size === 0 ? undefined : this.own.get(row);
  }

  setOwn<K extends keyof OwnValues>(row: number, key: K, value: OwnValues[K]): void {
    let own = this.own.get(row);
    if (!own) this.own.set(row, (own = {}));
    own[key] = value;
  }

  /**
   * The description, read as `value` from the token at offset..offset+length: kept as offsets when it is the
   * token's text as written (plain, or inside its quotes), else as the value.
   */
  describe(row: number, value: string, offset: number, length: number): void {
    const text = this.contextOf(row).text;
    const at = length === value.length ? offset : length === value.length + 2 ? offset + 1 : -1;
    if (at >= 0 && text.startsWith(value, at) && (at === offset || text[offset] === '"' || text[offset] === "'")) {
      this.messageStarts.set(row, at);
      this.messageEnds.set(row, at + value.length);
    } else this.setOwn(row, 'message', value);
  }

  /** Keeps the first `length` rows (a YAML stream's document that is no spec drops its own). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
    for (const row of this.own.keys()) if (row >= this.length) this.own.delete(row);
    while (this.runStarts.length > 0 && this.runStarts[this.runStarts.length - 1] >= this.length)
      (this.runStarts.pop(), this.contexts.pop());
    this.lastRun = 0;
  }

  /** Puts the rows in order of their start (the readers give them in order: this only checks, but for a stray one). */
  sortByStart(): void {
    const starts = this.starts;
    let sorted = true;
    for (let row = 1; row < this.length && sorted; row++) sorted = starts.get(row - 1) <= starts.get(row);
    if (sorted) return;
    const order = Array.from({ length: this.length }, (_, row) => row).sort((a, b) => starts.get(a) - starts.get(b));
    const inOrder = (column: Column): Column => {
      const sortedColumn = new Column();
      order.forEach((from, to) => sortedColumn.set(to, column.get(from)));
      return sortedColumn;
    };
    const contexts = order.map((from) => this.contextOf(from));
    this.contexts = [];
    this.runStarts = [];
    this.lastRun = 0;
    contexts.forEach((context, row) => this.joinRun(context, row));
    this.starts = inOrder(this.starts);
    this.messageStarts = inOrder(this.messageStarts);
    this.messageEnds = inOrder(this.messageEnds);
    this.objectStarts = inOrder(this.objectStarts);
    const own = new Map(this.own);
    this.own.clear();
    order.forEach((from, to) => {
      const values = own.get(from);
      if (values) this.own.set(to, values);
    });
  }
}

/** One row of the table, read as a site: what it holds of its own, else what is worked out. */
export class ResponseKeySite implements StatusSite {
  constructor(
    private readonly table: ResponseKeyTable,
    private readonly row: number,
  ) {}

  get role(): 'use' {
    return 'use';
  }

  /** A key with an end of its own is no code; a code's three digits are read from the text. */
  get code(): number | undefined {
    if (this.own?.end !== undefined) return undefined;
    const text = this.context.text;
    const at = this.start;
    return (text.charCodeAt(at) - 48) * 100 + (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48);
  }

  get start(): number {
    return this.table.starts.get(this.row);
  }

  get end(): number {
    return this.own?.end ?? this.start + 3;
  }

  get scope(): Scope {
    return this.context.scope;
  }

  /** JSON: the indentation a new member of the response object gets. */
  get indent(): string {
    return this.own?.indent ?? this.context.indent;
  }

  get text(): string {
    return this.own?.text ?? this.context.text.slice(this.start, this.end);
  }

  set text(value: string) {
    this.table.setOwn(this.row, 'text', value);
  }

  get spelling(): Spelling {
    const text = this.context.text;
    const quote = text[this.start - 1];
    return (quote === '"' || quote === "'") && text[this.end] === quote ? KEY_SPELLINGS[quote] : KEY_SPELLINGS[''];
  }

  get message(): string {
    const own = this.own?.message;
    if (own !== undefined) return own;
    const start = this.table.messageStarts.get(this.row);
    return start < 0 ? '' : this.context.text.slice(start, this.table.messageEnds.get(this.row));
  }

  set message(value: string) {
    this.table.setOwn(this.row, 'message', value);
  }

  get suppressed(): ReadonlySet<string> {
    return this.own?.suppressed ?? NO_SUPPRESSIONS;
  }

  set suppressed(value: ReadonlySet<string>) {
    this.table.setOwn(this.row, 'suppressed', value);
  }

  get suppressAt(): SuppressionPlace | undefined {
    const own = this.own;
    if (own && 'suppressAt' in own) return own.suppressAt;
    const objectStart = this.table.objectStarts.get(this.row);
    if (!this.context.json || objectStart < 0) return undefined;
    const text = this.context.text;
    return {
      kind: 'json-member',
      offset: objectStart + 1,
      indent: this.indent,
      eol: this.context.eol,
      emptyObject: /^\s*\}/.test(text.slice(objectStart + 1, objectStart + 200)),
      existing: this.existing,
    };
  }

  set suppressAt(value: SuppressionPlace | undefined) {
    this.table.setOwn(this.row, 'suppressAt', value);
  }

  /** Extra hover text: the description of a `$ref`'d response. */
  get note(): string | undefined {
    return this.own?.note;
  }

  set note(value: string | undefined) {
    this.table.setOwn(this.row, 'note', value);
  }

  get carries(): StatusSite['carries'] {
    return this.own?.carries;
  }

  set carries(value: StatusSite['carries']) {
    this.table.setOwn(this.row, 'carries', value);
  }

  get definesCode(): boolean | undefined {
    return this.own?.definesCode;
  }

  set definesCode(value: boolean | undefined) {
    this.table.setOwn(this.row, 'definesCode', value);
  }

  /** JSON: the response's ignore list, when it has one. */
  get existing(): ExistingIgnore | undefined {
    return this.own?.existing;
  }

  set existing(value: ExistingIgnore | undefined) {
    this.table.setOwn(this.row, 'existing', value);
  }

  /** The site as the plain data it reads as. */
  plain(): StatusSite {
    const site: StatusSite = {
      code: this.code,
      text: this.text,
      start: this.start,
      end: this.end,
      role: this.role,
      spelling: this.spelling,
      message: this.message,
      scope: this.scope,
      suppressed: this.suppressed,
      suppressAt: this.suppressAt,
    };
    if (this.note !== undefined) site.note = this.note;
    if (this.carries !== undefined) site.carries = this.carries;
    if (this.definesCode !== undefined) site.definesCode = this.definesCode;
    return site;
  }

  private get context(): KeyContext {
    return this.table.contextOf(this.row);
  }

  private get own(): OwnValues | undefined {
    return this.table.ownOf(this.row);
  }
}

/**
 * Response keys' sites as a table (issue 20 item 5): a column of numbers for each thing a site is read from —
 * its start, its code, where its description starts and ends, the `{` of its response object, what the keys
 * of its operation share — instead of an object for each. A one-line spec of 860,000 responses held 62 MB of
 * site objects (~72 bytes each and 8 in the array), twice the spec; the table holds ~22 bytes a site.
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

/** No value in a column (no code, no description read, the response is not an object). */
const NONE = -1;

/**
 * A column of integers in blocks of BLOCK_ROWS, never copied to grow once a block is whole: a column grown by
 * doubling left its earlier copies to V8's next full collection, which a long scan may not see (another 23 MB
 * on a one-line spec of 860,000 responses). The first block starts small (most specs have a few responses).
 */
class Column<T extends Int32Array | Int16Array> {
  private readonly blocks: T[];

  constructor(private readonly make: (length: number) => T) {
    this.blocks = [make(FIRST_ROWS)];
  }

  get(row: number): number {
    return this.blocks[row >>> BLOCK_BITS][row & BLOCK_MASK];
  }

  set(row: number, value: number): void {
    const index = row >>> BLOCK_BITS;
    if (index === this.blocks.length) this.blocks.push(this.make(BLOCK_ROWS));
    let block = this.blocks[index];
    const at = row & BLOCK_MASK;
    while (at >= block.length) {
      const grown = this.make(Math.min(BLOCK_ROWS, block.length * 2));
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

const int32 = (length: number) => new Int32Array(length);
const int16 = (length: number) => new Int16Array(length);

export class ResponseKeyTable implements SiteTable {
  length = 0;
  // The columns, read by ResponseKeySite.
  starts = new Column(int32);
  codes = new Column(int16);
  /** Where the response's description starts and ends in the text (NONE: none read, or given as a value of its own). */
  messageStarts = new Column(int32);
  messageEnds = new Column(int32);
  /** JSON: the `{` of the response object (NONE: the response is not an object, which has no place for an ignore). */
  objectStarts = new Column(int32);
  /** The site's KeyContext, as an index into `contexts` (one for each operation). */
  contextIds = new Column(int32);
  readonly contexts: KeyContext[] = [];
  private readonly own = new Map<number, OwnValues>();

  /** A new row; its index. */
  add(context: KeyContext, code: number | undefined, start: number, end: number, indent: string): number {
    const row = this.length++;
    if (this.contexts[this.contexts.length - 1] !== context) this.contexts.push(context);
    this.contextIds.set(row, this.contexts.length - 1);
    this.starts.set(row, start);
    this.codes.set(row, code ?? NONE);
    this.messageStarts.set(row, NONE);
    this.messageEnds.set(row, NONE);
    this.objectStarts.set(row, NONE);
    // A code is three digits: another key (`4XX`, `default`) keeps its end.
    if (code === undefined || end !== start + 3) this.setOwn(row, 'end', end);
    if (indent !== context.indent) this.setOwn(row, 'indent', indent);
    return row;
  }

  site(row: number): ResponseKeySite {
    return new ResponseKeySite(this, row);
  }

  contextOf(row: number): KeyContext {
    return this.contexts[this.contextIds.get(row)];
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
  }

  /** Puts the rows in order of their start (the readers give them in order: this only checks, but for a stray one). */
  sortByStart(): void {
    const starts = this.starts;
    let sorted = true;
    for (let row = 1; row < this.length && sorted; row++) sorted = starts.get(row - 1) <= starts.get(row);
    if (sorted) return;
    const order = Array.from({ length: this.length }, (_, row) => row).sort((a, b) => starts.get(a) - starts.get(b));
    const inOrder = <T extends Int32Array | Int16Array>(column: Column<T>, make: (length: number) => T): Column<T> => {
      const sortedColumn = new Column(make);
      order.forEach((from, to) => sortedColumn.set(to, column.get(from)));
      return sortedColumn;
    };
    this.starts = inOrder(this.starts, int32);
    this.codes = inOrder(this.codes, int16);
    this.messageStarts = inOrder(this.messageStarts, int32);
    this.messageEnds = inOrder(this.messageEnds, int32);
    this.objectStarts = inOrder(this.objectStarts, int32);
    this.contextIds = inOrder(this.contextIds, int32);
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

  get code(): number | undefined {
    const code = this.table.codes.get(this.row);
    return code === NONE ? undefined : code;
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

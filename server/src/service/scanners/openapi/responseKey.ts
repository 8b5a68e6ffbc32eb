/**
 * A response key's site, small (issue 20 item 5): offsets into the spec's text instead of the strings and
 * objects a site is read as. A one-line spec of 200,000 responses held ~280 bytes a site (its message, its
 * suppression place, the record of its response, each an object or string of its own), seven times the spec;
 * this holds ~110. What is read of a site is made when it is read: its text and message are sliced from the
 * spec, a JSON response's suppression place is worked out from where its object starts, and what the keys of
 * one operation share (its scope, their indentation) is held once for all of them. The few sites that differ
 * or are given a value of their own (a key that is no code, a `$ref`'d description, a YAML comment place, a
 * folded YAML description) hold it as an own property, which shadows the one worked out.
 */
import { KEY_SPELLINGS, type Scope, type Spelling, type StatusSite, type SuppressionPlace } from '../../model';
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

export class ResponseKeySite implements StatusSite {
  /** Where the response's description starts and ends in the text (-1: none read, or given as a value of its own). */
  private messageStart = -1;
  private messageEnd = -1;
  /** JSON: the `{` of the response object (-1: the response is not an object, which has no place for an ignore). */
  objectStart = -1;

  declare role: 'use';
  declare suppressed: ReadonlySet<string>;
  declare note?: string;
  declare carries?: StatusSite['carries'];
  declare definesCode?: boolean;
  /** JSON: the response's ignore list, when it has one. */
  declare existing?: ExistingIgnore;

  constructor(
    private readonly context: KeyContext,
    readonly code: number | undefined,
    readonly start: number,
    end: number,
    indent: string,
  ) {
    // A code is three digits: another key (`4XX`, `default`) keeps its end.
    if (code === undefined || end !== start + 3) shadow(this, 'end', end);
    if (indent !== context.indent) shadow(this, 'indent', indent);
  }

  get end(): number {
    return this.start + 3;
  }

  get scope(): Scope {
    return this.context.scope;
  }

  /** JSON: the indentation a new member of the response object gets. */
  get indent(): string {
    return this.context.indent;
  }

  get text(): string {
    return this.context.text.slice(this.start, this.end);
  }

  set text(value: string) {
    shadow(this, 'text', value);
  }

  get spelling(): Spelling {
    const quote = this.context.text[this.start - 1];
    return (quote === '"' || quote === "'") && this.context.text[this.end] === quote ? KEY_SPELLINGS[quote] : KEY_SPELLINGS[''];
  }

  get message(): string {
    return this.messageStart < 0 ? '' : this.context.text.slice(this.messageStart, this.messageEnd);
  }

  set message(value: string) {
    shadow(this, 'message', value);
  }

  /**
   * The description, read as `value` from the token at offset..offset+length: kept as offsets when it is the
   * token's text as written (plain, or inside its quotes), else as the value.
   */
  describe(value: string, offset: number, length: number): void {
    const text = this.context.text;
    const at = length === value.length ? offset : length === value.length + 2 ? offset + 1 : -1;
    if (at >= 0 && text.startsWith(value, at) && (at === offset || text[offset] === '"' || text[offset] === "'")) {
      this.messageStart = at;
      this.messageEnd = at + value.length;
    } else this.message = value;
  }

  get suppressAt(): SuppressionPlace | undefined {
    if (!this.context.json || this.objectStart < 0) return undefined;
    const text = this.context.text;
    return {
      kind: 'json-member',
      offset: this.objectStart + 1,
      indent: this.indent,
      eol: this.context.eol,
      emptyObject: /^\s*\}/.test(text.slice(this.objectStart + 1, this.objectStart + 200)),
      existing: this.existing,
    };
  }

  set suppressAt(value: SuppressionPlace | undefined) {
    shadow(this, 'suppressAt', value);
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
}

// The same for every response key: on the prototype, not in each site (an own property where a site differs).
Object.defineProperties(ResponseKeySite.prototype, {
  role: { value: 'use', writable: true },
  suppressed: { value: NO_SUPPRESSIONS, writable: true },
});

/** Gives a site a value of its own for a property otherwise worked out (rare: one hidden class more for those). */
function shadow(site: ResponseKeySite, key: 'end' | 'indent' | 'text' | 'message' | 'suppressAt', value: unknown): void {
  Object.defineProperty(site, key, { value, writable: true, enumerable: true, configurable: true });
}

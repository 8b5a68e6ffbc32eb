/**
 * A fast, error tolerant YAML *outline* scanner.
 *
 * It reports the structure of a YAML stream (documents, mappings, sequences, keys and scalar values,
 * with source offsets) through SAX-style callbacks shaped like jsonc-parser's `visit()`, so that one
 * OpenAPI extractor can consume YAML and JSON alike. It does not build a tree, resolve tags or expand
 * aliases, and it never throws: syntax problems are reported through `onError` and scanning resumes,
 * at the latest, at the next line.
 *
 * Design: one left-to-right pass over the string with `charCodeAt`, line by line for block structure,
 * with an explicit stack of open block collections (indent + kind) and a second explicit stack for
 * flow collections. No recursion, no regular expressions, no per-character allocation: keys and
 * single-line scalars are `slice`s of the source; only folded or escaped scalars are concatenated.
 *
 * Event contract (in addition to the interface comments):
 * - Every Begin has its End, also on malformed input and at the end of the text.
 * - Inside a mapping, `onObjectProperty` is always followed by exactly one value: a literal, an alias,
 *   or a complete Object/Array. A value that is absent (`key:` followed by a line that is not more
 *   indented, `key:` at the end of a flow entry, `- ` with nothing after it, node properties with no
 *   node) is reported as `onLiteralValue('', offset, 0)`, offset being just after the `:` / `-` / node
 *   properties and the blanks that follow them on the same line (as the `yaml` package places it).
 * - Each document has exactly one root value: a document opened by `---` with no content reports an
 *   empty literal too. Text with no document at all (only blank lines, comments, directives) reports
 *   no event but comments.
 * - Block collections begin at their first key / `-` token (after any anchor or tag) and end at the end
 *   of their last value; flow collections begin and end at their brackets.
 * - Block scalar (`|`, `>`) literals span from the indicator to the last non-blank character of the content.
 * - Keys that are aliases (`*a : x`) are reported with the raw source (`*a`) as the key.
 *
 * Not supported (reported through `onError` and skipped, or approximated; see the test file for the
 * oracle comparison with the `yaml` package):
 * - Explicit keys (`? key` / `: value` in block context) are reported and the entry is skipped;
 *   in flow context the `?` indicator is ignored.
 * - Complex keys (a flow collection used as a key) are reported; in a flow mapping the key is reported
 *   with its raw source text, in block context the line is skipped.
 * - Tabs are only whitespace: a tab in the indentation of a block-structure line is reported.
 * - A lone CR (not followed by LF) is a line break, as YAML 1.2 (5.4) and LSP say, unlike the `yaml` package
 *   (eemeli/yaml#595): the text is read with lone CRs as LFs, which keeps every offset.
 * - Directives (`%YAML`, `%TAG`) are skipped; tag handles are not resolved.
 */

import { withLfLineBreaks } from '../lines';
import { hexValue } from './escapes';
import { type Callbacks, type OutlineVisitor, bindCallbacks } from './visitor';

export type { OutlineVisitor };

/** Scans `text` as a YAML stream and reports its outline to `visitor`. Never throws (unless a callback does). */
export function visitYaml(text: string, visitor: OutlineVisitor): void {
  visitLfYaml(withLfLineBreaks(text), visitor);
}

/** visitYaml of a text whose lone CRs are already LFs (the service scans such a text: lines.ts). */
export function visitLfYaml(text: string, visitor: OutlineVisitor): void {
  new Scanner(text, visitor).run();
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  PERCENT = 37,
  AMP = 38,
  SQUOTE = 39,
  STAR = 42,
  PLUS = 43,
  COMMA = 44,
  DASH = 45,
  DOT = 46,
  SLASH = 47,
  ZERO = 48,
  ONE = 49,
  NINE = 57,
  COLON = 58,
  LT = 60,
  GT = 62,
  QUESTION = 63,
  AT = 64,
  LBRACKET = 91,
  BACKSLASH = 92,
  RBRACKET = 93,
  BACKTICK = 96,
  LBRACE = 123,
  PIPE = 124,
  RBRACE = 125,
  BOM = 0xfeff,
}

/** Block collection kinds. */
const enum B {
  Map = 0,
  Seq = 1,
}

/** Flow collection kinds; Pair is the implicit single-pair mapping of `[a: b]`. */
const enum F {
  Map = 0,
  Seq = 1,
  Pair = 2,
}

/** Flow collection states. */
const enum S {
  /** expecting an entry (a key in a mapping) */
  Entry = 0,
  /** a mapping key was read, expecting `:`, `,` or the end */
  AfterKey = 1,
  /** after `:`, expecting a value */
  Value = 2,
  /** a value was read, expecting `,` or the end */
  AfterValue = 3,
}

/** What a node position in block context may hold. */
const enum Mode {
  /** A node that starts a line (or follows `- `): anything, including a new block collection. */
  SlotBlock = 0,
  /** A node on the same line after `key:`: no block collection. */
  SlotInline = 1,
  /** A line at the indentation of an open block mapping: must be a key of that mapping. */
  MapKey = 2,
}

/** Why a plain scalar line segment stopped. */
const enum Stop {
  Eol = 0,
  Colon = 1,
  Comment = 2,
  Flow = 3,
}

// Characters that need a closer look inside a plain scalar (everything else, including non-ASCII, is content).
const BLOCK_PLAIN = new Uint8Array(128);
const FLOW_PLAIN = new Uint8Array(128);
for (const c of [C.TAB, C.LF, C.CR, C.SPACE, C.COLON]) {
  BLOCK_PLAIN[c] = 1;
  FLOW_PLAIN[c] = 1;
}
for (const c of [C.COMMA, C.LBRACKET, C.RBRACKET, C.LBRACE, C.RBRACE]) FLOW_PLAIN[c] = 1;

// Characters that end an anchor or alias name (and a tag): whitespace and flow indicators.
const NAME_END = new Uint8Array(128);
for (const c of [C.TAB, C.LF, C.CR, C.SPACE, C.COMMA, C.LBRACKET, C.RBRACKET, C.LBRACE, C.RBRACE]) NAME_END[c] = 1;

/** The value of a one-character escape `\x` in a double-quoted scalar, or '' if `x` is not one. */
function simpleEscape(c: number): string {
  switch (c) {
    case 48:
      return '\0'; // 0
    case 97:
      return '\x07'; // a
    case 98:
      return '\b'; // b
    case 101:
      return '\x1b'; // e
    case 102:
      return '\f'; // f
    case 110:
      return '\n'; // n
    case 114:
      return '\r'; // r
    case 116:
      return '\t'; // t
    case C.TAB:
      return '\t';
    case 118:
      return '\v'; // v
    case 78:
      return '\u0085'; // N
    case 95:
      return '\u00a0'; // _
    case 76:
      return '\u2028'; // L
    case 80:
      return '\u2029'; // P
    case C.SPACE:
      return ' ';
    case C.DQUOTE:
      return '"';
    case C.SLASH:
      return '/';
    case C.BACKSLASH:
      return '\\';
    default:
      return '';
  }
}

class Scanner {
  private readonly text: string;
  private readonly len: number;

  /** General purpose cursor handed between the block-level routines and `finish()`. */
  private pos = 0;
  /** Offset of the start of the line being scanned. */
  private lineStart = 0;
  /** If >= 0, the line at which block scanning resumes (set by constructs that end at a line start). */
  private resumeAt = -1;
  /** End offset of the last reported token; block collections end there. */
  private lastEnd = 0;

  // Open block collections.
  private readonly bKind: number[] = [];
  private readonly bIndent: number[] = [];
  private depth = 0;

  /** A node is expected (after `key:`, `- `, node properties or at a document start) but not yet seen. */
  private pending = false;
  /** Where an absent pending node is reported. */
  private pendingOff = 0;

  /** A document has started (by `---` or by content) and not ended (by `...`). */
  private inDoc = false;
  /** Line start of the last `---` line, to report block collections that begin on it. */
  private markerLine = -1;
  /** Offset of a tab in the indentation of the current line, or -1. */
  private tabAt = -1;

  /** While skipping an explicit-key entry: skip lines indented more than this (>= 0). */
  private skipIndent = -1;

  // Open flow collections.
  private readonly fKind: number[] = [];
  private readonly fState: number[] = [];
  private readonly fStart: number[] = [];
  /** Where an absent value of the frame's current key is reported. */
  private readonly fEmptyAt: number[] = [];
  private fDepth = 0;
  /** Flow scanning stopped at this line start (bad indentation, document marker) or at the end of the text. */
  private flowStop = 0;
  /** Events are suppressed while scanning a complex key (a flow collection used as a flow mapping key). */
  private muted = false;
  private muteAt = -1;
  private muteStart = 0;

  // Results of the scalar scanners.
  private sEnd = 0;
  private sStop: Stop = Stop.Eol;
  private sStopAt = 0;
  private propsEnd = 0;

  // Reusable line tables for block scalars.
  private readonly lnStart: number[] = [];
  private readonly lnSpaces: number[] = [];
  private readonly lnEnd: number[] = [];

  private readonly on: Callbacks;

  constructor(text: string, v: OutlineVisitor) {
    this.text = text;
    this.len = text.length;
    this.on = bindCallbacks(v);
  }

  run(): void {
    const len = this.len;
    let p = len > 0 && this.text.charCodeAt(0) === C.BOM ? 1 : 0;
    while (p < len) {
      const next = this.line(p);
      // Every line handler returns the start of a later line; guard progress regardless.
      p = next > p ? next : this.nextLine(p);
    }
    this.closeDocument();
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private literal(value: string, off: number, n: number): void {
    this.lastEnd = off + n;
    if (!this.muted) this.on.literalValue?.(value, off, n);
  }

  private empty(off: number): void {
    this.literal('', off, 0);
  }

  private property(key: string, off: number, n: number): void {
    this.lastEnd = off + n;
    if (!this.muted) this.on.objectProperty?.(key, off, n);
  }

  private alias(name: string, off: number, n: number): void {
    this.lastEnd = off + n;
    if (!this.muted) this.on.alias?.(name, off, n);
  }

  private comment(off: number, n: number): void {
    this.on.comment?.(off, n);
  }

  private error(message: string, off: number, n: number): void {
    if (off > this.len) off = this.len;
    if (n < 0 || off + n > this.len) n = this.len - off;
    this.on.error?.(message, off, n);
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  /** Start of the line after the one containing `i` (or the text length). */
  private nextLine(i: number): number {
    const n = this.text.indexOf('\n', i);
    return n < 0 ? this.len : n + 1;
  }

  /** End of the content of the line containing `i`: the offset of its CR LF / LF, or the text length. */
  private lineEnd(i: number): number {
    const n = this.text.indexOf('\n', i);
    if (n < 0) return this.len;
    return n > i && this.text.charCodeAt(n - 1) === C.CR ? n - 1 : n;
  }

  /** Whitespace, a line break or the end of the text at `i`. */
  private sep(i: number): boolean {
    if (i >= this.len) return true;
    const c = this.text.charCodeAt(i);
    return c === C.SPACE || c === C.TAB || c === C.LF || c === C.CR;
  }

  /** Like `sep`, or a flow indicator. */
  private flowSep(i: number): boolean {
    if (i >= this.len) return true;
    const c = this.text.charCodeAt(i);
    return c < 128 && NAME_END[c] === 1;
  }

  /** The end of a line (or of the text) at `i`. */
  private eol(i: number): boolean {
    if (i >= this.len) return true;
    const c = this.text.charCodeAt(i);
    return c === C.LF || (c === C.CR && this.text.charCodeAt(i + 1) === C.LF);
  }

  private skipBlanks(i: number): number {
    const text = this.text,
      len = this.len;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c !== C.SPACE && c !== C.TAB) break;
      i++;
    }
    return i;
  }

  /** `---` or `...` followed by whitespace or the end, at `ls`. */
  private docMarker(ls: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(ls);
    return (c === C.DASH || c === C.DOT) && text.charCodeAt(ls + 1) === c && text.charCodeAt(ls + 2) === c && this.sep(ls + 3);
  }

  /** Reports the comment at `i` (a `#`) and returns the start of the next line. */
  private commentLine(i: number): number {
    const e = this.lineEnd(i);
    this.comment(i, e - i);
    return this.nextLine(e);
  }

  /** The end of an anchor / alias / tag name starting at `i`. */
  private nameEnd(i: number): number {
    const text = this.text,
      len = this.len;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c < 128 && NAME_END[c] === 1) break;
      i++;
    }
    return i;
  }

  /** Skips node properties (anchors, tags) at `i` and the blanks after them; sets `propsEnd`. */
  private skipProps(i: number): number {
    const text = this.text,
      len = this.len;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === C.AMP) {
        i = this.nameEnd(i + 1);
      } else if (c === C.BANG) {
        if (text.charCodeAt(i + 1) === C.LT) {
          // verbatim tag !<...>
          i += 2;
          while (i < len) {
            const d = text.charCodeAt(i);
            if (d === C.GT) {
              i++;
              break;
            }
            if (d === C.SPACE || d === C.TAB || d === C.LF || d === C.CR) break;
            i++;
          }
        } else {
          i = this.nameEnd(i + 1);
        }
      } else {
        return i;
      }
      this.propsEnd = i;
      i = this.skipBlanks(i);
    }
  }

  private parentIndent(): number {
    return this.depth > 0 ? this.bIndent[this.depth - 1] : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Documents and block structure

  private beginDocument(off: number): void {
    this.inDoc = true;
    this.pending = true;
    this.pendingOff = off;
    this.on.documentBegin?.(off);
  }

  private closeDocument(): void {
    if (this.pending) {
      this.pending = false;
      this.empty(this.pendingOff);
    }
    while (this.depth > 0) this.popBlock();
    this.skipIndent = -1;
  }

  private pushBlock(kind: B, indent: number, off: number): void {
    if (this.tabAt >= 0) this.tabError();
    if (this.lineStart === this.markerLine) {
      this.error('A block collection cannot start on the same line as the --- marker', off, 1);
    }
    this.bKind[this.depth] = kind;
    this.bIndent[this.depth] = indent;
    this.depth++;
    this.lastEnd = off;
    if (kind === B.Map) this.on.objectBegin?.(off);
    else this.on.arrayBegin?.(off);
  }

  private popBlock(): void {
    this.depth--;
    if (this.bKind[this.depth] === B.Map) this.on.objectEnd?.(this.lastEnd);
    else this.on.arrayEnd?.(this.lastEnd);
  }

  private tabError(): void {
    this.error('Tabs are not allowed as indentation', this.tabAt, 1);
    this.tabAt = -1;
  }

  /** Scans the line starting at `ls` (and any following lines its content spans); returns the next line start. */
  private line(ls: number): number {
    const text = this.text,
      len = this.len;
    this.lineStart = ls;
    let i = ls;
    while (i < len && text.charCodeAt(i) === C.SPACE) i++;
    const col = i - ls;
    let tabAt = -1;
    let c = 0;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c === C.SPACE) i++;
      else if (c === C.TAB) {
        if (tabAt < 0) tabAt = i;
        i++;
      } else break;
    }
    if (i >= len) return len;
    if (c === C.LF) return i + 1;
    if (c === C.CR && text.charCodeAt(i + 1) === C.LF) return i + 2;
    if (c === C.HASH) return this.commentLine(i);
    if (col === 0) {
      if ((c === C.DASH || c === C.DOT) && this.docMarker(ls)) {
        return c === C.DASH ? this.docStart(ls) : this.docEnd(ls);
      }
      if (c === C.PERCENT && !this.inDoc) return this.nextLine(ls); // directive
    }
    if (this.skipIndent >= 0) {
      if (col > this.skipIndent || (col === this.skipIndent && c === C.COLON && this.sep(i + 1))) {
        return this.nextLine(i);
      }
      this.skipIndent = -1;
    }
    if (!this.inDoc) this.beginDocument(i);
    this.tabAt = tabAt;

    if (this.pending) {
      const parent = this.parentIndent();
      if (col > parent || (col === parent && c === C.DASH && this.bKind[this.depth - 1] === B.Map && this.sep(i + 1))) {
        this.pending = false;
        this.node(i, col, Mode.SlotBlock);
        return this.finish();
      }
      this.pending = false;
      this.empty(this.pendingOff);
    }
    while (this.depth > 0 && col < this.bIndent[this.depth - 1]) this.popBlock();
    if (this.depth === 0) {
      this.error('Unexpected content after the document root node', i, this.lineEnd(i) - i);
      return this.nextLine(i);
    }
    const top = this.depth - 1;
    if (col > this.bIndent[top]) {
      this.error('Bad indentation', i, this.lineEnd(i) - i);
      return this.nextLine(i);
    }
    if (this.bKind[top] === B.Seq) {
      if (c === C.DASH && this.sep(i + 1)) {
        if (this.tabAt >= 0) this.tabError();
        if (this.seqEntry(i)) this.node(this.pos, this.pos - ls, Mode.SlotBlock);
        return this.finish();
      }
      if (top > 0 && this.bKind[top - 1] === B.Map && this.bIndent[top - 1] === col) {
        // the end of a sequence at the indentation of its parent mapping (`key:\n- a\nnext: b`)
        this.popBlock();
      } else {
        this.error('Expected a sequence entry "- "', i, this.lineEnd(i) - i);
        return this.nextLine(i);
      }
    }
    if (c === C.DASH && this.sep(i + 1)) {
      this.error('A sequence entry is not allowed here: expected a mapping key', i, 1);
      return this.nextLine(i);
    }
    if (this.tabAt >= 0) this.tabError();
    this.node(i, col, Mode.MapKey);
    return this.finish();
  }

  private docStart(ls: number): number {
    this.closeDocument();
    this.beginDocument(ls);
    this.markerLine = ls;
    const i = this.skipBlanks(ls + 3);
    this.pendingOff = i;
    if (this.eol(i) || this.text.charCodeAt(i) === C.HASH) {
      this.pos = ls + 3;
      return this.finish();
    }
    this.pending = false;
    this.tabAt = -1;
    this.node(i, i - ls, Mode.SlotBlock);
    return this.finish();
  }

  private docEnd(ls: number): number {
    this.closeDocument();
    this.inDoc = false;
    this.pos = ls + 3;
    return this.finish();
  }

  /**
   * After the node(s) of a line: the rest of the line may hold blanks and a comment. Returns the start
   * of the next line to scan.
   */
  private finish(): number {
    if (this.resumeAt >= 0) {
      const r = this.resumeAt;
      this.resumeAt = -1;
      return r;
    }
    const text = this.text,
      len = this.len;
    const start = this.pos;
    const i = this.skipBlanks(start);
    if (i >= len) return len;
    const c = text.charCodeAt(i);
    if (c === C.LF) return i + 1;
    if (c === C.CR && text.charCodeAt(i + 1) === C.LF) return i + 2;
    if (c === C.HASH) {
      if (i === start && i > 0 && !this.sep(i - 1)) {
        this.error('Comments must be separated from other tokens by white space', i, 1);
      }
      return this.commentLine(i);
    }
    this.error('Unexpected content at the end of the line', i, this.lineEnd(i) - i);
    return this.nextLine(i);
  }

  /**
   * The rest of a block sequence entry after its `-` at `d`. Returns true with `pos` at the entry's node
   * if it is on the same line; otherwise marks the entry pending and returns false.
   */
  private seqEntry(d: number): boolean {
    const i = this.skipBlanks(d + 1);
    if (this.eol(i) || this.text.charCodeAt(i) === C.HASH) {
      this.pending = true;
      this.pendingOff = i;
      this.pos = d + 1;
      return false;
    }
    this.pos = i;
    return true;
  }

  /** After a key's `:` at `k`: blanks, then the value on the same line (true, `pos` at it) or a pending value. */
  private afterColon(k: number): boolean {
    const i = this.skipBlanks(k + 1);
    if (this.eol(i) || this.text.charCodeAt(i) === C.HASH) {
      this.pending = true;
      this.pendingOff = i;
      this.pos = k + 1;
      return false;
    }
    this.pos = i;
    return true;
  }

  /** A block-context `:` value indicator after blanks from `i`, or -1. */
  private colonAfter(i: number): number {
    i = this.skipBlanks(i);
    return this.text.charCodeAt(i) === C.COLON && this.sep(i + 1) ? i : -1;
  }

  /** Skips the rest of the line of `i` after an error. */
  private skipLine(i: number): void {
    this.pos = this.lineEnd(i);
  }

  /**
   * Scans a node in block context starting at `p` (column `col`), which is on the current line and is not
   * blank. Handles the chain of compact forms on one line (`- - key: value`) iteratively.
   */
  private node(p: number, col: number, mode: Mode): void {
    const text = this.text;
    let props = false;
    for (;;) {
      const c = text.charCodeAt(p);
      let key: string;
      const keyOff = p;
      let keyLen: number;
      let colon: number;

      if (c === C.DASH && this.sep(p + 1)) {
        if (mode !== Mode.SlotBlock || props) {
          this.error('A block sequence cannot start here', p, 1);
          // A slot still gets its value (`key:` then `  !tag - a` on the next line).
          if (mode !== Mode.MapKey) this.empty(p);
          this.skipLine(p);
          return;
        }
        this.pushBlock(B.Seq, col, p);
        if (!this.seqEntry(p)) return;
        p = this.pos;
        col = p - this.lineStart;
        continue;
      }

      if (c === C.QUESTION && this.sep(p + 1)) {
        this.error('Explicit mapping keys ("? ") are not supported; the entry is skipped', p, 1);
        if (mode === Mode.SlotInline) {
          this.empty(p);
          this.skipLine(p);
          return;
        }
        if (mode === Mode.SlotBlock) this.pushBlock(B.Map, col, p);
        this.skipIndent = col;
        this.skipLine(p);
        return;
      }

      if (c === C.AMP || c === C.BANG) {
        const i = this.skipProps(p);
        props = true;
        if (this.eol(i) || text.charCodeAt(i) === C.HASH) {
          if (mode === Mode.MapKey) {
            this.error('Expected a mapping key after the node properties', p, this.propsEnd - p);
            this.pos = this.propsEnd;
            return;
          }
          this.pending = true;
          this.pendingOff = i;
          this.pos = this.propsEnd;
          return;
        }
        p = i;
        continue;
      }

      const parent = this.parentIndent();
      if (c === C.STAR) {
        const e = this.nameEnd(p + 1);
        colon = this.colonAfter(e);
        if (colon < 0) {
          if (mode === Mode.MapKey) {
            this.error('Expected a mapping key', p, e - p);
            this.skipLine(p);
            return;
          }
          this.alias(text.slice(p + 1, e), p, e - p);
          this.pos = e;
          return;
        }
        key = text.slice(p, e);
        keyLen = e - p;
      } else if (c === C.DQUOTE || c === C.SQUOTE) {
        const ls = this.lineStart;
        const value = c === C.DQUOTE ? this.doubleQuoted(p, parent) : this.singleQuoted(p, parent);
        const e = this.sEnd;
        colon = this.lineStart === ls ? this.colonAfter(e) : -1;
        if (colon < 0) {
          if (mode === Mode.MapKey) {
            this.error('Expected a mapping key', p, e - p);
            this.skipLine(e);
            return;
          }
          this.literal(value, p, e - p);
          this.pos = e;
          return;
        }
        key = value;
        keyLen = e - p;
      } else if (c === C.LBRACKET || c === C.LBRACE) {
        if (mode === Mode.MapKey) {
          this.error('Complex mapping keys (collections) are not supported', p, 1);
          this.skipLine(p);
          return;
        }
        this.flow(p, parent);
        if (this.resumeAt < 0 && this.colonAfter(this.pos) >= 0) {
          this.error('Complex mapping keys (collections) are not supported', p, this.pos - p);
          this.skipLine(this.pos);
        }
        return;
      } else if (c === C.PIPE || c === C.GT) {
        if (mode === Mode.MapKey) {
          this.error('Expected a mapping key', p, 1);
          this.skipLine(p);
          return;
        }
        this.blockScalar(p, parent);
        return;
      } else {
        if (c === C.AT || c === C.BACKTICK || c === C.COMMA || c === C.RBRACKET || c === C.RBRACE) {
          this.error('A plain scalar cannot start with ' + text[p], p, 1);
        }
        const e = this.plainLine(p, false);
        if (this.sStop !== Stop.Colon) {
          if (mode === Mode.MapKey) {
            this.error('Expected a mapping key (a "key:" pair)', p, e - p);
            this.skipLine(p);
            return;
          }
          this.plainValue(p, e, parent);
          return;
        }
        colon = this.sStopAt;
        key = text.slice(p, e);
        keyLen = e - p;
      }

      // A key: `key`, covering [keyOff, keyOff + keyLen), with its `:` at `colon`.
      if (mode === Mode.SlotInline) {
        this.error('Nested mappings are not allowed in compact mappings', keyOff, keyLen);
        this.empty(keyOff);
        this.skipLine(keyOff);
        return;
      }
      if (mode === Mode.SlotBlock) this.pushBlock(B.Map, col, keyOff);
      this.property(key, keyOff, keyLen);
      if (!this.afterColon(colon)) return;
      mode = Mode.SlotInline;
      p = this.pos;
      col = p - this.lineStart;
      props = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Plain scalars

  /**
   * Scans one line segment of a plain scalar from `p`. Returns the end of its content (trailing blanks
   * excluded) and sets `sStop` / `sStopAt` to why and where it stopped.
   */
  private plainLine(p: number, inFlow: boolean): number {
    const text = this.text,
      len = this.len;
    const table = inFlow ? FLOW_PLAIN : BLOCK_PLAIN;
    let i = p;
    let end = p;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c >= 128 || table[c] === 0) {
        end = ++i;
        continue;
      }
      if (c === C.SPACE || c === C.TAB) {
        i++;
        if (i < len && text.charCodeAt(i) === C.HASH) {
          this.sStop = Stop.Comment;
          this.sStopAt = i;
          return (this.sEnd = end);
        }
        continue;
      }
      if (c === C.LF) break;
      if (c === C.CR) {
        if (text.charCodeAt(i + 1) === C.LF) break;
        end = ++i;
        continue;
      }
      if (c === C.COLON) {
        if (inFlow ? this.flowSep(i + 1) : this.sep(i + 1)) {
          this.sStop = Stop.Colon;
          this.sStopAt = i;
          return (this.sEnd = end);
        }
        end = ++i;
        continue;
      }
      // a flow indicator in flow context
      this.sStop = Stop.Flow;
      this.sStopAt = i;
      return (this.sEnd = end);
    }
    this.sStop = Stop.Eol;
    this.sStopAt = i;
    return (this.sEnd = end);
  }

  /** Why the last `plainLine` stopped (a method, so that type narrowing of the field does not stick). */
  private stopReason(): Stop {
    return this.sStop;
  }

  /**
   * A plain scalar value in block context whose first line segment is [p, e): adds continuation lines
   * (indented more than `parent`) and reports it.
   */
  private plainValue(p: number, e: number, parent: number): void {
    const text = this.text,
      len = this.len;
    let value: string | undefined;
    let end = e;
    if (this.sStop === Stop.Eol) {
      let q = this.nextLine(this.sStopAt);
      let breaks = 0;
      while (q < len) {
        let i = q;
        while (i < len && text.charCodeAt(i) === C.SPACE) i++;
        const sp = i - q;
        i = this.skipBlanks(i);
        if (i >= len) break;
        const c = text.charCodeAt(i);
        if (c === C.LF || (c === C.CR && text.charCodeAt(i + 1) === C.LF)) {
          breaks++;
          q = this.nextLine(i);
          continue;
        }
        if (sp <= parent || c === C.HASH) break;
        if (sp === 0 && this.docMarker(q)) break;
        const le = this.plainLine(i, false);
        if (this.stopReason() === Stop.Colon || le === i) break;
        if (value === undefined) value = text.slice(p, end);
        value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        value += text.slice(i, le);
        end = le;
        breaks = 0;
        this.lineStart = q;
        if (this.sStop !== Stop.Eol) break;
        q = this.nextLine(this.sStopAt);
      }
    }
    this.literal(value === undefined ? text.slice(p, end) : value, p, end - p);
    this.pos = end;
  }

  /**
   * A plain scalar in flow context from `p` (possibly spanning lines). Returns its value; `sEnd` is its
   * end.
   */
  private plainFlow(p: number, parent: number): string {
    const text = this.text,
      len = this.len;
    let end = this.plainLine(p, true);
    let value: string | undefined;
    if (this.sStop === Stop.Eol) {
      let q = this.nextLine(this.sStopAt);
      let breaks = 0;
      while (q < len) {
        let i = q;
        while (i < len && text.charCodeAt(i) === C.SPACE) i++;
        const sp = i - q;
        i = this.skipBlanks(i);
        if (i >= len) break;
        const c = text.charCodeAt(i);
        if (c === C.LF || (c === C.CR && text.charCodeAt(i + 1) === C.LF)) {
          breaks++;
          q = this.nextLine(i);
          continue;
        }
        if (sp <= parent || c === C.HASH || (c < 128 && NAME_END[c] === 1)) break;
        if (sp === 0 && this.docMarker(q)) break;
        const le = this.plainLine(i, true);
        if (le === i) break; // `: x` or a flow indicator: not part of the scalar
        if (value === undefined) value = text.slice(p, end);
        value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        value += text.slice(i, le);
        end = le;
        breaks = 0;
        this.lineStart = q;
        if (this.sStop !== Stop.Eol) break;
        q = this.nextLine(this.sStopAt);
      }
    }
    this.sEnd = end;
    return value === undefined ? text.slice(p, end) : value;
  }

  // ---------------------------------------------------------------------------------------------
  // Quoted scalars

  /**
   * At a line break inside a quoted scalar: `nl` is the offset of the LF. Skips blank lines and the
   * indentation of the next content line. Returns the offset of that line's first non-blank character
   * (setting `lineStart` and `sStopAt` = the number of blank lines), or -1 if the scalar cannot continue
   * there (a line not indented more than `parent`, or a document marker).
   */
  private quotedBreak(nl: number, parent: number): number {
    const text = this.text,
      len = this.len;
    let breaks = 0;
    for (;;) {
      const q = nl + 1;
      let i = q;
      while (i < len && text.charCodeAt(i) === C.SPACE) i++;
      const sp = i - q;
      i = this.skipBlanks(i);
      if (i >= len) {
        this.lineStart = q;
        this.sStopAt = breaks;
        return i;
      }
      const c = text.charCodeAt(i);
      if (c === C.LF) {
        breaks++;
        nl = i;
        continue;
      }
      if (c === C.CR && text.charCodeAt(i + 1) === C.LF) {
        breaks++;
        nl = i + 1;
        continue;
      }
      if (sp <= parent || (sp === 0 && this.docMarker(q))) return -1;
      this.lineStart = q;
      this.sStopAt = breaks;
      return i;
    }
  }

  /** A double-quoted scalar at `p`; returns its value, `sEnd` is its end (after the closing quote). */
  private doubleQuoted(p: number, parent: number): string {
    const text = this.text,
      len = this.len;
    let i = p + 1;
    let seg = i;
    let res = '';
    for (;;) {
      if (i >= len) {
        this.error('Missing closing "quote', p, 1);
        this.sEnd = len;
        return res + text.slice(seg, len);
      }
      const c = text.charCodeAt(i);
      if (c === C.DQUOTE) {
        this.sEnd = i + 1;
        return seg === p + 1 ? text.slice(seg, i) : res + text.slice(seg, i);
      }
      if (c === C.BACKSLASH) {
        res += text.slice(seg, i);
        const n = text.charCodeAt(i + 1);
        const simple = simpleEscape(n);
        if (simple !== '') {
          res += simple;
          i += 2;
        } else if (n === 120 || n === 117 || n === 85) {
          // \xXX \uXXXX \UXXXXXXXX
          const digits = n === 120 ? 2 : n === 117 ? 4 : 8;
          let cp = 0;
          let k = 0;
          for (; k < digits; k++) {
            const d = hexValue(text.charCodeAt(i + 2 + k));
            if (d < 0) break;
            cp = cp * 16 + d;
          }
          if (k === digits && cp <= 0x10ffff) {
            res += String.fromCodePoint(cp);
            i += 2 + digits;
          } else {
            this.error('Invalid escape sequence', i, 2 + k);
            res += text.slice(i, i + 2);
            i += 2;
          }
        } else if (n === C.LF || (n === C.CR && text.charCodeAt(i + 2) === C.LF)) {
          // escaped line break: no space, the next line's indentation is skipped
          const nl = n === C.LF ? i + 1 : i + 2;
          const q = nl + 1;
          let r = q;
          while (r < len && text.charCodeAt(r) === C.SPACE) r++;
          const sp = r - q;
          r = this.skipBlanks(r);
          if (!this.eol(r) && (sp <= parent || (sp === 0 && this.docMarker(q)))) {
            this.error('Missing closing "quote', p, 1);
            this.sEnd = i;
            return res;
          }
          this.lineStart = q;
          i = r;
        } else if (i + 1 >= len) {
          i++;
        } else {
          this.error('Invalid escape sequence', i, 2);
          res += text.slice(i, i + 2);
          i += 2;
        }
        seg = i;
        continue;
      }
      if (c === C.LF || (c === C.CR && text.charCodeAt(i + 1) === C.LF)) {
        let t = i;
        while (t > seg) {
          const d = text.charCodeAt(t - 1);
          if (d !== C.SPACE && d !== C.TAB) break;
          t--;
        }
        res += text.slice(seg, t);
        const r = this.quotedBreak(c === C.LF ? i : i + 1, parent);
        if (r < 0) {
          this.error('Missing closing "quote', p, 1);
          this.sEnd = i;
          return res;
        }
        const breaks = this.sStopAt;
        res += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        i = seg = r;
        continue;
      }
      i++;
    }
  }

  /** A single-quoted scalar at `p`; returns its value, `sEnd` is its end (after the closing quote). */
  private singleQuoted(p: number, parent: number): string {
    const text = this.text,
      len = this.len;
    let i = p + 1;
    let seg = i;
    let res = '';
    for (;;) {
      if (i >= len) {
        this.error("Missing closing 'quote", p, 1);
        this.sEnd = len;
        return res + text.slice(seg, len);
      }
      const c = text.charCodeAt(i);
      if (c === C.SQUOTE) {
        if (text.charCodeAt(i + 1) === C.SQUOTE) {
          res += text.slice(seg, i + 1);
          i += 2;
          seg = i;
          continue;
        }
        this.sEnd = i + 1;
        return seg === p + 1 ? text.slice(seg, i) : res + text.slice(seg, i);
      }
      if (c === C.LF || (c === C.CR && text.charCodeAt(i + 1) === C.LF)) {
        let t = i;
        while (t > seg) {
          const d = text.charCodeAt(t - 1);
          if (d !== C.SPACE && d !== C.TAB) break;
          t--;
        }
        res += text.slice(seg, t);
        const r = this.quotedBreak(c === C.LF ? i : i + 1, parent);
        if (r < 0) {
          this.error("Missing closing 'quote", p, 1);
          this.sEnd = i;
          return res;
        }
        const breaks = this.sStopAt;
        res += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        i = seg = r;
        continue;
      }
      i++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Block scalars

  /** A block scalar whose indicator (`|` or `>`) is at `p`; scanning resumes at the line after it. */
  private blockScalar(p: number, parent: number): void {
    const text = this.text,
      len = this.len;
    const folded = text.charCodeAt(p) === C.GT;
    let i = p + 1;
    let chomp = 0; // 0 clip, 1 strip, 2 keep
    let explicit = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c === C.DASH || c === C.PLUS) && chomp === 0) chomp = c === C.DASH ? 1 : 2;
      else if (c >= C.ONE && c <= C.NINE && explicit === 0) explicit = c - C.ZERO;
      else break;
      i++;
    }
    const headerEnd = i;
    const h = this.skipBlanks(i);
    if (!this.eol(h)) {
      if (text.charCodeAt(h) === C.HASH && h > headerEnd) {
        this.comment(h, this.lineEnd(h) - h);
      } else {
        this.error('Unexpected characters in the block scalar header', h, this.lineEnd(h) - h);
      }
    }

    // Collect the content lines.
    const lnStart = this.lnStart,
      lnSpaces = this.lnSpaces,
      lnEnd = this.lnEnd;
    let indent = explicit > 0 ? (parent < 0 ? 0 : parent) + explicit : -1;
    let n = 0;
    let first = -1; // first line with content
    let last = -1; // last line with content
    let endsWithBreak = false;
    let q = this.nextLine(h);
    while (q < len) {
      let r = q;
      while (r < len && text.charCodeAt(r) === C.SPACE) r++;
      const sp = r - q;
      const nl = text.indexOf('\n', r);
      const lineEnd = nl < 0 ? len : nl;
      const contentEnd = lineEnd > r && text.charCodeAt(lineEnd - 1) === C.CR ? lineEnd - 1 : lineEnd;
      if (r < contentEnd) {
        // a line with content
        if (indent < 0) {
          if (sp <= parent) break;
          indent = sp;
        } else if (sp < indent) break;
        if (sp === 0 && this.docMarker(q)) break;
        if (first < 0) first = n;
        last = n;
      }
      lnStart[n] = q;
      lnSpaces[n] = sp;
      lnEnd[n] = contentEnd;
      n++;
      endsWithBreak = nl >= 0;
      q = nl < 0 ? len : nl + 1;
    }

    let value = '';
    let end = headerEnd;
    if (last < 0) {
      if (chomp === 2 && n > 0) value = '\n'.repeat(n);
    } else {
      const trim = indent;
      // trailing blank lines indented more than the content belong to it
      let chompStart = last + 1;
      for (let k = n - 1; k > last; k--) {
        if (lnSpaces[k] > trim) {
          chompStart = k + 1;
          break;
        }
      }
      // leading blank lines
      for (let k = 0; k < first; k++) {
        const sp = lnSpaces[k];
        value += sp > trim ? text.slice(lnStart[k] + trim, lnStart[k] + sp) + '\n' : '\n';
      }
      if (!folded) {
        let sep = '';
        for (let k = first; k < chompStart; k++) {
          const sp = lnSpaces[k];
          value += sep + text.slice(lnStart[k] + (sp < trim ? sp : trim), lnEnd[k]);
          sep = '\n';
        }
      } else {
        let sep = '';
        let prevMore = false;
        for (let k = first; k < chompStart; k++) {
          const sp = lnSpaces[k];
          const s = lnStart[k] + sp;
          const e = lnEnd[k];
          if (sp > trim || (s < e && text.charCodeAt(s) === C.TAB)) {
            if (sep === ' ') sep = '\n';
            else if (!prevMore && sep === '\n') sep = '\n\n';
            value += sep + text.slice(lnStart[k] + trim, e);
            sep = '\n';
            prevMore = true;
          } else if (s === e) {
            if (sep === '\n') value += '\n';
            else sep = '\n';
          } else {
            value += sep + text.slice(s, e);
            sep = ' ';
            prevMore = false;
          }
        }
      }
      if (chomp === 2) {
        const breaks = n - chompStart + (endsWithBreak ? 1 : 0);
        if (breaks > 0) value += '\n'.repeat(breaks);
        if (value.charCodeAt(value.length - 1) !== C.LF) value += '\n';
      } else if (chomp === 0) {
        value += '\n';
      }
      end = lnEnd[last];
      while (end > headerEnd) {
        const d = text.charCodeAt(end - 1);
        if (d !== C.SPACE && d !== C.TAB && d !== C.LF && d !== C.CR) break;
        end--;
      }
    }
    this.literal(value, p, end - p);
    this.resumeAt = q;
  }

  // ---------------------------------------------------------------------------------------------
  // Flow collections

  private openFlow(i: number, bracket: number): void {
    const d = this.fDepth++;
    const kind = bracket === C.LBRACKET ? F.Seq : F.Map;
    this.fKind[d] = kind;
    this.fState[d] = S.Entry;
    this.fStart[d] = i;
    this.fEmptyAt[d] = i + 1;
    this.lastEnd = i + 1;
    if (this.muted) return;
    if (kind === F.Seq) this.on.arrayBegin?.(i);
    else this.on.objectBegin?.(i);
  }

  /**
   * Closes the innermost flow frame at offset `at` (the bracket, or where the collection was cut off).
   * `propsAt` >= 0: node properties without a node were read just before, an absent node is reported there.
   * `bracket`: `at` is this frame's own closing bracket.
   */
  private closeFlow(at: number, propsAt: number, bracket: boolean): void {
    const d = this.fDepth - 1;
    const kind = this.fKind[d];
    const st = this.fState[d];
    if (kind === F.Seq) {
      if (propsAt >= 0 && st === S.Entry) this.empty(propsAt);
    } else if (st === S.AfterKey || st === S.Value) {
      this.empty(propsAt >= 0 && st === S.Value ? propsAt : this.fEmptyAt[d]);
    } else if (propsAt >= 0 && st === S.Entry && kind === F.Map) {
      this.property('', propsAt, 0);
      this.empty(propsAt);
    }
    this.fDepth = d;
    const n = bracket ? 1 : 0;
    if (!this.muted) {
      if (kind === F.Seq) this.on.arrayEnd?.(at);
      else this.on.objectEnd?.(at);
    }
    this.lastEnd = at + n;
    if (this.muted && d === this.muteAt) {
      // the end of a complex key: report it as a key with its raw source
      this.muted = false;
      this.muteAt = -1;
      const s = this.muteStart;
      const e = at + n;
      this.property(this.text.slice(s, e), s, e - s);
      this.fState[d - 1] = S.AfterKey;
      this.fEmptyAt[d - 1] = e;
    }
  }

  /**
   * Skips blanks, line breaks and comments inside a flow collection. Returns the offset of the next
   * token, or -1 if the collection cannot continue (end of text, a line not indented more than `parent`,
   * a document marker); then `flowStop` is where block scanning resumes.
   */
  private flowSkip(i: number, parent: number): number {
    const text = this.text,
      len = this.len;
    let ws = i > 0 && this.sep(i - 1);
    for (;;) {
      if (i >= len) {
        this.flowStop = len;
        return -1;
      }
      const c = text.charCodeAt(i);
      if (c === C.SPACE || c === C.TAB) {
        i++;
        ws = true;
        continue;
      }
      if (c === C.LF || (c === C.CR && text.charCodeAt(i + 1) === C.LF)) {
        const q = c === C.LF ? i + 1 : i + 2;
        let r = q;
        while (r < len && text.charCodeAt(r) === C.SPACE) r++;
        const sp = r - q;
        const t = this.skipBlanks(r);
        if (t < len) {
          const d = text.charCodeAt(t);
          if (!(d === C.LF || (d === C.CR && text.charCodeAt(t + 1) === C.LF) || d === C.HASH)) {
            const closer = sp === parent && this.fDepth === 1 && t === r && (d === C.RBRACKET || d === C.RBRACE);
            if ((sp <= parent && !closer) || (sp === 0 && this.docMarker(q))) {
              this.flowStop = q;
              return -1;
            }
          }
        }
        this.lineStart = q;
        i = t;
        ws = true;
        continue;
      }
      if (c === C.HASH) {
        if (!ws) this.error('Comments must be separated from other tokens by white space', i, 1);
        const e = this.lineEnd(i);
        this.comment(i, e - i);
        i = e;
        continue;
      }
      return i;
    }
  }

  /** A flow collection in block context; its opening bracket is at `p`. Sets `pos` (or `resumeAt`). */
  private flow(p: number, parent: number): void {
    const text = this.text;
    this.openFlow(p, text.charCodeAt(p));
    let i = p + 1;
    let json = false; // the previous token was a quoted scalar or a closing bracket: `:` may follow it directly
    let props = false; // node properties were read for the next node
    let propsAt = 0; // where an absent node after them is reported
    while (this.fDepth > 0) {
      i = this.flowSkip(i, parent);
      if (i < 0) {
        this.error('Unterminated flow collection', this.fStart[0], 1);
        const at = this.lastEnd;
        while (this.fDepth > 0) {
          this.closeFlow(at, props ? propsAt : -1, false);
          props = false;
        }
        this.resumeAt = this.flowStop;
        return;
      }
      const c = text.charCodeAt(i);
      let top = this.fDepth - 1;
      let kind = this.fKind[top];
      let st = this.fState[top];

      if (c === C.COMMA) {
        if (kind === F.Pair) {
          if (st === S.Value) {
            this.empty(props ? propsAt : this.fEmptyAt[top]);
            this.fState[top] = S.AfterValue;
          }
          this.closeFlow(this.lastEnd, -1, false);
          this.fState[top - 1] = S.Entry;
        } else if (st === S.Entry) {
          if (props) {
            if (kind === F.Map) this.property('', propsAt, 0);
            this.empty(propsAt);
          } else {
            this.error('Unexpected , in flow collection', i, 1);
          }
        } else {
          if (st === S.AfterKey || st === S.Value) this.empty(props ? propsAt : this.fEmptyAt[top]);
          this.fState[top] = S.Entry;
        }
        props = false;
        json = false;
        i++;
        continue;
      }

      if (c === C.RBRACKET || c === C.RBRACE) {
        const want = c === C.RBRACKET ? F.Seq : F.Map;
        let m = top;
        while (m >= 0 && this.fKind[m] !== want) m--;
        if (m < 0) {
          this.error('Unexpected ' + text[i], i, 1);
        } else {
          while (this.fDepth - 1 > m) {
            if (this.fKind[this.fDepth - 1] !== F.Pair) {
              this.error('Missing closing bracket', this.fStart[this.fDepth - 1], 1);
              this.closeFlow(i, props ? propsAt : -1, false);
            } else {
              this.closeFlow(this.lastEnd, props ? propsAt : -1, false);
            }
            props = false;
          }
          this.closeFlow(i, props ? propsAt : -1, true);
        }
        props = false;
        json = true;
        i++;
        continue;
      }

      if (c === C.COLON && (json || this.flowSep(i + 1))) {
        if (kind === F.Map && st === S.Entry) {
          this.property('', i, 0);
          this.fState[top] = S.Value;
          this.fEmptyAt[top] = this.skipBlanks(i + 1);
        } else if (kind === F.Map && st === S.AfterKey) {
          this.fState[top] = S.Value;
          this.fEmptyAt[top] = this.skipBlanks(i + 1);
        } else if (kind === F.Seq && st === S.Entry) {
          this.fState[top] = S.AfterValue;
          if (!this.muted) this.on.objectBegin?.(i);
          this.fKind[this.fDepth] = F.Pair;
          this.fState[this.fDepth] = S.Value;
          this.fStart[this.fDepth] = i;
          this.fEmptyAt[this.fDepth] = this.skipBlanks(i + 1);
          this.fDepth++;
          this.property('', i, 0);
        } else {
          this.error('Unexpected : in flow collection', i, 1);
        }
        json = false;
        i++;
        continue;
      }

      if (c === C.QUESTION && this.flowSep(i + 1)) {
        // explicit key indicator: the key follows as usual
        i++;
        continue;
      }

      if (c === C.AMP || c === C.BANG) {
        i = this.skipProps(i);
        props = true;
        propsAt = i;
        json = false;
        continue;
      }

      if (c === C.DASH && this.flowSep(i + 1)) {
        this.error('A block sequence cannot be used in a flow collection', i, 1);
        i++;
        continue;
      }

      // A node. First settle a missing `,` or `:`.
      if (st === S.AfterKey) {
        this.error('Missing : or , after a flow mapping key', i, 1);
        this.empty(this.fEmptyAt[top]);
        st = this.fState[top] = S.Entry;
      } else if (st === S.AfterValue) {
        this.error('Missing , between flow collection entries', i, 1);
        if (kind === F.Pair) {
          this.closeFlow(this.lastEnd, -1, false);
          top--;
          kind = this.fKind[top];
        }
        st = this.fState[top] = S.Entry;
      }

      if (c === C.LBRACKET || c === C.LBRACE) {
        if (kind === F.Map && st === S.Entry) {
          if (!this.muted) {
            this.error('Complex mapping keys (collections) are not supported', i, 1);
            this.muted = true;
            this.muteAt = this.fDepth;
            this.muteStart = i;
          }
          this.fState[top] = S.AfterKey;
        } else {
          this.fState[top] = S.AfterValue;
        }
        this.openFlow(i, c);
        i++;
        json = false;
        props = false;
        continue;
      }

      let value: string;
      let e: number;
      let isAlias = false;
      if (c === C.STAR) {
        e = this.nameEnd(i + 1);
        value = text.slice(i + 1, e);
        isAlias = true;
        json = false;
      } else if (c === C.DQUOTE || c === C.SQUOTE) {
        value = c === C.DQUOTE ? this.doubleQuoted(i, parent) : this.singleQuoted(i, parent);
        e = this.sEnd;
        json = true;
      } else {
        if (c === C.AT || c === C.BACKTICK || c === C.PIPE || c === C.GT || c === C.HASH) {
          this.error('A plain scalar cannot start with ' + text[i], i, 1);
        }
        value = this.plainFlow(i, parent);
        e = this.sEnd;
        json = false;
        if (e === i) {
          // nothing scannable here (cannot happen for valid starts); skip one character
          e = i + 1;
          value = text[i];
        }
      }

      if (kind === F.Map) {
        if (st === S.Entry) {
          if (isAlias) this.property(text.slice(i, e), i, e - i);
          else this.property(value, i, e - i);
          this.fState[top] = S.AfterKey;
          this.fEmptyAt[top] = e;
        } else {
          if (isAlias) this.alias(value, i, e - i);
          else this.literal(value, i, e - i);
          this.fState[top] = S.AfterValue;
        }
      } else if (kind === F.Seq) {
        // `[key: value]` is a single-pair mapping; its `:` must be on the same line
        let k = this.skipBlanks(e);
        if (!(text.charCodeAt(k) === C.COLON && (json || this.flowSep(k + 1)))) k = -1;
        this.fState[top] = S.AfterValue;
        if (k >= 0) {
          if (!this.muted) this.on.objectBegin?.(i);
          this.fKind[this.fDepth] = F.Pair;
          this.fState[this.fDepth] = S.Value;
          this.fStart[this.fDepth] = i;
          this.fEmptyAt[this.fDepth] = this.skipBlanks(k + 1);
          this.fDepth++;
          this.property(isAlias ? text.slice(i, e) : value, i, e - i);
          e = k + 1;
          json = false;
        } else if (isAlias) {
          this.alias(value, i, e - i);
        } else {
          this.literal(value, i, e - i);
        }
      } else {
        // the value of a single-pair mapping
        if (isAlias) this.alias(value, i, e - i);
        else this.literal(value, i, e - i);
        this.fState[top] = S.AfterValue;
      }
      props = false;
      i = e;
    }
    this.pos = i;
  }
}

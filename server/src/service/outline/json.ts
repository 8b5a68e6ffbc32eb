/**
 * A fast, iterative JSON *outline* scanner for OpenAPI specs: the JSON counterpart of yaml.ts.
 *
 * It reports exactly the events jsonc-parser's `visit(text, visitor, { allowTrailingComma: true,
 * disallowComments: false })` reports through the adapter that preceded it (outline.ts before this file),
 * for any input, valid or not: the same Begin/End offsets, keys and literal values (strings unescaped,
 * numbers as `String(Number(token))`, `true`/`false`/`null` as words) with the same token spans, the
 * same comments, and the same errors (message `JSON syntax error <ParseErrorCode>`, offset and length of
 * the token jsonc-parser reports them on), in the same order. Its scanner is a port of jsonc-parser 3.3.1's
 * (impl/scanner.js: where an unterminated string stops, invalid escapes, `1.`, `-`, `1e`, words and
 * unknown symbols, comments including an unterminated `/*` at the very end) and its parser a port of
 * `visit`'s recursive descent (impl/parser.js: the skip-until recovery of `handleError`, trailing
 * commas, missing commas and colons, the end of the text inside containers, nothing read after the first
 * top-level value). test/unit/outline/json.test.ts checks the equality against jsonc-parser on real specs
 * and on fast-check token soup.
 *
 * Why hand-written: profiling the CLI on the 13 MB GitHub spec put jsonc-parser's visit at ~156 ms of
 * ~340 ms. It builds every token's value (whitespace runs included), keeps a JSON path per property, goes
 * through several closures per token, and recurses once per nesting level, so ~10,000 nested `[` overflow
 * the stack. Measured with scripts/measure-json-outline.ts (median of 7 warm runs, 2 shared cores, counting
 * callbacks): github.json (13 MB) jsonc-parser 115-118 ms, this scanner 38-41 ms (2.9-3.0x), JSON.parse
 * 33 ms; the first, cold run 155 ms against 74 ms. graph.json (34 MB): 298-303 ms against 100-106 ms (2.9x),
 * JSON.parse 95-110 ms. The CLI on github.json went from ~394 ms to ~330 ms (read + JSON.parse: ~151 ms).
 *
 * Design: one left-to-right pass with `charCodeAt`; an explicit stack of open containers instead of
 * recursion, so no nesting depth throws; strings are `slice`s of the source and are unescaped only
 * when a backslash is seen; values are computed only for tokens that are reported (the tokens skipped
 * by error recovery cost a scan and nothing else); no per-token objects, no JSON paths.
 */
import { hexValue } from './escapes';
import { type Callbacks, type OutlineVisitor, bindCallbacks } from './visitor';

/**
 * Scans `text` as JSON (with comments and trailing commas) and reports its outline to `visitor`. Never throws
 * (unless a callback does). `from`: where the value starts (what is before it is not read), so a container
 * can be read again alone with its line's start in front of it, at the same columns.
 */
export function visitJsonOutline(text: string, visitor: OutlineVisitor, from = 0): void {
  const scanner = new JsonScanner(text, visitor);
  scanner.pos = from;
  scanner.run();
}

/** Tokens the parser sees (jsonc-parser's SyntaxKind numbers); trivia, comments and unknown symbols never reach it. */
const enum T {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  EOF = 17,
}

/** jsonc-parser's ParseErrorCode numbers, so that the messages are the ones its adapter reported. */
const enum E {
  None = 0,
  InvalidSymbol = 1,
  InvalidNumberFormat = 2,
  PropertyNameExpected = 3,
  ValueExpected = 4,
  ColonExpected = 5,
  CommaExpected = 6,
  CloseBraceExpected = 7,
  CloseBracketExpected = 8,
  EndOfFileExpected = 9,
  UnexpectedEndOfComment = 11,
  UnexpectedEndOfString = 12,
  UnexpectedEndOfNumber = 13,
  InvalidUnicode = 14,
  InvalidEscapeCharacter = 15,
  InvalidCharacter = 16,
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  DQUOTE = 34,
  STAR = 42,
  PLUS = 43,
  COMMA = 44,
  DASH = 45,
  DOT = 46,
  SLASH = 47,
  ZERO = 48,
  NINE = 57,
  COLON = 58,
  UPPER_E = 69,
  LBRACKET = 91,
  BACKSLASH = 92,
  RBRACKET = 93,
  LOWER_E = 101,
  LBRACE = 123,
  RBRACE = 125,
}

/** Parser states of the main loop. */
const enum S {
  /** At a token where a value is expected (jsonc-parser's parseValue). */
  Value = 0,
  /** A value was read (or failed to be); continue in the enclosing container. */
  AfterValue = 1,
  /** In the loop of the innermost container, at the token after its last entry. */
  Entry = 2,
}

/** Characters that end a word (keyword or unknown symbol); everything else, non-ASCII included, continues it. */
const WORD_END = new Uint8Array(128);
for (const c of [C.TAB, C.LF, C.CR, C.SPACE, C.RBRACE, C.RBRACKET, C.LBRACE, C.LBRACKET, C.DQUOTE, C.COLON, C.COMMA, C.SLASH])
  WORD_END[c] = 1;

class JsonScanner {
  private readonly text: string;
  private readonly len: number;

  /** Scanner position: the end of the current token (may exceed the text by one after an unterminated `/*` at its end, as in jsonc-parser). */
  pos = 0;
  /** Start of the current token (the text's length at the end). */
  private tokOff = 0;
  /** Strings: where the content starts and ends (before the closing quote or where it was cut short). */
  private strStart = 0;
  private strEnd = 0;
  /** Strings with a backslash: the unescaped value; undefined when the value is the slice strStart..strEnd. */
  private strValue: string | undefined = undefined;
  /** Numbers: the end of the part that is the value (jsonc-parser leaves a dangling `e`, `e+` out of it). */
  private numEnd = 0;
  /** Numbers: the value part is plain digits without a leading zero, so it is its own String(Number()). */
  private numPlain = false;
  /** The scan error of the current token (last one wins, as in jsonc-parser). */
  private scanErr: E = E.None;

  private readonly on: Callbacks;

  constructor(text: string, v: OutlineVisitor) {
    this.text = text;
    this.len = text.length;
    this.on = bindCallbacks(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Parser: jsonc-parser's visit() with the recursion replaced by a stack of open containers.

  run(): void {
    let t = this.next();
    if (t === T.EOF) {
      this.error(E.ValueExpected);
      return;
    }
    /** Open containers, innermost last: T.OpenBrace or T.OpenBracket. */
    const stack: number[] = [];
    let depth = 0;
    /** The innermost container has had an entry (jsonc-parser's needsComma); true for every outer one. */
    let needsComma = false;
    /** The depth of the container whose contents the visitor skips (its Begin returned false); 0: none. */
    let skipping = 0;
    let state = S.Value;
    for (;;) {
      if (state === S.Value) {
        switch (t) {
          case T.OpenBrace:
            if (skipping === 0 && this.on.objectBegin?.(this.tokOff) === false) skipping = depth + 1;
            t = this.next();
            stack[depth++] = T.OpenBrace;
            needsComma = false;
            state = S.Entry;
            continue;
          case T.OpenBracket:
            if (skipping === 0 && this.on.arrayBegin?.(this.tokOff) === false) skipping = depth + 1;
            t = this.next();
            stack[depth++] = T.OpenBracket;
            needsComma = false;
            state = S.Entry;
            continue;
          case T.String:
            if (skipping === 0) this.on.literalValue?.(this.stringValue(), this.tokOff, this.pos - this.tokOff);
            t = this.next();
            break;
          case T.Number:
            this.number(skipping === 0);
            t = this.next();
            break;
          case T.True:
            if (skipping === 0) this.on.literalValue?.('true', this.tokOff, this.pos - this.tokOff);
            t = this.next();
            break;
          case T.False:
            if (skipping === 0) this.on.literalValue?.('false', this.tokOff, this.pos - this.tokOff);
            t = this.next();
            break;
          case T.Null:
            if (skipping === 0) this.on.literalValue?.('null', this.tokOff, this.pos - this.tokOff);
            t = this.next();
            break;
          default:
            // No value here. At the top the parse ends; in a container skip to its next entry or its end.
            this.error(E.ValueExpected);
            if (depth === 0) return;
            t = this.skip(t, stack[depth - 1] === T.OpenBrace ? T.CloseBrace : T.CloseBracket);
        }
        // AfterValue
        if (depth === 0) {
          if (t !== T.EOF) this.error(E.EndOfFileExpected);
          return;
        }
        needsComma = true;
      }

      // Entry: the loop of the innermost container.
      if (stack[depth - 1] === T.OpenBracket) {
        if (t !== T.CloseBracket && t !== T.EOF) {
          if (t === T.Comma) {
            if (!needsComma) this.error(E.ValueExpected);
            t = this.next();
          } else if (needsComma) {
            this.error(E.CommaExpected);
          }
          if (t !== T.CloseBracket) {
            needsComma = true;
            state = S.Value;
            continue;
          }
          // A trailing comma: the loop breaks at the bracket.
        }
        if (skipping === depth) skipping = 0;
        if (skipping === 0) this.on.arrayEnd?.(this.tokOff);
        if (t === T.CloseBracket) t = this.next();
        else this.error(E.CloseBracketExpected); // at the end of the text: nothing to skip
      } else {
        if (t !== T.CloseBrace && t !== T.EOF) {
          if (t === T.Comma) {
            if (!needsComma) this.error(E.ValueExpected);
            t = this.next();
          } else if (needsComma) {
            this.error(E.CommaExpected);
          }
          if (t !== T.CloseBrace) {
            needsComma = true;
            // parseProperty
            if (t !== T.String) {
              this.error(E.PropertyNameExpected);
              t = this.skip(t, T.CloseBrace);
              this.error(E.ValueExpected); // parseObject's, after parseProperty failed; its skip is a no-op
              state = S.Entry;
              continue;
            }
            if (skipping === 0) this.on.objectProperty?.(this.stringValue(), this.tokOff, this.pos - this.tokOff);
            t = this.next();
            if (t === T.Colon) {
              t = this.next();
              state = S.Value;
              continue;
            }
            this.error(E.ColonExpected);
            t = this.skip(t, T.CloseBrace);
            state = S.Entry;
            continue;
          }
          // A trailing comma: the loop breaks at the brace.
        }
        if (skipping === depth) skipping = 0;
        if (skipping === 0) this.on.objectEnd?.(this.tokOff);
        if (t === T.CloseBrace) t = this.next();
        else this.error(E.CloseBraceExpected);
      }
      // The container is closed: that was the value of the enclosing one.
      depth--;
      if (depth === 0) {
        if (t !== T.EOF) this.error(E.EndOfFileExpected);
        return;
      }
      needsComma = true;
      state = S.Entry;
    }
  }

  /** jsonc-parser's handleError skip: scans on to a `,`, the given closing token or the end, without consuming it. */
  private skip(t: number, close: number): number {
    while (t !== T.EOF && t !== close && t !== T.Comma) t = this.next();
    return t;
  }

  private error(code: E): void {
    this.on.error?.(`JSON syntax error ${code}`, this.tokOff, this.pos - this.tokOff);
  }

  private stringValue(): string {
    return this.strValue ?? this.text.slice(this.strStart, this.strEnd);
  }

  /** Reports the current number token as a literal (unless skipped: its error still is), with jsonc-parser's rule that a NaN is 0. */
  private number(report: boolean): void {
    const off = this.tokOff;
    let value: string;
    if (this.numPlain) {
      if (!report) return;
      value = this.text.slice(off, this.numEnd);
    } else {
      const n = Number(this.text.slice(off, this.numEnd));
      if (n !== n) {
        this.error(E.InvalidNumberFormat);
        value = '0';
      } else value = String(n);
    }
    if (report) this.on.literalValue?.(value, off, this.pos - off);
  }

  // ---------------------------------------------------------------------------------------------
  // Scanner: jsonc-parser's scanner and the parser's scanNext() (which reports comments, scan errors
  // and unknown symbols, and skips them with the trivia).

  /** Scans to the next token the parser sees and returns it; tokOff and pos delimit it. */
  private next(): number {
    const text = this.text;
    const len = this.len;
    let pos = this.pos;
    let c = 0;
    for (;;) {
      // Every read is bounds-checked: an out-of-range charCodeAt (NaN) makes V8 compile these loops for doubles.
      while (pos < len && (c = text.charCodeAt(pos)) <= C.SPACE && (c === C.SPACE || c === C.LF || c === C.CR || c === C.TAB)) pos++;
      if (pos >= len) {
        this.pos = pos;
        this.tokOff = len;
        return T.EOF;
      }
      this.tokOff = pos;
      switch (c) {
        case C.LBRACE:
          this.pos = pos + 1;
          return T.OpenBrace;
        case C.RBRACE:
          this.pos = pos + 1;
          return T.CloseBrace;
        case C.LBRACKET:
          this.pos = pos + 1;
          return T.OpenBracket;
        case C.RBRACKET:
          this.pos = pos + 1;
          return T.CloseBracket;
        case C.COLON:
          this.pos = pos + 1;
          return T.Colon;
        case C.COMMA:
          this.pos = pos + 1;
          return T.Comma;
        case C.DQUOTE:
          this.string(pos + 1);
          if (this.scanErr !== E.None) this.error(this.scanErr);
          return T.String;
        case C.SLASH: {
          const c2 = pos + 1 < len ? text.charCodeAt(pos + 1) : 0;
          if (c2 === C.SLASH) {
            pos += 2;
            while (pos < len && (c = text.charCodeAt(pos)) !== C.LF && c !== C.CR) pos++;
            this.pos = pos;
            this.on.comment?.(this.tokOff, pos - this.tokOff);
            continue;
          }
          if (c2 === C.STAR) {
            pos += 2;
            const safeLength = len - 1;
            let closed = false;
            while (pos < safeLength) {
              c = text.charCodeAt(pos);
              if (c === C.STAR && text.charCodeAt(pos + 1) === C.SLASH) {
                pos += 2;
                closed = true;
                break;
              }
              pos++;
              if (c === C.CR && pos < len && text.charCodeAt(pos) === C.LF) pos++;
            }
            this.pos = closed ? pos : pos + 1; // sic: jsonc-parser steps one past an unterminated comment
            if (!closed) this.error(E.UnexpectedEndOfComment);
            pos = this.pos;
            this.on.comment?.(this.tokOff, pos - this.tokOff);
            continue;
          }
          this.pos = pos += 1;
          this.error(E.InvalidSymbol);
          continue;
        }
        case C.DASH:
          c = pos + 1 < len ? text.charCodeAt(pos + 1) : 0;
          if (!(c >= C.ZERO && c <= C.NINE)) {
            this.pos = pos += 1;
            this.error(E.InvalidSymbol);
            continue;
          }
          this.numberToken(pos + 1, false);
          if (this.scanErr !== E.None) this.error(this.scanErr);
          return T.Number;
        case 48:
        case 49:
        case 50:
        case 51:
        case 52:
        case 53:
        case 54:
        case 55:
        case 56:
        case 57:
          this.numberToken(pos, true);
          if (this.scanErr !== E.None) this.error(this.scanErr);
          return T.Number;
        default: {
          // A word: true, false, null or an unknown symbol. (The first character never ends a word here.)
          const start = pos;
          while (++pos < len && ((c = text.charCodeAt(pos)) >= 128 || WORD_END[c] === 0));
          this.pos = pos;
          const n = pos - start;
          if (n === 4) {
            if (text.startsWith('true', start)) return T.True;
            if (text.startsWith('null', start)) return T.Null;
          } else if (n === 5 && text.startsWith('false', start)) return T.False;
          this.error(E.InvalidSymbol);
          continue;
        }
      }
    }
  }

  /** jsonc-parser's scanString from `start` (after the opening quote): sets pos, the content span and the value, and scanErr. */
  private string(start: number): void {
    const text = this.text;
    const len = this.len;
    let pos = start;
    this.scanErr = E.None;
    this.strValue = undefined;
    this.strStart = start;
    for (;;) {
      if (pos >= len) {
        this.scanErr = E.UnexpectedEndOfString;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c > C.DQUOTE && c !== C.BACKSLASH) {
        pos++;
        continue;
      }
      if (c === C.DQUOTE) {
        this.strEnd = pos;
        this.pos = pos + 1;
        return;
      }
      if (c === C.BACKSLASH) {
        this.escapedString(start, pos);
        return;
      }
      if (c < 0x20) {
        if (c === C.LF || c === C.CR) {
          this.scanErr = E.UnexpectedEndOfString;
          break;
        }
        this.scanErr = E.InvalidCharacter; // kept in the string
      }
      pos++;
    }
    this.strEnd = pos;
    this.pos = pos;
  }

  /** The slow path of `string()` from the first backslash at `pos`: builds the value as jsonc-parser does, keeping scanErr. */
  private escapedString(start: number, pos: number): void {
    const text = this.text;
    const len = this.len;
    let result = '';
    for (;;) {
      if (pos >= len) {
        result += text.slice(start, pos);
        this.scanErr = E.UnexpectedEndOfString;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === C.DQUOTE) {
        result += text.slice(start, pos);
        pos++;
        break;
      }
      if (c === C.BACKSLASH) {
        result += text.slice(start, pos);
        pos++;
        if (pos >= len) {
          this.scanErr = E.UnexpectedEndOfString;
          break;
        }
        const c2 = text.charCodeAt(pos++);
        switch (c2) {
          case C.DQUOTE:
            result += '"';
            break;
          case C.BACKSLASH:
            result += '\\';
            break;
          case C.SLASH:
            result += '/';
            break;
          case 98: // b
            result += '\b';
            break;
          case 102: // f
            result += '\f';
            break;
          case 110: // n
            result += '\n';
            break;
          case 114: // r
            result += '\r';
            break;
          case 116: // t
            result += '\t';
            break;
          case 117: {
            // u: up to four hex digits are consumed; fewer than four is an error and adds nothing
            let digits = 0;
            let code = 0;
            while (digits < 4) {
              const h = pos < len ? hexValue(text.charCodeAt(pos)) : -1;
              if (h < 0) break;
              code = code * 16 + h;
              pos++;
              digits++;
            }
            if (digits === 4) result += String.fromCharCode(code);
            else this.scanErr = E.InvalidUnicode;
            break;
          }
          default:
            this.scanErr = E.InvalidEscapeCharacter; // the character is consumed, nothing is added
        }
        start = pos;
        continue;
      }
      if (c < 0x20) {
        if (c === C.LF || c === C.CR) {
          result += text.slice(start, pos);
          this.scanErr = E.UnexpectedEndOfString;
          break;
        }
        this.scanErr = E.InvalidCharacter;
      }
      pos++;
    }
    this.strValue = result;
    this.pos = pos;
  }

  /**
   * jsonc-parser's scanNumber from `start` (the first digit; the token may start one before, at a `-`).
   * Sets pos (the token's end), numEnd (the value's end), numPlain and scanErr.
   */
  private numberToken(start: number, unsigned: boolean): void {
    const text = this.text;
    const len = this.len;
    let pos = start + 1;
    let c = 0;
    this.scanErr = E.None;
    if (text.charCodeAt(start) !== C.ZERO) {
      while (pos < len && (c = text.charCodeAt(pos)) >= C.ZERO && c <= C.NINE) pos++;
    }
    // Plain digits without a sign are their own String(Number()) up to 15 digits ('0' stands alone: `01` is two numbers).
    let plain = unsigned && pos - start <= 15;
    if (pos < len && text.charCodeAt(pos) === C.DOT) {
      plain = false;
      pos++;
      if (pos < len && (c = text.charCodeAt(pos)) >= C.ZERO && c <= C.NINE) {
        pos++;
        while (pos < len && (c = text.charCodeAt(pos)) >= C.ZERO && c <= C.NINE) pos++;
      } else {
        this.scanErr = E.UnexpectedEndOfNumber;
        this.numEnd = this.pos = pos;
        this.numPlain = false;
        return;
      }
    }
    let end = pos;
    if (pos < len && ((c = text.charCodeAt(pos)) === C.UPPER_E || c === C.LOWER_E)) {
      pos++;
      if (pos < len && ((c = text.charCodeAt(pos)) === C.PLUS || c === C.DASH)) pos++;
      if (pos < len && (c = text.charCodeAt(pos)) >= C.ZERO && c <= C.NINE) {
        plain = false;
        pos++;
        while (pos < len && (c = text.charCodeAt(pos)) >= C.ZERO && c <= C.NINE) pos++;
        end = pos;
      } else {
        this.scanErr = E.UnexpectedEndOfNumber;
      }
    }
    this.pos = pos;
    this.numEnd = end;
    this.numPlain = plain;
  }
}

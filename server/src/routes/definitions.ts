/**
 * The classes and functions a file defines, with their spans: where a handler named by reference
 * (`router.get('/x', getUser)`, `to: 'orders#show'`, `OrderViewSet`) has its body.
 */
import * as knowledge from '../knowledge';
import { TokenKind, type Tokens } from './tokens';

export interface Definition {
  name: string;
  start: number;
  end: number;
  /** The class a method is defined in. */
  owner?: string;
  /** The type a Go function returns first (`OrderHandler` of `func NewOrderHandler() *OrderHandler`). */
  returns?: string;
}

/** A field of a Go struct with its declared type: `Orders *handlers.OrderHandler` in `type App struct { ... }`. */
export interface Field {
  name: string;
  type: string;
  owner: string;
}

export interface Definitions {
  classes: Definition[];
  functions: Definition[];
  fields: Field[];
}

const CLASS_WORDS = new Set(['class', 'struct', 'object', 'interface', 'module']);
/** Words that look like calls before a block but are statements. */
const CONTROL = new Set([
  'if',
  'for',
  'foreach',
  'while',
  'switch',
  'catch',
  'using',
  'lock',
  'synchronized',
  'return',
  'new',
  'when',
  'function',
  'fun',
  'func',
  'fn',
  'def',
  'else',
  'elif',
  'try',
  'do',
  'sizeof',
  'typeof',
  'match',
  'with',
  'async',
  'await',
  'yield',
]);

export function readDefinitions(tokens: Tokens, family: string): Definitions {
  const scopes = knowledge.scopeSyntaxOf(family);
  const indented = scopes?.style === 'indentation';
  const functionWords = new Set((scopes?.functionKeywords ?? []).filter((w) => w !== 'throws' && w !== 'async'));
  if (family === 'ruby') for (const w of ['get', 'post', 'put', 'patch', 'delete']) functionWords.delete(w);
  const classes: Definition[] = [];
  const functions: Definition[] = [];
  const fields: Field[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (tokens.kind(i) !== TokenKind.Identifier) continue;
    const word = tokens.text_(i);
    if (
      family === 'go' &&
      word === 'type' &&
      tokens.kind(i + 1) === TokenKind.Identifier &&
      tokens.is(i + 2, 'struct') &&
      tokens.is(i + 3, '{')
    ) {
      fields.push(...structFields(tokens, tokens.text_(i + 1), i + 3));
      continue;
    }
    if (CLASS_WORDS.has(word) && tokens.kind(i + 1) === TokenKind.Identifier && !tokens.is(i - 1, '.')) {
      const end = bodyEnd(tokens, i + 2, indented);
      if (end !== undefined) classes.push({ name: tokens.text_(i + 1), start: tokens.list[i].start, end });
      continue;
    }
    let nameAt: number | undefined;
    /** A Go method's receiver type: `Handler` in `func (h *Handler) Name(`. */
    let receiver: string | undefined;
    if (functionWords.has(word) && !tokens.is(i - 1, '.')) {
      let k = i + 1;
      if (tokens.is(k, '(') && family === 'go') {
        const close = tokens.match(k) ?? k;
        receiver = receiverType(tokens, k + 1, close);
        k = close + 1;
      }
      if (tokens.text_(k) === 'def') k++; // async def
      if (tokens.kind(k) === TokenKind.Identifier && (tokens.is(k + 1, '(') || tokens.is(k + 1, '<') || indented)) nameAt = k;
      // Ruby `def self.name`
      if (family === 'ruby' && tokens.is(k, 'self') && tokens.is(k + 1, '.')) nameAt = k + 2;
    } else if (
      !indented &&
      !CONTROL.has(word) &&
      tokens.is(i + 1, '(') &&
      !tokens.is(i - 1, '.') &&
      !tokens.is(i - 1, '->') &&
      // An annotation (`@Tag(...)`, `[HttpGet(...)]`) is not a method, whatever follows it.
      !tokens.is(i - 1, '@') &&
      !tokens.is(i - 1, '[') &&
      !functionWords.has(tokens.text_(i - 1))
    ) {
      // A method without a keyword (Java, C#, Kotlin inside a class): `name(...) [throws ...] {`.
      const close = tokens.match(i + 1);
      if (close !== undefined && looksLikeBody(tokens, close + 1)) nameAt = i;
    } else if (!indented && !tokens.is(i - 1, '.') && !tokens.is(i - 1, ':') && assigned(tokens, i) !== undefined) {
      // `const getUser = async (req, res) => {` / `= function (...) {` / `getUser: RequestHandler = async (...) => {`
      let k = assigned(tokens, i)!;
      if (tokens.is(k, 'async')) k++;
      if (tokens.is(k, 'function')) nameAt = i;
      else if (tokens.is(k, '(')) {
        const close = tokens.match(k);
        if (close !== undefined && arrowAfter(tokens, close + 1)) nameAt = i;
      }
    }
    if (nameAt === undefined) continue;
    const end = bodyEnd(tokens, nameAt + 1, indented);
    if (end === undefined) continue;
    const start = tokens.list[i].start;
    const owner = receiver ?? classes.filter((c) => c.start <= start && c.end >= end).at(-1)?.name;
    const returns =
      family === 'go' && tokens.is(nameAt + 1, '(') ? resultType(tokens, (tokens.match(nameAt + 1) ?? nameAt) + 1) : undefined;
    functions.push({ name: tokens.text_(nameAt), start, end, owner, ...(returns && { returns }) });
  }
  return { classes, functions, fields };
}

/** The named fields of a Go struct body from its `{`: each line `A, B *pkg.Type` (embedded fields have no name). */
function structFields(tokens: Tokens, owner: string, open: number): Field[] {
  const close = tokens.match(open) ?? open;
  const found: Field[] = [];
  let line: number[] = [];
  const take = () => {
    // `A, B *pkg.Type \`tag\``: the names, then the type's last name (past `*`, `[]`, `pkg.`) before any tag.
    const names: string[] = [];
    let k = 0;
    while (tokens.kind(line[k]) === TokenKind.Identifier) {
      names.push(tokens.text_(line[k]));
      if (!tokens.is(line[k + 1], ',')) break;
      k += 2;
    }
    let type: string | undefined;
    // An embedded field (`*pkg.Type`, `pkg.Type`, `Type`) has no name.
    if (names.length > 0 && k + 1 < line.length && !tokens.is(line[k + 1], '.'))
      for (let j = k + 1; j < line.length && tokens.kind(line[j]) !== TokenKind.String; j++)
        if (tokens.kind(line[j]) === TokenKind.Identifier) type = tokens.text_(line[j]);
    if (type !== undefined) for (const name of names) found.push({ name, type, owner });
    line = [];
  };
  for (let k = open + 1; k < close; k++) {
    if (tokens.kind(k) === TokenKind.Newline || tokens.is(k, ';')) take();
    else if (tokens.is(k, '{') || tokens.is(k, '(')) k = tokens.match(k) ?? k;
    else line.push(k);
  }
  take();
  return found;
}

/** The type of a Go receiver list `(h *Handler)`, `(Handler)`, `(s *Store[T])`: its last name before any type parameters. */
function receiverType(tokens: Tokens, from: number, close: number): string | undefined {
  let type: string | undefined;
  for (let k = from; k < close && !tokens.is(k, '['); k++) if (tokens.kind(k) === TokenKind.Identifier) type = tokens.text_(k);
  return type;
}

/** The first result type of a Go signature from token `k` (after the parameters): `*OrderHandler {`, `(*pkg.Server, error) {`. */
function resultType(tokens: Tokens, k: number): string | undefined {
  const listed = tokens.is(k, '(');
  let type: string | undefined;
  for (let j = listed ? k + 1 : k; j < tokens.length; j++) {
    if (tokens.is(j, '{') || tokens.is(j, ',') || tokens.is(j, ')') || tokens.kind(j) === TokenKind.Newline) break;
    if (tokens.is(j, '[')) j = tokens.match(j) ?? j;
    else if (tokens.kind(j) === TokenKind.Identifier) type = tokens.text_(j);
  }
  return type;
}

/**
 * The token after the `=` that assigns to the name at `i`: `name = ...`, or past a type annotation, `name:
 * RequestHandler = ...`, `name: Handler<Request> = ...` (not `==`, nor an arrow's `=>`).
 */
function assigned(tokens: Tokens, i: number): number | undefined {
  const k = tokens.is(i + 1, ':') ? annotationEnd(tokens, i + 2) : i + 1;
  return k !== undefined && tokens.is(k, '=') && !tokens.is(k + 1, '=') && !tokens.is(k + 1, '>') ? k + 1 : undefined;
}

/** The `=` or `;` ending a type annotation that starts at `k` (`Foo`, `pkg.Foo<Bar>`, `Foo | null`), or undefined. */
export function annotationEnd(tokens: Tokens, k: number): number | undefined {
  let depth = 0;
  for (let steps = 0; steps < 24 && k < tokens.length; steps++, k++) {
    if (tokens.is(k, '<')) depth++;
    else if (tokens.is(k, '>') && !tokens.is(k - 1, '=')) depth--;
    else if (depth === 0 && (tokens.is(k, '=') || tokens.is(k, ';'))) return k;
    else if (tokens.kind(k) !== TokenKind.Identifier && !tokens.is(k, '.') && !tokens.is(k, ',') && !tokens.is(k, '|')) return undefined;
  }
  return undefined;
}

/** `=>` after a parameter list, past a return type annotation (`): Promise<void> =>`). */
function arrowAfter(tokens: Tokens, k: number): boolean {
  for (let steps = 0; steps < 16 && k < tokens.length; steps++, k++) {
    if (tokens.is(k, '=')) return tokens.is(k + 1, '>');
    if (tokens.is(k, ';') || tokens.is(k, '{') || tokens.is(k, ')')) return false;
  }
  return false;
}

/** `)` then `{`, or `throws X {`, or `: Type {`: a method body follows, not a call. */
function looksLikeBody(tokens: Tokens, k: number): boolean {
  for (let steps = 0; steps < 12 && k < tokens.length; steps++, k++) {
    const t = tokens.text_(k);
    if (t === '{' || (t === '=' && tokens.is(k + 1, '>'))) return true;
    if (CLASS_WORDS.has(t) || t === '@') return false;
    if (t === ';' || t === ')' || t === '}' || t === '=' || t === ',' || t === '.' || t === '(' || t === '&' || t === '|' || t === '+')
      return false;
  }
  return false;
}

/** The end of the body that follows from token `k`: the matching `}` of the first `{`, or an indented block. */
function bodyEnd(tokens: Tokens, k: number, indented: boolean): number | undefined {
  if (indented) return tokens.list[k - 1] ? tokens.blockEnd(tokens.list[k - 1].start) : undefined;
  for (; k < tokens.length; k++) {
    const t = tokens.text_(k);
    if (t === '(' || t === '[' || t === '<') {
      if (t !== '<') k = tokens.match(k) ?? k;
      continue;
    }
    if (t === ';') return undefined;
    if (t === '{') {
      const close = tokens.match(k);
      return close === undefined ? undefined : tokens.list[close].end;
    }
    // Arrow functions and C# expression bodies: `=> { ... }`, `=> expr;`.
    if (t === '=' && tokens.is(k + 1, '>')) {
      if (tokens.is(k + 2, '{')) {
        const close = tokens.match(k + 2);
        return close === undefined ? undefined : tokens.list[close].end;
      }
      for (let j = k + 2; j < tokens.length; j++) {
        if (tokens.is(j, '(') || tokens.is(j, '{') || tokens.is(j, '[')) j = tokens.match(j) ?? j;
        else if (tokens.is(j, ';')) return tokens.list[j].end;
      }
      return undefined;
    }
  }
  return undefined;
}

/** The innermost definition of a name (optionally in a class). */
export function findFunction(defs: Definitions, name: string, owner?: string): Definition | undefined {
  return defs.functions.find((f) => f.name === name && (owner === undefined || f.owner === owner));
}

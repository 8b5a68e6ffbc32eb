/**
 * SabreDAV's propstat arrays (PHP, `propstatArrays` in data/frameworks.json): the result of a PROPPATCH or
 * PROPFIND groups property names by the status each one got, so the status codes are array keys:
 *
 *   $result = array(200 => array(), 403 => array(), 424 => array());
 *   $result[424][$propertyName] = null;
 *
 * A two-dimensional subscript whose first index is a registered code and whose second is a name, not a
 * number (`$result[424][$name]`, `$props[200]['{DAV:}displayname']`), is a status site. An array literal is
 * one only when every key is a registered code whose value is an array, and the same file subscripts the
 * variable it is assigned to that way: a table keyed by 100, 200, 300 of something else is not.
 */
import * as knowledge from '../../../knowledge';
import type { StatusSite } from '../../model';

/** What a `[` or `array(` frame collects. */
export type PropstatFrame =
  /** `$result[` — a subscript of `variable` (when it is a plain name). */
  | { kind: 'subscript'; variable: string | undefined }
  /** `array(` or `[` as a value: its status keys so far; `other` once a key or a value does not fit. */
  | { kind: 'literal'; variable: string | undefined; keys: { code: number; start: number; end: number }[]; other: boolean };

export interface StatusIndex {
  code: number;
  start: number;
  end: number;
}

/** The code a closed subscript `[424]` holds when another subscript by name follows it: `[424][$name]`. */
export function statusSubscript(text: string, innerStart: number, closeEnd: number): StatusIndex | undefined {
  let start = innerStart;
  let end = closeEnd - 1;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (end - start !== 3 || !isDigits(text, start, end)) return undefined;
  const code = Number(text.slice(start, end));
  if (!knowledge.isRegistered(code)) return undefined;
  let next = closeEnd;
  while (isBlank(text.charCodeAt(next))) next++;
  if (text[next] !== '[') return undefined;
  next++;
  while (isBlank(text.charCodeAt(next))) next++;
  const c = text.charCodeAt(next);
  return c >= 48 && c <= 57 ? undefined : { code, start, end };
}

/** The value after `=>` (from `at`) is an array literal: `array(...)` or `[...]`. */
export function valueIsArray(text: string, at: number): boolean {
  return /^\s*(?:array\s*\(|\[)/i.test(text.slice(at, at + 40));
}

/** A key written before `=>` is a status key: a registered three-digit number. */
export function isStatusKey(text: string, start: number, end: number): boolean {
  return end - start === 3 && isDigits(text, start, end) && knowledge.isRegistered(Number(text.slice(start, end)));
}

/** The literals waiting for their variable to be subscripted by status somewhere in the file. */
export class PropstatLiterals {
  private readonly indexed = new Set<string>();
  private readonly waiting: { variable: string; sites: StatusSite[] }[] = [];

  /** `$variable[424][...]` was seen. */
  indexedByStatus(variable: string): void {
    this.indexed.add(variable);
  }

  wait(variable: string, sites: StatusSite[]): void {
    this.waiting.push({ variable, sites });
  }

  /** The sites of the literals whose variable the file subscripts by status. */
  confirmed(): StatusSite[] {
    return this.waiting.filter((w) => this.indexed.has(w.variable)).flatMap((w) => w.sites);
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

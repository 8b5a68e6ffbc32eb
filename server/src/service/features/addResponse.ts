/**
 * The edit that adds a response to an OpenAPI operation for the status-not-in-spec fix: in numeric order
 * among the keys, in the file's quoting, indentation and line endings, with the knowledge's phrase as its
 * description; never a key the map already has.
 */
import * as knowledge from '../../knowledge';
import type { ResponseInsertion } from '../project';

/** The text that adds a response for `code` to an operation, as an edit at `offset`; undefined when none can be written. */
export function responseInsertion(insertion: ResponseInsertion, code: number): { offset: number; text: string } | undefined {
  const key = String(code);
  if (insertion.keys.some((k) => k.key === key)) return undefined;
  const phrase = knowledge.get(code)?.phrase ?? 'Undocumented response';
  const { indent, unit, eol, quote } = insertion;
  const next = insertion.keys.find((k) => order(k.key) > code);
  if (insertion.json) {
    const entry = `"${key}": {${eol}${indent}${unit}"description": ${JSON.stringify(phrase)}${eol}${indent}}`;
    if (next) return { offset: next.at, text: `${entry},${eol}${indent}` };
    return { offset: insertion.keys[insertion.keys.length - 1].valueEnd, text: `,${eol}${indent}${entry}` };
  }
  const description = /^[A-Za-z][A-Za-z0-9 '-]*$/.test(phrase) ? phrase : JSON.stringify(phrase);
  const entry = `${indent}${quote}${key}${quote}:${eol}${indent}${unit}description: ${description}`;
  if (next) return { offset: next.at, text: `${entry}${eol}` };
  return { offset: insertion.keys[insertion.keys.length - 1].valueEnd, text: `${eol}${entry}` };
}

/** Sort order of response keys: codes by number, `4XX` after 499, `default` last, extensions and others after. */
function order(key: string): number {
  if (/^[1-5][0-9][0-9]$/.test(key)) return Number(key);
  if (/^[1-5]XX$/i.test(key)) return Number(key[0]) * 100 + 99.5;
  return key === 'default' ? 1000 : 1001;
}

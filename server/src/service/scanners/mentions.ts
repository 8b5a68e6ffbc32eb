/**
 * Status codes named in prose: "HTTP 424", "HTTP/1.1 424", "status 424" or "424 Failed Dependency" in a
 * comment, a string or a description. They get hovers, never diagnostics.
 */
import * as knowledge from '../../knowledge';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Calls `found` for each mention of a registered code inside text[start, end). */
export function findMentions(text: string, start: number, end: number, found: (code: number, start: number, end: number) => void): void {
  for (let i = start; i + 3 <= end; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let j = i;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    const runStart = i;
    i = j;
    if (j - runStart !== 3) continue;
    if (runStart > start && isWordChar(text.charCodeAt(runStart - 1))) continue;
    if (j < end && isWordChar(text.charCodeAt(j))) continue;
    const code = Number(text.slice(runStart, j));
    const entry = knowledge.get(code);
    if (!entry) continue;
    if (namedBefore(text, start, runStart) || phraseAfter(text, j, end, entry.phrase)) found(code, runStart, j);
  }
}

/** "HTTP 424", "HTTP/1.1 424", "status 424", "status code 424" (case-insensitive). */
function namedBefore(text: string, limit: number, at: number): boolean {
  let k = at;
  while (k > limit && text.charCodeAt(k - 1) === 32) k--;
  if (k === at) return false;
  // Skip a protocol version: HTTP/1.1, HTTP/2
  let v = k;
  while (v > limit && (isDigit(text.charCodeAt(v - 1)) || text.charCodeAt(v - 1) === 46)) v--;
  if (v < k && v > limit && text.charCodeAt(v - 1) === 47) k = v - 1;
  const before = text.slice(Math.max(limit, k - 11), k).toLowerCase();
  return before.endsWith('http') || before.endsWith('status') || before.endsWith('status code');
}

function phraseAfter(text: string, at: number, end: number, phrase: string): boolean {
  if (at >= end || text.charCodeAt(at) !== 32) return false;
  const candidate = text.slice(at + 1, Math.min(end, at + 1 + phrase.length));
  return candidate.length === phrase.length && candidate.toLowerCase() === phrase.toLowerCase();
}

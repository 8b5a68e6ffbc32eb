/**
 * Phrase matching for the vocabulary in data/vocabulary.json. Text is cut into lower-case words (camelCase
 * and PascalCase split too), and a phrase matches where its words stand next to each other; a trailing `*`
 * makes a word a prefix. Linear in the text, no regular expressions, so hostile text cannot make it slow.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** Splits text into lower-case words: "processBatch_items HTTPStatus" -> process, batch, items, http, status. */
export function toWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  // Whether the word being read has an upper-case letter: only those need lower-casing (a copy).
  let upper = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const isUp = c >= 65 && c <= 90;
    if (!(isUp || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      if (start >= 0) {
        const word = upper ? text.slice(start, i).toLowerCase() : text.slice(start, i);
        // "doesn't", "can't", "isn’t": the phrases say "does not", "cannot", "is not".
        if ((c === 39 || c === 8217) && isNegation(text, i, word)) {
          words.push(...negated(word));
          i++;
        } else words.push(word);
      }
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      upper = isUp;
      continue;
    }
    // fooBar -> foo|Bar ; HTTPStatus -> HTTP|Status (an upper letter followed by a lower one starts a word)
    if (isUp) {
      const prev = text.charCodeAt(i - 1);
      if (isLower(prev) || (isUpper(prev) && i + 1 < n && isLower(text.charCodeAt(i + 1)))) {
        words.push(upper ? text.slice(start, i).toLowerCase() : text.slice(start, i));
        start = i;
      }
      upper = true;
    }
  }
  if (start >= 0) words.push(upper ? text.slice(start).toLowerCase() : text.slice(start));
  return words;
}

/** A contraction's `'t` follows at `at` (`doesn't`, not `don'tcare`), after a word that ends in `n`. */
function isNegation(text: string, at: number, word: string): boolean {
  const t = text.charCodeAt(at + 1);
  if (t !== 116 && t !== 84) return false;
  const after = text.charCodeAt(at + 2);
  return word.length > 1 && word.endsWith('n') && !(isUpper(after) || isLower(after) || isDigit(after));
}

/** `doesn` -> does not, `can` -> cannot, `won` -> will not. */
function negated(word: string): string[] {
  if (word === 'can') return ['cannot'];
  if (word === 'won') return ['will', 'not'];
  return [word.slice(0, -1), 'not'];
}

interface WordPattern {
  word: string;
  prefix: boolean;
}

export class PhraseSet {
  private readonly patterns: WordPattern[][];
  /**
   * The patterns by the first character of their first word (the empty ones, and a first word that is `*`
   * alone, under -1): matches() tries at each word only those that can start there. Every operation of a
   * 13 MB spec is matched when its scan is frozen for the server (service/frozenScan.ts).
   */
  private readonly byFirstChar = new Map<number, WordPattern[][]>();

  constructor(readonly phrases: readonly string[]) {
    this.patterns = phrases.map((phrase) =>
      phrase
        .split(' ')
        .filter((w) => w.length > 0)
        .map((w) => (w.endsWith('*') ? { word: w.slice(0, -1), prefix: true } : { word: w, prefix: false })),
    );
    for (const pattern of this.patterns) {
      const key = pattern.length > 0 && pattern[0].word.length > 0 ? pattern[0].word.charCodeAt(0) : -1;
      const list = this.byFirstChar.get(key) ?? [];
      list.push(pattern);
      this.byFirstChar.set(key, list);
    }
  }

  /** The words matched by the first phrase found, or undefined. */
  find(words: readonly string[]): string | undefined {
    for (const pattern of this.patterns) {
      const at = indexOf(pattern, words);
      if (at >= 0) return words.slice(at, at + pattern.length).join(' ');
    }
    return undefined;
  }

  /** The words matched by the phrase with the most words (the most specific), or undefined. */
  longest(words: readonly string[]): string | undefined {
    let best: { length: number; text: string } | undefined;
    for (const pattern of this.patterns) {
      if (best && pattern.length <= best.length) continue;
      const at = indexOf(pattern, words);
      if (at >= 0) best = { length: pattern.length, text: words.slice(at, at + pattern.length).join(' ') };
    }
    return best?.text;
  }

  /** How many words of the longest phrase that starts at `words[at]`, or 0. */
  prefixAt(words: readonly string[], at: number): number {
    let best = 0;
    for (const pattern of this.patterns) {
      if (pattern.length <= best || at + pattern.length > words.length) continue;
      let j = 0;
      while (j < pattern.length && wordMatches(pattern[j], words[at + j])) j++;
      if (j === pattern.length) best = pattern.length;
    }
    return best;
  }

  matches(words: readonly string[]): boolean {
    const any = this.byFirstChar.get(-1);
    if (any?.some((pattern) => indexOf(pattern, words) >= 0)) return true;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstChar.get(words[i].charCodeAt(0));
      if (!candidates) continue;
      for (const pattern of candidates) {
        if (i + pattern.length > words.length) continue;
        let j = 0;
        while (j < pattern.length && wordMatches(pattern[j], words[i + j])) j++;
        if (j === pattern.length) return true;
      }
    }
    return false;
  }

  /** A set with more phrases (user-configured words), normalised like the data. */
  extend(extra: readonly string[]): PhraseSet {
    const normalised: string[] = [];
    for (const phrase of extra) {
      const words = toWords(phrase);
      if (words.length === 0) continue;
      if (phrase.trim().endsWith('*')) words[words.length - 1] += '*';
      normalised.push(words.join(' '));
    }
    return normalised.length === 0 ? this : new PhraseSet([...this.phrases, ...normalised]);
  }
}

/** Where the pattern's words start in `words`, or -1. */
function indexOf(pattern: WordPattern[], words: readonly string[]): number {
  if (pattern.length === 0) return -1;
  const last = words.length - pattern.length;
  for (let i = 0; i <= last; i++) {
    let j = 0;
    while (j < pattern.length && wordMatches(pattern[j], words[i + j])) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}

function wordMatches(pattern: WordPattern, word: string): boolean {
  return pattern.prefix ? word.startsWith(pattern.word) : word === pattern.word;
}

/**
 * The words of `text` that `matched` (words as toWords gives them, space-separated) came from, as written:
 * "if match" in `etag != ifMatch` is `ifMatch`, in "If-Match header" it is `If-Match`. The text itself
 * when the words are not found (they always are when `matched` was found in toWords(text)).
 */
export function asWritten(text: string, matched: string): string {
  const wanted = matched.split(' ');
  const spans: { start: number; end: number }[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0) spans.push({ start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || isUpper(c) || isLower(c))) {
      flush(i);
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    const prev = text.charCodeAt(i - 1);
    if (isUpper(c) && (isLower(prev) || (isUpper(prev) && i + 1 < text.length && isLower(text.charCodeAt(i + 1))))) {
      flush(i);
      start = i;
    }
  }
  flush(text.length);
  // The words as toWords gives them, each with the span it is written in (`doesn't`: does, not).
  const words: { word: string; start: number; end: number }[] = [];
  for (let k = 0; k < spans.length; k++) {
    const { start, end } = spans[k];
    const word = text.slice(start, end).toLowerCase();
    if ((text.charCodeAt(end) === 39 || text.charCodeAt(end) === 8217) && isNegation(text, end, word)) {
      for (const part of negated(word)) words.push({ word: part, start, end: end + 2 });
      if (spans[k + 1]?.start === end + 1) k++;
    } else words.push({ word, start, end });
  }
  for (let i = 0; i + wanted.length <= words.length; i++) {
    let j = 0;
    while (j < wanted.length && words[i + j].word === wanted[j]) j++;
    if (j === wanted.length) return text.slice(words[i].start, words[i + wanted.length - 1].end);
  }
  return text;
}

/**
 * A subject phrase, then a failure phrase within `maxGap` words after it ("the parent task abc has failed").
 * A subject used as a name (`dependency id`, `dependencies page`) does not count. Returns the words from
 * the subject to the failure, or undefined.
 */
export function findApart(
  words: readonly string[],
  subjects: PhraseSet,
  failures: PhraseSet,
  maxGap: number,
  names?: { words: ReadonlySet<string>; followers: ReadonlySet<string> },
): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const subject = subjects.prefixAt(words, i);
    if (subject === 0) continue;
    const last = i + subject - 1;
    if (names && names.words.has(words[last]) && names.followers.has(words[last + 1] ?? '')) continue;
    for (let j = last + 1; j <= last + 1 + maxGap && j < words.length; j++) {
      const failure = failures.prefixAt(words, j);
      if (failure > 0) return words.slice(i, j + failure).join(' ');
    }
  }
  return undefined;
}

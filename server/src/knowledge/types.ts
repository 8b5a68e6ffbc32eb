/** Shapes of the JSON files in data/ (their JSON schemas live in data/schema/). */

export interface SpecReference {
  rfc: string;
  section: string;
  url: string;
}

export interface StatusCodeEntry {
  code: number;
  phrase: string;
  spec: SpecReference;
  summary: string;
  unused?: boolean;
  /** A remark on the registry entry (obsoleted, reserved...). */
  note?: string;
}

export interface StatusClass {
  name: string;
  summary: string;
}

export interface Contrast {
  code: number;
  difference: string;
  /** When the other code is the one to use, in a few words for the hover. */
  useWhen: string;
}

export interface Explanation {
  meaning: string;
  whenItFits: string[];
  commonCauses?: string[];
  scenarios?: string[];
  notToBeConfusedWith: Contrast[];
  faq?: { question: string; answer: string }[];
}

export interface Confusion {
  rule: string;
  suggest: number[];
  phrases: string[];
  /** Phrases that make one of the alternatives (by code) the better first choice. */
  bySuggestion?: Record<string, string[]>;
  /** Phrases that point at this confusion only in a condition guarding the site (`if repo.exists(...)`), not negated. */
  guardPhrases?: string[];
  /** The guard phrases count only in a condition not negated as a whole. */
  guardNotNegated?: boolean;
}

/** A dependency and its failure stated apart: a subject phrase, then within `maxGap` words a failure phrase. */
export interface ApartPhrases {
  subjects: string[];
  failures: string[];
  maxGap: number;
}

/** data/outbound.json: calls to other services and the errors that mean one failed. */
export interface OutboundFile {
  clients: { phrase: string; examples: string[]; source: string }[];
  errors: { phrase: string; suggest: 502 | 503 | 504; examples: string[]; requiresCall?: boolean; source: string }[];
  localErrors: { phrase: string; examples: string[]; source: string }[];
  local: string[];
}

export interface VocabularyFile {
  dependencyContext: { phrases: string[]; webdavMethods: string[] };
  failedDependency: { phrases: string[]; guardPhrases?: string[] };
  confusions: Record<string, Confusion>;
  failedPrerequisite: { phrases: string[] };
  /** An earlier action and its failure with words between them ("the parent task abc has failed"). */
  failedApart: ApartPhrases;
  /** Dependency words that name a thing (a resource type, a feature, an id) rather than a chain when followed by these. */
  dependencyNames: { words: string[]; followers: string[] };
}

/** One lexer configuration per language family (see data/languages.json). */
export interface LexerSyntax {
  lineComments: string[];
  /** Line-comment starts that are not comments after all (PHP 8 attributes `#[`). */
  lineCommentExceptions?: string[];
  /** `nested`: comments nest (Rust); `lineStart`: only at the start of a line (Ruby `=begin`). */
  blockComments: { open: string; close: string; nested?: boolean; lineStart?: boolean }[];
  /** Quote characters that open a one-line string with backslash escapes. */
  quotes: string[];
  /** Quote characters of multi-line strings without escapes (Go's backquote). */
  rawQuotes?: string[];
  /** Multi-line string delimiters, tried before single quotes (Python, Java, Kotlin, C#). */
  tripleQuotes?: string[];
  /** Lower-case letters that may stand before a quote (Python's r, b, f, rb...). */
  stringPrefixes?: string[];
  /** Prefixes of strings where a doubled quote is the only escape (C#'s @ and $@). */
  verbatimPrefixes?: string[];
  /** Prefixes of raw strings closed by a quote and as many hashes as opened them (Rust's r#"..."#). */
  rawHashPrefixes?: string[];
  /** `'` opens a one-character literal, or else is a lifetime or label (Rust, Java, C#, Go, Kotlin). */
  charLiterals?: boolean;
  /** Heredoc strings: PHP's <<<ID or Ruby's <<~ID. */
  heredocs?: 'php' | 'ruby';
  /** The quote that opens a template literal with `${...}` holes (JavaScript). */
  template?: string;
  /** `/.../` regular expression literals are possible (JavaScript). */
  regexLiterals?: boolean;
  /** Quoted strings may run over several lines (PHP, Ruby). */
  multilineQuotes?: boolean;
  /** Ruby's percent literals: %w(...), %r{...}, %q[...], %(...). */
  percentLiterals?: boolean;
  /** A line break ends a statement unless a bracket is open (Go, Python, Ruby, Kotlin). */
  newlineEndsStatement?: boolean;
}

export interface LanguageEntry {
  /** The family whose lexer and status contexts apply ("javascript", "openapi"...). */
  family: string;
  extensions: string[];
}

/** How a family's handlers are delimited, for the scope of a site. */
export interface ScopeSyntax {
  /** `braces`: function bodies are `{...}`; `indentation`: a header line and the lines indented below it. */
  style: 'braces' | 'indentation';
  /** Words that start a function (`def`, `func`, `fn`) or, in brace languages, mark one before its `{` (`throws`). */
  functionKeywords: string[];
  /** Phrases that open an error-handling block: `catch`, `except`, `rescue`, `if err != nil`. */
  failureBlocks: string[];
  /** Calls whose function argument handles an error: `.catch(err => ...)`, `.map_err(|e| ...)`. */
  failureCalls?: string[];
  /** The character that starts a decorator or annotation line belonging to the function below it. */
  decorator?: string;
}

export interface FamilyEntry {
  commentPrefix: string;
  syntax?: LexerSyntax;
  scopes?: ScopeSyntax;
}

export interface LanguagesFile {
  languages: Record<string, LanguageEntry>;
  families: Record<string, FamilyEntry>;
}

/** Where a value is a status code, per language family. */
export interface StatusContexts {
  /** Callee names whose argument at the given index is a status code: `status(424)`, `Error(w, msg, 424)`. A name may be qualified (`Status::new`). */
  calls: { names: string[]; argument: number }[];
  /** Calls written without parentheses whose first argument is a status (Ruby's `halt 424`). */
  commands?: string[];
  /** Names whose value is a status: `ctx.status = 424`, `{ status: 424 }`, `status_code=424`. */
  properties: string[];
  /** `'status' => 424` (PHP, Ruby). */
  hashRockets?: boolean;
  /** `return body, 424` (Flask). */
  returnTuple?: boolean;
  /** `[424, { headers }, body]` (Rack): a number first in a three-element array whose second is headers. */
  rackTriples?: boolean;
  /**
   * SabreDAV's propstat arrays (PHP): properties grouped by the status of their PROPPATCH/PROPFIND result,
   * `$result[424][$name] = null` and `$result = array(200 => array(), 424 => array())` when the same file
   * indexes that variable by status.
   */
  propstatArrays?: boolean;
  /** Phrases that show a handler calls another service (fetch, axios, requests...). */
}

export interface FrameworksFile {
  contexts: Record<string, StatusContexts>;
  carriers: { description: string; properties: string[]; callWords: string[]; notCallWords: string[] };
  reads: { description: string; prefixes: string[]; calls: string[] };
}

/** One framework's named spellings of status codes (data/spellings.json). */
export interface SpellingScheme {
  framework: string;
  families: string[];
  /** What stands before the separator: `http`, `HttpStatus`; '' for none (Ruby symbols). */
  qualifiers: string[];
  separator: string;
  /** Only a status code in a status context (`:locked` is a common Ruby symbol). */
  context?: boolean;
  /** Go: the package declaring the members, in whose own files they are written bare (`package webdav`). */
  package?: string;
  /** Modules exporting the members: a bare member counts only where the file imports it from one of them. */
  imports?: string[];
  /** The qualifiers too count only where bound to one of `imports` (`from rest_framework import exceptions`). */
  importRequired?: boolean;
  /** Classes or constructors (`raise NotFound()`): no literal can stand in for a missing member. */
  constructs?: boolean;
  source: string;
  /** Code -> member name, or names with the preferred one first. */
  members: Record<string, string | string[]>;
}

export interface SpellingsFile {
  schemes: Record<string, SpellingScheme>;
}

/** data/completion.json: codes offered first, by context. */
export interface CompletionRanking {
  dependencyContext: number[];
  failure: number[];
  byMethod: Record<string, number[]>;
  common: number[];
}

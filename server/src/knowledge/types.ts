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
}

export interface VocabularyFile {
  dependencyContext: { phrases: string[]; webdavMethods: string[] };
  failedDependency: { phrases: string[] };
  confusions: Record<string, Confusion>;
  failedPrerequisite: { phrases: string[] };
}

/** One lexer configuration per language family (see data/languages.json). */
export interface LexerSyntax {
  lineComments: string[];
  blockComments: { open: string; close: string }[];
  /** Quote characters that open a string ending at the same character. */
  quotes: string[];
  /** The quote that opens a template literal with `${...}` holes (JavaScript). */
  template?: string;
  /** `/.../` regular expression literals are possible (JavaScript). */
  regexLiterals?: boolean;
}

export interface LanguageEntry {
  /** The family whose lexer and status contexts apply ("javascript", "openapi"...). */
  family: string;
  extensions: string[];
}

export interface LanguagesFile {
  languages: Record<string, LanguageEntry>;
  families: Record<string, { syntax?: LexerSyntax; commentPrefix: string }>;
}

/** Where a number is a status code, per language family. */
export interface StatusContexts {
  /** Callee names whose argument at the given index is a status code: `status(424)`, `WriteHeader(424)`. */
  calls: { names: string[]; argument: number }[];
  /** Property or variable names that hold a status: `ctx.status = 424`, `{ status: 424 }`. */
  properties: string[];
  /** Identifiers that make a function a handler's outbound call site (fetch, axios...). */
  outboundCalls?: string[];
}

export interface FrameworksFile {
  contexts: Record<string, StatusContexts>;
}

/**
 * The knowledge registry: the only reader of data/. Everything the service knows about status codes,
 * languages, framework spellings and vocabulary is asked of this module.
 */
import statusCodes from '../../../data/status-codes.json';
import explanations from '../../../data/explanations.json';
import vocabularyData from '../../../data/vocabulary.json';
import frameworksData from '../../../data/frameworks.json';
import spellingsData from '../../../data/spellings.json';
import completionData from '../../../data/completion.json';
import outboundData from '../../../data/outbound.json';
import { carrierShapesOf } from './carriers';
import { languagesFile } from './languages';
import { PhraseSet, toWords } from './phrases';
import type {
  CompletionRanking,
  Confusion,
  Explanation,
  LanguageEntry,
  LexerSyntax,
  ScopeSyntax,
  SpellingScheme,
  StatusClass,
  StatusCodeEntry,
  StatusContexts,
} from './types';

export type * from './types';
export { PhraseSet, asWritten, findApart, toWords } from './phrases';
// Route registrations (issue 17): read by server/src/routes/.
export * from './routes';
export { type CarrierShapes, type TypeSwitchShape, carrierShapesOf } from './carriers';

const codes = new Map<number, StatusCodeEntry>();
for (const entry of statusCodes.codes) codes.set(entry.code, entry);
const classes: Readonly<Record<string, StatusClass>> = statusCodes.classes;
const richEntries: Readonly<Record<string, Explanation>> = explanations.entries;
const languages = languagesFile;
const frameworks = frameworksData;
const vocabulary = vocabularyData;

if (codes.size === 0 || !codes.has(424)) throw new Error('data/status-codes.json is missing the registry');

export function get(code: number): StatusCodeEntry | undefined {
  return codes.get(code);
}

export function isRegistered(code: number): boolean {
  return codes.has(code);
}

export function allCodes(): readonly StatusCodeEntry[] {
  return statusCodes.codes;
}

/** The class of a code ("4" -> Client Error), also for unregistered codes inside 100-599. */
export function classOf(code: number): StatusClass | undefined {
  return classes[String(Math.floor(code / 100))];
}

/** The codes with a rich explanation, in the data's order. */
export function explainedCodes(): number[] {
  return Object.keys(richEntries).map(Number);
}

export function explanationOf(code: number): Explanation | undefined {
  return richEntries[String(code)];
}

/** Language id (VS Code's) -> entry; undefined for languages the extension does not serve. */
export function language(languageId: string): LanguageEntry | undefined {
  return languages.languages[languageId];
}

/** Whether a document of this language can be an OpenAPI spec (the `openapi` family: YAML, JSON). */
export function isSpecLanguage(languageId: string): boolean {
  return language(languageId)?.family === 'openapi';
}

/** Whether a file of this language can declare or use a status carrier (its family has carrier shapes). */
export function hasCarriers(languageId: string): boolean {
  let has = withCarriers.get(languageId);
  if (has === undefined) {
    const family = language(languageId)?.family;
    withCarriers.set(languageId, (has = family !== undefined && carrierShapesOf(family) !== undefined));
  }
  return has;
}

/** hasCarriers by language id: the CLI asks it twice for each file of a project. */
const withCarriers = new Map<string, boolean>();

export function languageIds(): string[] {
  return Object.keys(languages.languages);
}

/**
 * The served language of a document: its language id when known, else its file extension's (editors name
 * languages differently: Neovim says `cs`, Helix `c-sharp`, eglot `python-ts`).
 */
export function resolveLanguageId(languageId: string, uri: string): string | undefined {
  if (languages.languages[languageId]) return languageId;
  const cut = [uri.indexOf('?'), uri.indexOf('#')].filter((i) => i >= 0);
  const path = cut.length > 0 ? uri.slice(0, Math.min(...cut)) : uri;
  return languageForFile(path.slice(path.lastIndexOf('/') + 1));
}

/** The language id for a file name, by extension (for the CLI). */
export function languageForFile(fileName: string): string | undefined {
  // An extension is one dot and what follows (the schema's pattern), so the name's last dot finds it in a
  // map: the walk asks this for every file of a project (a scan of every extension was a tenth of it).
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : languageByExtension.get(fileName.slice(dot).toLowerCase());
}

const languageByExtension = new Map(
  Object.entries(languages.languages).flatMap(([id, entry]) => entry.extensions.map((ext) => [ext, id] as const)),
);

export function syntaxOf(family: string): LexerSyntax | undefined {
  return languages.families[family]?.syntax;
}

export function scopeSyntaxOf(family: string): ScopeSyntax | undefined {
  return languages.families[family]?.scopes;
}

/**
 * Whether a file is one of the family's tests by its name (data/languages.json `testFiles`): its statuses are
 * expectations, or stubs of another service's answer.
 */
export function isTestFile(uri: string, family: string): boolean {
  const tests = languages.families[family]?.testFiles;
  if (!tests) return false;
  const path = uri.replace(/\\/g, '/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    (tests.nameEndings?.some((ending) => name.endsWith(ending)) ?? false) ||
    (tests.namePrefixes?.some((prefix) => name.startsWith(prefix)) ?? false) ||
    (tests.folders?.some((folder) => path.includes(folder)) ?? false)
  );
}

export function commentPrefixOf(family: string): string {
  return languages.families[family]?.commentPrefix ?? '//';
}

/** A family's status contexts, compiled for the scanner's lookups. */
export interface CompiledContexts {
  /** Callee name -> the argument indexes that hold a status, each with the qualifier the name requires. */
  calls: Map<string, { argument: number; qualifier: string }[]>;
  commands: ReadonlySet<string>;
  properties: ReadonlySet<string>;
  /** Annotation attributes whose string value is a declared response's code (`responseCode = "424"`). */
  declaredResponses: ReadonlySet<string>;
  /** The doc-comment tag declaring a response of the handler below it (`/// <response code="424">...</response>`). */
  docResponses?: string;
  /** Type name -> the properties of its object initializer that hold a status (`new ProblemDetails { Status = ... }`). */
  initializers: ReadonlyMap<string, ReadonlySet<string>>;
  hashRockets: boolean;
  returnTuple: boolean;
  rackTriples: boolean;
  propstatArrays: boolean;
}

const compiledContexts = new Map<string, CompiledContexts>();

export function statusContextsOf(family: string): CompiledContexts | undefined {
  let compiled = compiledContexts.get(family);
  const contexts: StatusContexts | undefined = frameworks.contexts[family];
  if (!compiled && contexts) {
    const calls = new Map<string, { argument: number; qualifier: string }[]>();
    for (const call of contexts.calls) {
      for (const name of call.names) {
        // `Status::new` -> callee `new`, which must follow `Status::`
        const split = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
        const callee = name.slice(split + 1);
        calls.set(callee, [...(calls.get(callee) ?? []), { argument: call.argument, qualifier: name.slice(0, split + 1) }]);
      }
    }
    compiled = {
      calls,
      commands: new Set(contexts.commands ?? []),
      properties: new Set(contexts.properties),
      declaredResponses: new Set(contexts.declaredResponses ?? []),
      docResponses: contexts.docResponses,
      initializers: new Map(
        (contexts.initializers ?? []).flatMap((entry) => entry.types.map((type) => [type, new Set(entry.properties)] as const)),
      ),
      hashRockets: contexts.hashRockets === true,
      returnTuple: contexts.returnTuple === true,
      rackTriples: contexts.rackTriples === true,
      propstatArrays: contexts.propstatArrays === true,
    };
    compiledContexts.set(family, compiled);
  }
  return compiled;
}

/** Where the application's own code carries a status (data/frameworks.json `carriers`). */
export const carriers = {
  properties: new Set(frameworks.carriers.properties) as ReadonlySet<string>,
  callWords: new Set(frameworks.carriers.callWords) as ReadonlySet<string>,
  notCallWords: new Set(frameworks.carriers.notCallWords) as ReadonlySet<string>,
};

/** Calls whose status arguments are read, not set: test assertions and comparisons (data/frameworks.json `reads`). */
export function readsArguments(callee: string): boolean {
  if (frameworks.reads.calls.includes(callee)) return true;
  const lower = callee.toLowerCase();
  return frameworks.reads.prefixes.some((prefix) => lower.startsWith(prefix));
}

/** A named spelling of a status code: `qualifier + separator + member`. */
export interface Spelling {
  scheme: string;
  code: number;
  qualifier: string;
  separator: string;
  /** Only a status code in a status context. */
  context: boolean;
  /** How many tokens stand before the member: `http.` 2, `HttpStatus.Code.` 4, `:` 1, none 0. */
  tokens: number;
  /** A bare member of a Go package: a status code only in that package's own files. */
  package?: string;
  /**
   * Counts only where the file imports the member (bare) or binds the qualifier (`exc.HTTPNotFound`) from one of
   * these modules (data/spellings.json `imports`).
   */
  imports?: ReadonlySet<string>;
  /** The member is a class or constructor: a use only where raised, thrown or called. */
  constructs?: boolean;
}

export interface FamilySpellings {
  /** Member name -> the spellings that end with it. */
  byMember: Map<string, Spelling[]>;
  /** The schemes of the family, for completion after a qualifier. */
  schemes: { id: string; scheme: SpellingScheme }[];
  /** `qualifier + separator` (`http.`, `StatusCode::`) -> the schemes spelled after it. */
  byQualifier: Map<string, string[]>;
  /** A bare qualifier (`StatusCodes`) -> its schemes, to tell which spellings a file uses. */
  qualifiers: Map<string, string[]>;
  /** Every module of the family's `imports`: a file that names none of them needs no import reading. */
  modules: string[];
}

const spellingSchemes = spellingsData.schemes;
const familySpellings = new Map<string, FamilySpellings>();

export function spellingsFor(family: string): FamilySpellings {
  let result = familySpellings.get(family);
  if (!result) {
    result = { byMember: new Map(), schemes: [], byQualifier: new Map(), qualifiers: new Map(), modules: [] };
    for (const [id, scheme] of Object.entries(spellingSchemes)) {
      if (!scheme.families.some((name) => name === family)) continue;
      result.schemes.push({ id, scheme });
      for (const qualifier of scheme.qualifiers) {
        if (qualifier === '') continue;
        const prefix = qualifier + scheme.separator;
        result.byQualifier.set(prefix, [...(result.byQualifier.get(prefix) ?? []), id]);
        // A file that names the qualifier's first word (`HttpStatus` of `HttpStatus.Code`) may use the scheme;
        // not for classes, which are no status value (`res.status(web.HTTPConflict)` is not a thing).
        const word = qualifier.split('.')[0];
        if (scheme.constructs !== true) result.qualifiers.set(word, [...(result.qualifiers.get(word) ?? []), id]);
      }
      const context = scheme.context === true;
      const constructs = scheme.constructs === true;
      const imports = scheme.imports && new Set(scheme.imports);
      if (scheme.imports) result.modules.push(...scheme.imports);
      for (const [code, names] of Object.entries(scheme.members)) {
        for (const member of Array.isArray(names) ? names : [names]) {
          const list = result.byMember.get(member) ?? [];
          // Generic qualifiers (`exceptions.`) are checked against the file's imports instead, with bare names.
          for (const qualifier of scheme.importRequired ? [] : scheme.qualifiers) {
            const tokens = (qualifier === '' ? 0 : qualifier.split('.').length * 2 - 1) + scheme.separator.length;
            list.push({ scheme: id, code: Number(code), qualifier, separator: scheme.separator, context, tokens });
          }
          if (scheme.package)
            list.push({ scheme: id, code: Number(code), qualifier: '', separator: '', context, tokens: 0, package: scheme.package });
          if (imports) list.push({ scheme: id, code: Number(code), qualifier: '', separator: '', context, tokens: 0, imports, constructs });
          result.byMember.set(member, list);
        }
      }
    }
    familySpellings.set(family, result);
  }
  return result;
}

/** The preferred member name of a code in a scheme, or undefined when the framework has none. */
export function schemeOf(schemeId: string): SpellingScheme | undefined {
  return spellingSchemes[schemeId];
}

export function memberFor(schemeId: string, code: number): string | undefined {
  const names = spellingSchemes[schemeId]?.members[String(code)];
  return Array.isArray(names) ? names[0] : names;
}

let namedCodes: Map<string, number> | undefined;

/**
 * The client-error code an identifier is named after (`FailedDependencyException`, `FailedDependencyError`,
 * `FailedDependency`, `failed_dependency_error`, `ConflictError` -> 424, 424, 424, 424, 409): its letters, less an
 * Exception/Error suffix, spell a reason phrase. A one-word phrase (`Conflict`, `Locked`) counts only with the
 * suffix; `FileNotFoundException` is not `NotFound`. Client errors only: the 5xx phrases are also the
 * languages' own exceptions (`NotImplementedError`). Called for every identifier of a file: one lookup.
 */
export function codeNamedBy(identifier: string): number | undefined {
  if (identifier.length < 6) return undefined;
  if (!namedCodes) {
    namedCodes = new Map();
    for (const entry of allCodes()) {
      if (entry.unused || entry.code < 400 || entry.code >= 500) continue;
      const words = toWords(entry.phrase);
      const joined = words.join('');
      if (words.length >= 2) namedCodes.set(joined, entry.code);
      namedCodes.set(`${joined}exception`, entry.code);
      namedCodes.set(`${joined}error`, entry.code);
    }
  }
  return namedCodes.get((identifier.includes('_') ? identifier.replace(/_/g, '') : identifier).toLowerCase());
}

/** Compiled vocabulary: each list once, as a PhraseSet. */
export const phrases = {
  dependencyContext: new PhraseSet(vocabulary.dependencyContext.phrases),
  failedDependency: new PhraseSet(vocabulary.failedDependency.phrases),
  /** In a condition guarding a 424: a flag that something before it failed (`if (failed)`). */
  failedFlag: new PhraseSet(vocabulary.failedDependency.guardPhrases ?? []),
  failedPrerequisite: new PhraseSet(vocabulary.failedPrerequisite.phrases),
};

export const webdavMethods: ReadonlySet<string> = new Set(vocabulary.dependencyContext.webdavMethods);
/** Annotations that run a handler in a database transaction, by the last part of their name: no mark of a chain. */
export const storageAnnotations: ReadonlySet<string> = new Set(vocabulary.dependencyContext.storageAnnotations ?? []);

export interface CompiledConfusion {
  name: string;
  rule: string;
  suggest: number[];
  phrases: PhraseSet;
  bySuggestion: { code: number; phrases: PhraseSet }[];
  /** The phrases that count in a guarding condition: `phrases` and `guardPhrases`. */
  guardPhrases: PhraseSet;
  /** The guard phrases count only where the condition is not negated (`!repo.exists(...)` is no conflict). */
  guardNotNegated: boolean;
  /** The guard phrases count only in the innermost condition around the site (`if repo.exists(...)` right around it). */
  guardInnermost: boolean;
  /** Phrases (also in `phrases`) that the application's own store or a local error caught in the error branch around outweighs. */
  outweighed: PhraseSet;
  /** Words that, in the same text, make its phrases the server's own state (`s3 not configured`). */
  unlessWith: PhraseSet;
}

/** The confusions in precedence order (the order of data/vocabulary.json). */
export const confusions: readonly CompiledConfusion[] = Object.entries(vocabulary.confusions).map(([name, c]: [string, Confusion]) => {
  // The outweighed phrases are phrases of the confusion too, in a message and in a guard.
  const phrases = [...c.phrases, ...(c.outweighedPhrases ?? [])];
  return {
    name,
    rule: c.rule,
    suggest: c.suggest,
    phrases: new PhraseSet(phrases),
    bySuggestion: Object.entries(c.bySuggestion ?? {}).map(([code, list]) => ({ code: Number(code), phrases: new PhraseSet(list) })),
    guardPhrases: new PhraseSet([...phrases, ...(c.guardPhrases ?? [])]),
    outweighed: new PhraseSet(c.outweighedPhrases ?? []),
    guardNotNegated: c.guardNotNegated === true,
    guardInnermost: c.guardInnermost === true,
    unlessWith: new PhraseSet(c.unlessWith ?? []),
  };
});

/** A dependency and its failure stated apart (data/vocabulary.json `failedApart`). */
export const failedApart = {
  subjects: new PhraseSet(vocabulary.failedApart.subjects),
  failures: new PhraseSet(vocabulary.failedApart.failures),
  maxGap: vocabulary.failedApart.maxGap,
};

/** Dependency words used as names (`dependency_id`, `Dependency` resource, a `dependencies` page). */
export const dependencyNames = {
  words: new Set(vocabulary.dependencyNames.words),
  followers: new Set(vocabulary.dependencyNames.followers),
};

const outbound = outboundData;

/** Calls to other services and the errors that mean one failed (data/outbound.json). */
export const outboundVocabulary = {
  clients: new PhraseSet(outbound.clients.filter((c) => !c.wholeName).map((c) => c.phrase)),
  /** Clients known by the call's whole name (the global `fetch`), their words joined by spaces. */
  clientNames: new Set(outbound.clients.filter((c) => c.wholeName).map((c) => c.phrase)) as ReadonlySet<string>,
  /** Error phrases grouped by the code they point at, the most specific (timeouts, unavailable) first. */
  errors: [504, 503, 502].map((code) => ({
    code,
    phrases: new PhraseSet(outbound.errors.filter((e) => e.suggest === code && !e.requiresCall).map((e) => e.phrase)),
    onCall: new PhraseSet(outbound.errors.filter((e) => e.suggest === code).map((e) => e.phrase)),
  })),
  /** Exception types of a local failure (a missing file or row, invalid input). */
  localErrors: new PhraseSet(outbound.localErrors.map((e) => e.phrase)),
  /** Receivers and callees of local work, their words joined (`http error` -> `httperror`). */
  local: new Set(outbound.local.map((phrase) => phrase.replace(/ /g, ''))) as ReadonlySet<string>,
  /** Callees that open a connection to another process (`newConnection`), even on an own layer. */
  opensConnection: new PhraseSet(outbound.opensConnection ?? []),
  /** The last words of a receiver that is the application's own business layer (`productService`, `commandBus`). */
  ownLayers: new Set(outbound.ownLayers ?? []) as ReadonlySet<string>,
  /** The last word of a receiver that is the application's own data store (`userRepository`, `this.db`). */
  ownStores: new Set(outbound.ownStores ?? []) as ReadonlySet<string>,
};

/** Which codes completion offers first, by context. */
export const completionRanking: CompletionRanking = completionData;

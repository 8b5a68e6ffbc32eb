/**
 * The knowledge registry: the only reader of data/. Everything the service knows about status codes,
 * languages, framework spellings and vocabulary is asked of this module.
 */
import statusCodes from '../../../data/status-codes.json';
import explanations from '../../../data/explanations.json';
import vocabularyData from '../../../data/vocabulary.json';
import languagesData from '../../../data/languages.json';
import frameworksData from '../../../data/frameworks.json';
import { PhraseSet } from './phrases';
import type {
  Confusion,
  Explanation,
  FrameworksFile,
  LanguageEntry,
  LanguagesFile,
  LexerSyntax,
  StatusClass,
  StatusCodeEntry,
  StatusContexts,
  VocabularyFile,
} from './types';

export type * from './types';
export { PhraseSet, toWords } from './phrases';

const codes = new Map<number, StatusCodeEntry>();
for (const entry of statusCodes.codes as StatusCodeEntry[]) codes.set(entry.code, entry);
const classes = statusCodes.classes as Record<string, StatusClass>;
const richEntries = explanations.entries as Record<string, Explanation>;
const languages = languagesData as LanguagesFile;
const frameworks = frameworksData as FrameworksFile;
const vocabulary = vocabularyData as VocabularyFile;

if (codes.size === 0 || !codes.has(424)) throw new Error('data/status-codes.json is missing the registry');

export function get(code: number): StatusCodeEntry | undefined {
  return codes.get(code);
}

export function isRegistered(code: number): boolean {
  return codes.has(code);
}

export function allCodes(): readonly StatusCodeEntry[] {
  return statusCodes.codes as StatusCodeEntry[];
}

/** The class of a code ("4" -> Client Error), also for unregistered codes inside 100-599. */
export function classOf(code: number): StatusClass | undefined {
  return classes[String(Math.floor(code / 100))];
}

export function explanationOf(code: number): Explanation | undefined {
  return richEntries[String(code)];
}

/** Language id (VS Code's) -> entry; undefined for languages the extension does not serve. */
export function language(languageId: string): LanguageEntry | undefined {
  return languages.languages[languageId];
}

export function languageIds(): string[] {
  return Object.keys(languages.languages);
}

/** The language id for a file name, by extension (for the CLI). */
export function languageForFile(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  let best: { id: string; length: number } | undefined;
  for (const [id, entry] of Object.entries(languages.languages)) {
    for (const ext of entry.extensions) {
      if (lower.endsWith(ext) && (!best || ext.length > best.length)) best = { id, length: ext.length };
    }
  }
  return best?.id;
}

export function syntaxOf(family: string): LexerSyntax | undefined {
  return languages.families[family]?.syntax;
}

export function commentPrefixOf(family: string): string {
  return languages.families[family]?.commentPrefix ?? '//';
}

export function statusContextsOf(family: string): StatusContexts | undefined {
  return frameworks.contexts[family];
}

/** Compiled vocabulary: each list once, as a PhraseSet. */
export const phrases = {
  dependencyContext: new PhraseSet(vocabulary.dependencyContext.phrases),
  failedDependency: new PhraseSet(vocabulary.failedDependency.phrases),
  failedPrerequisite: new PhraseSet(vocabulary.failedPrerequisite.phrases),
};

export const webdavMethods: ReadonlySet<string> = new Set(vocabulary.dependencyContext.webdavMethods);

export interface CompiledConfusion {
  name: string;
  rule: string;
  suggest: number[];
  phrases: PhraseSet;
  bySuggestion: { code: number; phrases: PhraseSet }[];
}

/** The confusions in precedence order (the order of data/vocabulary.json). */
export const confusions: readonly CompiledConfusion[] = Object.entries(vocabulary.confusions).map(
  ([name, c]: [string, Confusion]) => ({
    name,
    rule: c.rule,
    suggest: c.suggest,
    phrases: new PhraseSet(c.phrases),
    bySuggestion: Object.entries(c.bySuggestion ?? {}).map(([code, list]) => ({ code: Number(code), phrases: new PhraseSet(list) })),
  }),
);

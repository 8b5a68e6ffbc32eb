/**
 * Shapes of the JSON files in data/, named for the knowledge layer. Each is taken from the declarations that
 * scripts/data-types.ts generates from the file's JSON schema (data/schema/), so a schema is the one place a
 * shape is written; test/unit/data-files.test.ts validates the files against the schemas.
 */
import type { CarriersFile } from '../../../data/carriers.json';
import type { CompletionFile } from '../../../data/completion.json';
import type { ExplanationsFile } from '../../../data/explanations.json';
import type { FrameworksFile } from '../../../data/frameworks.json';
import type { LanguagesFile } from '../../../data/languages.json';
import type { OutboundFile } from '../../../data/outbound.json';
import type { RoutesFile } from '../../../data/routes.json';
import type { SpellingsFile } from '../../../data/spellings.json';
import type { StatusCodesFile } from '../../../data/status-codes.json';
import type { VocabularyFile } from '../../../data/vocabulary.json';

export type {
  CarriersFile,
  CompletionFile,
  ExplanationsFile,
  FrameworksFile,
  LanguagesFile,
  OutboundFile,
  RoutesFile,
  SpellingsFile,
  StatusCodesFile,
  VocabularyFile,
};

export type StatusCodeEntry = StatusCodesFile['codes'][number];
export type SpecReference = StatusCodeEntry['spec'];
export type StatusClass = StatusCodesFile['classes'][keyof StatusCodesFile['classes']];

export type Explanation = ExplanationsFile['entries'][string];
export type Contrast = Explanation['notToBeConfusedWith'][number];

export type Confusion = VocabularyFile['confusions'][keyof VocabularyFile['confusions']];
/** A dependency and its failure stated apart: a subject phrase, then within `maxGap` words a failure phrase. */
export type ApartPhrases = VocabularyFile['failedApart'];

export type LanguageEntry = LanguagesFile['languages'][string];
export type FamilyEntry = LanguagesFile['families'][string];
/** One lexer configuration per language family. */
export type LexerSyntax = NonNullable<FamilyEntry['syntax']>;
/** How a family's handlers are delimited, for the scope of a site. */
export type ScopeSyntax = NonNullable<FamilyEntry['scopes']>;

/** Where a value is a status code, per language family. */
export type StatusContexts = FrameworksFile['contexts'][string];

/** One framework's named spellings of status codes. */
export type SpellingScheme = SpellingsFile['schemes'][string];

/** Codes offered first, by context. */
export type CompletionRanking = CompletionFile;

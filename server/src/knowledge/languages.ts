/**
 * The served languages (data/languages.json), in a module of their own so the extension client can list them
 * for its document selector without bundling the rest of the knowledge.
 */
import languagesData from '../../../data/languages.json';
import type { LanguagesFile } from './types';

export const languagesFile: LanguagesFile = languagesData;

/** Every language id the server analyses, in the data's order. */
export const servedLanguageIds: readonly string[] = Object.keys(languagesFile.languages);

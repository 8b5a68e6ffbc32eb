/**
 * The language service: pure functions of (document, settings). The server and the CLI are thin
 * adapters around it; nothing here knows about connections or files.
 */
import type { CodeAction, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import * as knowledge from '../knowledge';
import { doCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { doHover } from './features/hover';
import { type RuleFaultHandler, doValidation } from './features/validation';
import type { DocumentLike, ScannedDocument } from './model';
import type { RuleContext } from './rules';
import type { EditLog } from './editLog';
import { ScanCache } from './scanners';
import { staleComplete, staleHover, staleScan } from './stale';
import { type Settings, defaultSettings } from './settings';

export type { CompletionSlot, DocumentLike, ScannedDocument, Scope, StatusSite } from './model';
export { type Settings, defaultSettings, resolveSettings } from './settings';
export { SOURCE, type DiagnosticData } from './features/validation';
export { MAX_FILE_SIZE } from './scanners';
export { EditLog } from './editLog';

export interface LanguageService {
  scan(document: DocumentLike): ScannedDocument;
  doHover(document: DocumentLike, position: Position): Hover | null;
  doComplete(document: DocumentLike, position: Position): CompletionList | null;
  doValidation(document: DocumentLike, settings?: Settings): Diagnostic[];
  doCodeActions(diagnostics: readonly Diagnostic[]): CodeAction[];
  /** The served language of a document (by its language id, else its file extension), or undefined. */
  languageOf(document: DocumentLike): string | undefined;
  forget(uri: string): void;
}

export interface LanguageServiceOptions {
  /** Told when a rule throws (once per rule is enough for a log). */
  onRuleFault?: RuleFaultHandler;
  /** The edits of open documents, so hover and completion on a large one can use its last scan meanwhile. */
  edits?: EditLog;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const cache = new ScanCache();
  const contexts = new WeakMap<string[], RuleContext>();
  const ruleContext = (settings: Settings): RuleContext => {
    let context = contexts.get(settings.dependencyWords);
    if (!context) {
      context = { dependencyPhrases: knowledge.phrases.dependencyContext.extend(settings.dependencyWords) };
      contexts.set(settings.dependencyWords, context);
    }
    return context;
  };
  return {
    scan: (document) => cache.get(document),
    doHover: (document, position) => {
      const offset = document.offsetAt(position);
      const stale = staleScan(cache, options.edits, document);
      const answer = stale && staleHover(document, stale, offset);
      return answer !== undefined ? answer : doHover(document, cache.get(document), offset);
    },
    doComplete: (document, position) => {
      const offset = document.offsetAt(position);
      const stale = staleScan(cache, options.edits, document);
      const answer = stale && staleComplete(document, stale, offset);
      return answer !== undefined ? answer : doComplete(document, cache.get(document), offset);
    },
    doValidation: (document, settings = defaultSettings()) =>
      doValidation(document, cache.get(document), settings, ruleContext(settings), options.onRuleFault),
    doCodeActions,
    languageOf: (document) => knowledge.resolveLanguageId(document.languageId, document.uri),
    forget: (uri) => cache.forget(uri),
  };
}

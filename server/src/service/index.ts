/**
 * The language service: pure functions of (document, settings). The server and the CLI are thin
 * adapters around it; nothing here knows about connections or files.
 */
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import * as knowledge from '../knowledge';
import { doCodeActions } from './features/codeActions';
import { doComplete, resolveCompletionItem } from './features/completion';
import { doHover } from './features/hover';
import { type RuleFaultHandler, doValidation } from './features/validation';
import type { DocumentLike, ScannedDocument } from './model';
import type { RuleContext } from './rules';
import type { EditLog } from './editLog';
import { ScanCache } from './scanners';
import { type StaleScan, staleComplete, staleHover, staleScan } from './stale';
import { type Settings, defaultSettings } from './settings';

export type { CompletionSlot, DocumentLike, ScannedDocument, Scope, StatusSite } from './model';
export { textLength } from './model';
export { withoutDocumentation } from './features/completion';
export { type Settings, defaultSettings, resolveSettings } from './settings';
export { SOURCE, type DiagnosticData } from './features/validation';
export { MAX_FILE_SIZE } from './scanners';
export { EditLog } from './editLog';
export { type FrozenScan, freezeScan, thawScan, transferablesOf } from './frozenScan';
export { STALE_MIN_SIZE } from './stale';

export interface LanguageService {
  scan(document: DocumentLike): ScannedDocument;
  doHover(document: DocumentLike, position: Position): Hover | null;
  doComplete(document: DocumentLike, position: Position): CompletionList | null;
  /** Hover without scanning: from the current or the last scan; undefined when only a fresh scan can answer. */
  tryHover(document: DocumentLike, position: Position): Hover | null | undefined;
  /** Completion without scanning, as tryHover. */
  tryComplete(document: DocumentLike, position: Position): CompletionList | null | undefined;
  /** completionItem/resolve: adds the documentation to an item sent without it (see withoutDocumentation). */
  resolveCompletion(item: CompletionItem): CompletionItem;
  /** Takes a scan made elsewhere (a worker thread) as the document's last scan, unless a newer one is cached. */
  adopt(document: Pick<DocumentLike, 'uri' | 'languageId' | 'version'>, scanned: ScannedDocument): void;
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
      context = {
        dependencyPhrases: knowledge.phrases.dependencyContext.extend(settings.dependencyWords),
        userPhrases: settings.dependencyWords.length > 0 ? new knowledge.PhraseSet([]).extend(settings.dependencyWords) : undefined,
      };
      contexts.set(settings.dependencyWords, context);
    }
    return context;
  };
  /** An answer from the scan of this version, else from the last scan mapped through the edits, else from a fresh scan if allowed. */
  function answer<T>(
    document: DocumentLike,
    position: Position,
    fromScan: (document: DocumentLike, scanned: ScannedDocument, offset: number) => T,
    fromStale: (document: DocumentLike, stale: StaleScan, offset: number) => T | undefined,
    scan: boolean,
  ): T | undefined {
    const offset = document.offsetAt(position);
    const current = cache.current(document);
    if (current) return fromScan(document, current, offset);
    const stale = staleScan(cache, options.edits, document);
    const answer = stale && fromStale(document, stale, offset);
    if (answer !== undefined) return answer;
    return scan ? fromScan(document, cache.get(document), offset) : undefined;
  }
  return {
    scan: (document) => cache.get(document),
    doHover: (document, position) => answer(document, position, doHover, staleHover, true)!,
    doComplete: (document, position) => answer(document, position, doComplete, staleComplete, true)!,
    tryHover: (document, position) => answer(document, position, doHover, staleHover, false),
    tryComplete: (document, position) => answer(document, position, doComplete, staleComplete, false),
    adopt: (document, scanned) => cache.adopt(document, scanned),
    resolveCompletion: resolveCompletionItem,
    doValidation: (document, settings = defaultSettings()) =>
      doValidation(document, cache.get(document), settings, ruleContext(settings), options.onRuleFault),
    doCodeActions,
    languageOf: (document) => knowledge.resolveLanguageId(document.languageId, document.uri),
    forget: (uri) => cache.forget(uri),
  };
}

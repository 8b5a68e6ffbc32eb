/**
 * The language service: pure functions of (document, settings). The server and the CLI are thin
 * adapters around it; nothing here knows about connections or files.
 */
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import * as knowledge from '../knowledge';
import { doCodeActions } from './features/codeActions';
import { documentationActions } from './features/documentation';
import { type FixResult, fixDocument } from './features/fixAll';
import { doComplete, resolveCompletionItem } from './features/completion';
import { carrierLenses, declarationHover, usesParagraph } from './features/carrierHover';
import { doHover, siteAt } from './features/hover';
import { type RuleFaultHandler, doValidation } from './features/validation';
import { doProjectValidation } from './features/projectValidation';
import type { ProjectFacts } from './project';
import type { DocumentLike, ScannedDocument } from './model';
import type { RuleContext } from './rules';
import type { EditLog } from './editLog';
import { ScanCache, scan } from './scanners';
import { type StaleScan, staleComplete, staleHover, staleScan } from './stale';
import { type Settings, defaultSettings } from './settings';
import type { CarrierLookup } from './carriers';

export type { CompletionSlot, DocumentLike, ScannedDocument, Scope, StatusSite } from './model';
export { textLength } from './model';
export { readOnlyDocument } from './lines';
export { withoutDocumentation } from './features/completion';
export {
  type Settings,
  type SettingsLayer,
  SETTINGS_KEYS,
  applySettingsLayer,
  defaultSettings,
  isObject,
  readSettingsLayer,
  resolveSettings,
  typeName,
} from './settings';
export { type RuleId, docsUrl, ruleIds } from './rules';
export { type Severity, defaultSeverities, severities } from './rules/presets';
export { didYouMean } from './didYouMean';
export { firstAtOrAfter, lastAtOrBefore } from './sorted';
export { type FixResult, fixDocument } from './features/fixAll';
export { SOURCE, type DiagnosticData } from './features/validation';
export { MAX_FILE_SIZE } from './scanners';
export { EditLog } from './editLog';
export { type FrozenScan, freezeScan, thawScan, transferablesOf } from './frozenScan';
export { STALE_MIN_SIZE } from './stale';
// Issue 17: routes and spec operations are read with the scanners' own lexer and outline readers, and the
// project rules run over facts the route index (later the workspace) provides.
export { TokenKind, lex } from './scanners/code/lexer';
export { type OutlineVisitor, visitJson, visitYaml } from './outline';
export * from './project';
export { projectDefinition, projectHover, projectReferences } from './features/projectNavigation';
export type { Carrier, CarrierLookup, CarrierUse } from './carriers';

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
  /**
   * The quick fixes for the `requested` diagnostics (from the client) that are among `own` (the server's
   * diagnostics of this document, whose data carries the fixes); the client's data is not read.
   */
  doCodeActions(document: DocumentLike, requested: readonly Diagnostic[], own: readonly Diagnostic[]): CodeAction[];
  /** "Show documentation for <rule>" for each rule among the diagnostics, running `command` with the rule id. */
  documentationActions(diagnostics: readonly Diagnostic[], command: string): CodeAction[];
  /** Every preferred fix of the document, from this check of its text (see features/fixAll.ts). */
  doFixAll(document: DocumentLike, settings?: Settings): FixResult;
  /** The project rules' diagnostics of a file (status-not-in-spec...), over facts about the other files. */
  doProjectValidation(document: DocumentLike, facts: ProjectFacts, settings?: Settings): Diagnostic[];
  /** A lens on each status carrier declared in the document, with its use count (issue 16; none without a workspace). */
  doCodeLens(document: DocumentLike): CodeLens[];
  /** The served language of a document (by its language id, else its file extension), or undefined. */
  languageOf(document: DocumentLike): string | undefined;
  forget(uri: string): void;
}

export interface LanguageServiceOptions {
  /** Told when a rule throws (once per rule is enough for a log). */
  onRuleFault?: RuleFaultHandler;
  /** The edits of open documents, so hover and completion on a large one can use its last scan meanwhile. */
  edits?: EditLog;
  /** The workspace's status carriers (issue 16): their uses become sites; without it, each file stands alone. */
  carriers?: CarrierLookup;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const cache = new ScanCache(options.carriers, options.edits);
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
    const stale = staleScan(cache, options.edits, document, !scan);
    const answer = stale && fromStale(document, stale, offset);
    if (answer !== undefined) return answer;
    return scan ? fromScan(document, cache.get(document), offset) : undefined;
  }
  const validate = (document: DocumentLike, scanned: ScannedDocument, settings: Settings) =>
    doValidation(document, scanned, settings, ruleContext(settings), options.onRuleFault);
  /** Hover, with what the workspace knows of a carrier declared there (issue 16). */
  function hover(document: DocumentLike, position: Position): Hover | null {
    const result = answer(document, position, doHover, staleHover, true)!;
    const carriers = options.carriers;
    if (!carriers) return result;
    const offset = document.offsetAt(position);
    if (!result) return declarationHover(document, carriers, offset);
    const scanned = cache.current(document);
    const site = scanned && siteAt(scanned, offset);
    if (site?.carries && typeof result.contents === 'object' && 'value' in result.contents)
      result.contents.value = `${usesParagraph(carriers, site.carries)}\n\n---\n\n${result.contents.value}`;
    return result;
  }
  return {
    scan: (document) => cache.get(document),
    doHover: hover,
    doComplete: (document, position) => answer(document, position, doComplete, staleComplete, true)!,
    tryHover: (document, position) => answer(document, position, doHover, staleHover, false),
    tryComplete: (document, position) => answer(document, position, doComplete, staleComplete, false),
    adopt: (document, scanned) => cache.adopt(document, scanned),
    resolveCompletion: resolveCompletionItem,
    doValidation: (document, settings = defaultSettings()) => validate(document, cache.get(document), settings),
    doCodeActions,
    documentationActions,
    doFixAll(document, settings = defaultSettings()) {
      // The texts of the passes after the first are never open documents: they are scanned outside the cache,
      // where a scan of the same uri at the next version would pass for the document's.
      const scans = new WeakMap<DocumentLike, ScannedDocument>();
      const scanOf = (d: DocumentLike) => {
        if (d === document) return cache.get(d);
        let scanned = scans.get(d);
        if (!scanned) scans.set(d, (scanned = scan(d)));
        return scanned;
      };
      return fixDocument({ scan: scanOf, doValidation: (d, s = settings) => validate(d, scanOf(d), s) }, document, settings);
    },
    doProjectValidation: (document, facts, settings = defaultSettings()) =>
      doProjectValidation(document, facts, settings, options.onRuleFault),
    doCodeLens: (document) => (options.carriers ? carrierLenses(document, options.carriers) : []),
    languageOf: (document) => knowledge.resolveLanguageId(document.languageId, document.uri),
    forget: (uri) => cache.forget(uri),
  };
}

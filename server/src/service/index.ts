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
import { type RuleFaultHandler, doValidation, eachDiagnostic } from './features/validation';
import { doProjectValidation } from './features/projectValidation';
import type { ProjectFacts } from './project';
import type { DocumentLike, ScannedDocument } from './model';
import type { RuleContext } from './rules';
import { ScanCache, scan } from './scanners';
import { type Settings, defaultSettings } from './settings';
import type { CarrierLookup } from './carriers';
import type { EditLog } from './editLog';

export type { CompletionSlot, DocumentLike, ResponsesSlot, ScannedDocument, Scope, StatusSite } from './model';
export { textLength } from './model';
export { lineStartsOf, readOnlyDocument } from './lines';
export { withoutDocumentation } from './features/completion';
// Hover and completion from a scan the caller holds: one made in another thread, or one of an earlier
// version whose places the caller maps through the edits since (server/src/large/).
export { hoverFor, siteAt } from './features/hover';
export { doComplete as completeFromScan } from './features/completion';
export {
  type Settings,
  type SettingsLayer,
  type SpecPin,
  type RuleOptions,
  DEFAULT_COVERS,
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
export { type FrozenScan, freezeScan, thawScan, transferablesOf } from './frozenScan';
export { type Edit, EditLog, type OffsetMap } from './editLog';
// Issue 17: routes and spec operations are read with the scanners' own lexer and outline readers, and the
// project rules run over facts the route index (later the workspace) provides.
export { TokenKind, lex } from './scanners/code/lexer';
export { type OutlineVisitor, visitJson, visitYaml } from './outline';
export * from './project';
export { projectDefinition, projectHover, projectReferences } from './features/projectNavigation';
export { type Carrier, type CarrierLookup, type CarrierSnapshot, type CarrierUse, SnapshotCarriers } from './carriers';

export interface LanguageService {
  scan(document: DocumentLike): ScannedDocument;
  doHover(document: DocumentLike, position: Position): Hover | null;
  /** The hover from a given scan (one the scan worker made): with what the workspace knows of its carriers too. */
  hoverFromScan(document: DocumentLike, scanned: ScannedDocument, offset: number): Hover | null;
  doComplete(document: DocumentLike, position: Position): CompletionList | null;
  /** completionItem/resolve: adds the documentation to an item sent without it (see withoutDocumentation). */
  resolveCompletion(item: CompletionItem): CompletionItem;
  doValidation(document: DocumentLike, settings?: Settings): Diagnostic[];
  /**
   * doValidation's diagnostics one at a time, for a caller that keeps less of each than the whole (the CLI).
   * `release`: the caller is done with the document's scan, which is let go as its sites are checked.
   */
  eachDiagnostic(document: DocumentLike, settings?: Settings, release?: boolean): Iterable<Diagnostic>;
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
  /** The workspace's status carriers (issue 16): their uses become sites; without it, each file stands alone. */
  carriers?: CarrierLookup;
  /**
   * The edits made to each document since its last scan: a spec is then re-scanned only where it was
   * edited (scanners/openapi/incremental.ts). The scan worker keeps one; without it, every scan is whole.
   */
  edits?: EditLog;
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
  const validate = (document: DocumentLike, scanned: ScannedDocument, settings: Settings) =>
    doValidation(document, scanned, settings, ruleContext(settings), options.onRuleFault);
  /** Hover, with what the workspace knows of a carrier declared there (issue 16). */
  function hoverFromScan(document: DocumentLike, scanned: ScannedDocument, offset: number): Hover | null {
    const result = doHover(document, scanned, offset);
    const carriers = options.carriers;
    if (!carriers) return result;
    if (!result) return declarationHover(document, carriers, offset);
    const site = siteAt(scanned, offset);
    if (site?.carries && typeof result.contents === 'object' && 'value' in result.contents)
      result.contents.value = `${usesParagraph(carriers, site.carries)}\n\n---\n\n${result.contents.value}`;
    return result;
  }
  return {
    scan: (document) => cache.get(document),
    doHover: (document, position) => hoverFromScan(document, cache.get(document), document.offsetAt(position)),
    hoverFromScan,
    doComplete: (document, position) => doComplete(document, cache.get(document), document.offsetAt(position)),
    resolveCompletion: resolveCompletionItem,
    doValidation: (document, settings = defaultSettings()) => validate(document, cache.get(document), settings),
    eachDiagnostic(document, settings = defaultSettings(), release = false) {
      const scanned = cache.get(document);
      if (release) cache.forget(document.uri);
      return eachDiagnostic(document, scanned, settings, ruleContext(settings), options.onRuleFault, release);
    },
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

/**
 * Diagnostics: at each status site the first rule that applies (rules/index.ts order) is reported, with
 * everything its quick fixes need in `data`, so code actions never look at the document again.
 */
import type { CodeAction, Diagnostic, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { type DocumentLike, type Evidence, type ScannedDocument, type StatusSite, siteTableOf } from '../model';
import { type RuleContext, type RuleHit, type RuleId, docsUrl, rules } from '../rules';
import type { Severity } from '../rules/presets';
import { isSuppressed } from '../scanners/suppressions';
import type { Settings } from '../settings';
import { fixesFor } from './fixes';

export const SOURCE = 'http-status-lens';

/** What a diagnostic carries for its quick fixes: ready code actions without the diagnostic. */
export interface DiagnosticData {
  fixes: Omit<CodeAction, 'diagnostics'>[];
}

/** The LSP severity of each configured one. */
export const diagnosticSeverity: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** Called when a rule throws; the rule is skipped at that site and the others still run. */
export type RuleFaultHandler = (ruleId: RuleId, error: unknown) => void;

export function doValidation(
  document: DocumentLike,
  scanned: ScannedDocument,
  settings: Settings,
  context: RuleContext,
  onFault: RuleFaultHandler = () => {},
): Diagnostic[] {
  return [...eachDiagnostic(document, scanned, settings, context, onFault)];
}

/**
 * The diagnostics one at a time, in site order, for a caller that keeps something smaller of each (the CLI's
 * findings): all of them at once, with their fixes, are ~20 bytes for each byte of a spec dense with findings.
 */
export function* eachDiagnostic(
  document: DocumentLike,
  scanned: ScannedDocument,
  settings: Settings,
  context: RuleContext,
  onFault: RuleFaultHandler = () => {},
  release = false,
): Generator<Diagnostic, void, undefined> {
  // The scan is the caller's last use of it: each site goes once checked, with its verdict, so the findings
  // take the room of the sites instead of adding to it. Sites held as a table are made one at a time.
  const table = release ? siteTableOf(scanned) : undefined;
  const sites: (StatusSite | undefined)[] = table ? [] : scanned.sites;
  const count = table ? table.length : sites.length;
  const checking = release ? { ...context, onePass: true } : context;
  for (let i = 0; i < count; i++) {
    const site = table ? table.site(i) : sites[i]!;
    if (release && !table) sites[i] = undefined;
    if (site.role !== 'use' || site.definesCode) continue;
    const found = firstHit(site, checking, onFault);
    if (!found) continue;
    const severity = settings.rules[found.id];
    if (severity === 'off' || isSuppressed(site, found.id)) continue;
    yield toDiagnostic(document, site, found.id, found.hit, diagnosticSeverity[severity]);
  }
}

function firstHit(site: StatusSite, context: RuleContext, onFault: RuleFaultHandler): { id: RuleId; hit: RuleHit } | undefined {
  for (const rule of rules) {
    try {
      const hit = rule.check(site, context);
      if (hit) return { id: rule.id, hit };
    } catch (error) {
      onFault(rule.id, error);
    }
  }
  return undefined;
}

function toDiagnostic(document: DocumentLike, site: StatusSite, id: RuleId, hit: RuleHit, severity: DiagnosticSeverity): Diagnostic {
  const range = { start: document.positionAt(site.start), end: document.positionAt(site.end) };
  const related = hit.evidence?.map((e) => relatedInformation(document, e)).filter((r) => r !== undefined);
  return findingDiagnostic(range, id, hit.message, severity, fixesFor(document, site, id, hit, range), related);
}

/** A finding as a diagnostic, the same for a file's rules and the project's; its fixes travel in `data`. */
export function findingDiagnostic(
  range: Range,
  id: RuleId,
  message: string,
  severity: DiagnosticSeverity,
  fixes: DiagnosticData['fixes'],
  related?: DiagnosticRelatedInformation[],
): Diagnostic {
  const data: DiagnosticData = { fixes };
  const diagnostic: Diagnostic = { range, severity, source: SOURCE, code: id, codeDescription: { href: docsUrl(id) }, message, data };
  if (related && related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

const evidenceLabels: Record<Evidence['kind'], string> = {
  message: 'what is said with it',
  condition: 'the condition that guards it',
  call: 'the call whose failure leads to it',
  exception: 'the exception caught',
  block: 'what the statement beside it says',
  handler: 'the handler',
  type: 'the error type it is declared for',
};

/** Where the evidence a finding rests on stands, when it has a place of its own in the text. */
function relatedInformation(document: DocumentLike, evidence: Evidence): DiagnosticRelatedInformation | undefined {
  if (evidence.start < 0) return undefined;
  return {
    location: { uri: document.uri, range: { start: document.positionAt(evidence.start), end: document.positionAt(evidence.end) } },
    message: `${evidenceLabels[evidence.kind]}: ${evidence.text}`,
  };
}

export type { TextEdit };

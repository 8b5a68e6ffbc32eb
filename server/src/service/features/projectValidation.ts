/**
 * Diagnostics of the project rules for one file: the same identity and `data.fixes` as validation.ts, with
 * `relatedInformation` on the other file (the spec's operation, the handler's route), and fixes that are
 * workspace edits on the spec.
 */
import type { CodeAction, Diagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentLike } from '../model';
import type { OperationFact, ProjectFacts } from '../project';
import { type RuleId, projectRules } from '../rules';
import type { ProjectHit } from '../rules/projectRule';
import { describe } from '../rules/rule';
import { isSuppressed } from '../scanners/suppressions';
import type { Settings } from '../settings';
import { responseInsertion } from './addResponse';
import { fixesFor } from './fixes';
import { type RuleFaultHandler, diagnosticSeverity, findingDiagnostic } from './validation';

export function doProjectValidation(
  document: DocumentLike,
  facts: ProjectFacts,
  settings: Settings,
  onFault: RuleFaultHandler = () => {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of projectRules) {
    const severity = settings.rules[rule.id];
    if (severity === 'off') continue;
    let hits: ProjectHit[];
    try {
      hits = rule.check(document.uri, facts, settings.ruleOptions);
    } catch (error) {
      onFault(rule.id, error);
      continue;
    }
    for (const hit of hits) {
      if (hit.site.role !== 'use' || isSuppressed(hit.site, rule.id)) continue;
      diagnostics.push(toDiagnostic(document, facts, hit, rule.id, diagnosticSeverity[severity]));
    }
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function toDiagnostic(document: DocumentLike, facts: ProjectFacts, hit: ProjectHit, id: RuleId, severity: DiagnosticSeverity): Diagnostic {
  const range = { start: document.positionAt(hit.site.start), end: document.positionAt(hit.site.end) };
  const fixes: Omit<CodeAction, 'diagnostics'>[] = [];
  const add = hit.addResponse && addResponseFix(facts, hit.addResponse.operation, hit.addResponse.code);
  if (add) fixes.push(add);
  fixes.push(...fixesFor(document, hit.site, id, { message: hit.message, replacements: hit.replacements }, range));
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  for (const place of hit.related) {
    const other = facts.document(place.uri);
    if (!other) continue;
    relatedInformation.push({
      location: { uri: place.uri, range: { start: other.positionAt(place.start), end: other.positionAt(place.end) } },
      message: place.message,
    });
  }
  return findingDiagnostic(range, id, hit.message, severity, fixes, relatedInformation);
}

function addResponseFix(facts: ProjectFacts, operation: OperationFact, code: number): Omit<CodeAction, 'diagnostics'> | undefined {
  const spec = facts.document(operation.uri);
  if (!spec || !operation.insertion) return undefined;
  const insert = responseInsertion(operation.insertion, code);
  if (!insert) return undefined;
  const at = spec.positionAt(insert.offset);
  const edit: TextEdit = { range: { start: at, end: at }, newText: insert.text };
  const file = decodeURIComponent(operation.uri.slice(operation.uri.lastIndexOf('/') + 1));
  return {
    title: `Declare ${describe(code)} in ${operation.method} ${operation.path} (${file})`,
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    edit: { changes: { [operation.uri]: [edit] } },
  };
}

/**
 * The verdict at a 424 (or a 409/412/423 whose words say an earlier action failed), in one line for the top
 * of its hover: where the evidence stands, what it means, which code fits. The same verdict the rules report
 * (rules/evidence.ts), so the hover and the squiggle agree.
 */
import * as knowledge from '../../knowledge';
import type { StatusSite } from '../model';
import { type Verdict, assess } from '../rules/evidence';
import type { RuleContext } from '../rules/rule';

const defaultContext: RuleContext = { dependencyPhrases: knowledge.phrases.dependencyContext };

const meaning: Record<string, string> = {
  '424-for-lock': 'a locked resource',
  '424-for-conflict': 'a conflict with the current state',
  '424-for-precondition': 'a failed precondition',
  '424-for-upstream-failure': 'an upstream failure',
};

/** The markdown line, or undefined where there is no verdict to state (other codes, mentions). */
export function verdictLine(site: StatusSite, context: RuleContext = defaultContext): string | undefined {
  if (site.verdict !== undefined) return site.verdict || undefined;
  if (site.role === 'read' && site.code === 424)
    return site.inTestFile
      ? 'In a test file: a status the test expects or stubs, not one the application sends: no finding.'
      : 'Read here (compared, switched on or tested), not set: no finding.';
  if (site.role === 'read') return undefined;
  if (site.role !== 'use' || site.definesCode) return undefined;
  if (site.code !== 424 && site.code !== 409 && site.code !== 412 && site.code !== 423) return undefined;
  try {
    return lineOf(assess(site, context), site.code);
  } catch {
    // A fault in judging the site costs the hover its verdict line, never the hover (the rules report the fault).
    return undefined;
  }
}

function lineOf(verdict: Verdict, code: number): string | undefined {
  switch (verdict.kind) {
    case 'confusion': {
      const preferred = verdict.replacements?.find((r) => r.preferred)?.code;
      // A call known only by its role: another service's failure if it reaches one, else the server's own.
      if (verdict.byRole)
        return `${capitalise(where(verdict))}: if the failure is another service's, ${preferred} fits; if the server's own, 500.`;
      return `${capitalise(where(verdict))}: ${meaning[verdict.confusion!.rule] ?? 'another code'}, ${preferred} fits.`;
    }
    case 'fits':
      return code === 424 ? `${capitalise(where(verdict))}: a dependency chain, 424 fits.` : undefined;
    case 'prerequisite':
      return `${capitalise(where(verdict))}: an earlier required action failed, 424 Failed Dependency fits.`;
    default:
      return code === 424 ? 'Nothing here marks a dependency chain: 409, 412, 423 or 502 may fit better.' : undefined;
  }
}

function where(verdict: Verdict): string {
  const evidence = verdict.evidence;
  const quoted = verdict.quoted ?? evidence?.text ?? '';
  switch (evidence?.kind) {
    case 'message':
      return `its message says "${quoted}"`;
    case 'condition':
      return `guarded by \`${oneLine(evidence.text)}\``;
    case 'call':
      return `in the error branch of \`${evidence.text}\``;
    case 'exception':
      return `catching \`${evidence.text}\`${verdict.also ? ` from \`${verdict.also.text}\`` : ''}`;
    case 'block':
      return `beside it, "${quoted}"`;
    case 'handler':
      return `the handler says "${quoted}"`;
    case 'type':
      return `declared for the error type \`${evidence.text}\``;
    default:
      return verdict.mark ? `with ${verdict.mark}` : 'here';
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

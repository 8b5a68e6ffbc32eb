/**
 * The quick fixes of one finding, computed with the diagnostic: replace the status token in its own
 * spelling, or write a suppression in the file's own syntax.
 */
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { DocumentLike, StatusSite } from '../model';
import type { Replacement, RuleHit, RuleId } from '../rules';
import { describe } from '../rules/rule';
import { DISABLE_NEXT_LINE } from '../scanners/suppressions';
import { carrierReplacement } from './carrierFixes';

type Fix = Omit<CodeAction, 'diagnostics'>;

export function fixesFor(document: DocumentLike, site: StatusSite, id: RuleId, hit: RuleHit, range: Range): Fix[] {
  const fixes = hit.replacements.map((replacement) => replaceFix(document, site, replacement, range));
  const suppress = suppressFix(document, site, id);
  if (suppress) fixes.push(suppress);
  return fixes;
}

function replaceFix(document: DocumentLike, site: StatusSite, replacement: Replacement, range: Range): Fix {
  const target = typeof replacement.code === 'number' ? describe(replacement.code) : replacement.code;
  const why = replacement.why ? ` (${replacement.why})` : '';
  // Issue 16: at a carrier's use, the project's own carrier of the new code, else an explanation.
  if (site.spelling.kind === 'carrier' && typeof replacement.code === 'number') {
    const carrier = carrierReplacement(document, site, replacement.code, target);
    if ('explain' in carrier) return { title: carrier.explain, kind: CodeActionKind.QuickFix, isPreferred: false };
    return {
      title: `Change ${site.text} to ${carrier.newText}, ${target}${why} (${carrier.where})`,
      kind: CodeActionKind.QuickFix,
      isPreferred: replacement.preferred,
      edit: { changes: { [document.uri]: [...carrier.edits, { range, newText: carrier.newText }] } },
    };
  }
  const newText = spell(site, replacement.code);
  if (newText === undefined) {
    // `throw new ConflictException()` to 424: NestJS has no such class, and a number cannot replace a class.
    return {
      title:
        site.spelling.kind === 'named'
          ? `${site.text} is the application's own type for ${site.code}: use (or add) one for ${target} by hand`
          : `The framework of ${site.text} has no class for ${target}: change it by hand (its generic HTTP exception takes the code)`,
      kind: CodeActionKind.QuickFix,
      isPreferred: false,
    };
  }
  if (site.spelling.kind === 'key' && site.scope.responses && keySet(site.scope.responses.keys).has(newText)) {
    // Renaming would make a duplicate key: say what to merge instead of breaking the spec.
    return {
      title: `${target} already exists in this operation: merge this ${site.text} response into it by hand`,
      kind: CodeActionKind.QuickFix,
      isPreferred: false,
    };
  }
  const edits: TextEdit[] = [{ range, newText }];
  // A bare imported class (`raise FailedDependency()`): import the new one beside it.
  const imported = site.spelling.kind === 'constant' ? site.spelling.import : undefined;
  if (imported && !imported.present.includes(newText)) {
    const at = document.positionAt(imported.offset);
    edits.unshift({ range: { start: at, end: at }, newText: imported.before + newText + imported.after });
  }
  return {
    title: `Change ${site.text} to ${target}${why}`,
    kind: CodeActionKind.QuickFix,
    isPreferred: replacement.preferred,
    edit: { changes: { [document.uri]: edits } },
  };
}

/**
 * The keys of a responses map as a set, built once per map (a finished scan never changes): `includes` for
 * every fix was quadratic in the size of the map.
 */
const keySets = new WeakMap<readonly string[], Set<string>>();
function keySet(keys: readonly string[]): Set<string> {
  let set = keySets.get(keys);
  if (!set) keySets.set(keys, (set = new Set(keys)));
  return set;
}

/**
 * The replacement written in the site's own spelling; a framework without a name for the code gets the number,
 * unless its names are classes (`raise web.HTTPFailedDependency()`): then there is none (undefined).
 */
function spell(site: StatusSite, code: number | string): string | undefined {
  if (site.spelling.kind === 'named') return undefined;
  if (site.spelling.kind !== 'constant' || typeof code !== 'number') return String(code);
  const member = knowledge.memberFor(site.spelling.scheme, code);
  if (member === undefined) return knowledge.schemeOf(site.spelling.scheme)?.constructs === true ? undefined : String(code);
  return site.spelling.qualifier + site.spelling.separator + member;
}

function suppressFix(document: DocumentLike, site: StatusSite, id: RuleId): Fix | undefined {
  const place = site.suppressAt;
  if (!place) return undefined;
  let edit: TextEdit;
  let title: string;
  if (place.kind === 'comment') {
    const position = { line: place.line, character: 0 };
    edit = { range: { start: position, end: position }, newText: `${place.indent}${place.prefix} ${DISABLE_NEXT_LINE} ${id}${place.eol}` };
    title = `Disable ${id} for this line`;
  } else {
    title = `Ignore ${id} for this response (x-http-status-lens-ignore)`;
    if (place.existing) {
      const ids = [...new Set([...place.existing.ids, id])];
      edit = {
        range: { start: document.positionAt(place.existing.start), end: document.positionAt(place.existing.end) },
        newText: JSON.stringify(ids).replace(/","/g, '", "'),
      };
    } else {
      const position = document.positionAt(place.offset);
      edit = {
        range: { start: position, end: position },
        newText: `${place.eol}${place.indent}"x-http-status-lens-ignore": ["${id}"]${place.emptyObject ? place.eol : ','}`,
      };
    }
  }
  return { title, kind: CodeActionKind.QuickFix, isPreferred: false, edit: { changes: { [document.uri]: [edit] } } };
}

/**
 * The quick fix at a carrier's use (issue 16): the project's own carrier of the suggested code when there is
 * one (`ConflictException` for `FailedDependencyException`), imported as the current one is; else the
 * framework's class for it, named; else an explanation. A number never replaces a class.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import * as knowledge from '../../knowledge';
import type { Carrier } from '../carriers';
import type { DocumentLike, StatusSite } from '../model';

export type CarrierReplacement = { newText: string; edits: TextEdit[]; where: string } | { explain: string };

export function carrierReplacement(document: DocumentLike, site: StatusSite, code: number, target: string): CarrierReplacement {
  const via = site.via!;
  const current = via.carrier;
  const other = via.carriersFor(code).find((c) => c.kind === current.kind && c.name !== current.name);
  if (!other) {
    const framework = frameworkClass(document, code);
    const alternative = framework ? `, or the framework's \`${framework}\`` : '';
    return {
      explain: `The project has no ${current.kind === 'class' ? 'class' : 'helper'} for ${target}: declare one as \`${current.name}\` is declared${alternative}, and use it here`,
    };
  }
  const where = `declared in ${via.where(other)}`;
  return { newText: other.name, edits: importEdits(document, current, other), where };
}

/**
 * The framework's class for a code in this file's language (NestJS `ConflictException`, werkzeug `Conflict`):
 * of a framework the file imports from if any, else of one whose classes are imported by name, else qualified.
 */
function frameworkClass(document: DocumentLike, code: number): string | undefined {
  const id = knowledge.resolveLanguageId(document.languageId, document.uri);
  const family = id && knowledge.language(id)?.family;
  if (!family) return undefined;
  const text = document.getText();
  const rank = (scheme: knowledge.SpellingScheme) => (scheme.imports?.some((m) => text.includes(m)) ? 0 : scheme.imports ? 1 : 2);
  const classes = knowledge
    .spellingsFor(family)
    .schemes.filter(({ id: scheme, scheme: data }) => data.constructs === true && knowledge.memberFor(scheme, code) !== undefined)
    .sort((a, b) => rank(a.scheme) - rank(b.scheme));
  const first = classes[0];
  if (!first) return undefined;
  const member = knowledge.memberFor(first.id, code)!;
  const qualifier = first.scheme.imports ? '' : (first.scheme.qualifiers[0] ?? '');
  return qualifier === '' ? member : `${qualifier}${first.scheme.separator}${member}`;
}

/**
 * The import the new name needs, written as the file imports the current one: beside it in the same statement
 * when both come from one module (`from app.errors import Locked, Conflict`, `import { A, B } from './errors'`),
 * a copy of its line when each has its own (`import com.x.errors.Conflict;`, `use App\Errors\Conflict;`).
 * Nothing when the file imports neither by name (same package, autoloaded, namespace-wide imports).
 */
function importEdits(document: DocumentLike, current: Carrier, other: Carrier): TextEdit[] {
  if (other.uri === document.uri) return [];
  const text = document.getText();
  const line = importLineOf(text, current.name);
  if (!line || importLineOf(text, other.name)) return [];
  const lineText = text.slice(line.start, line.end);
  if (other.uri === current.uri) {
    const at = line.start + line.nameAt + current.name.length;
    const position = document.positionAt(at);
    return [{ range: { start: position, end: position }, newText: `, ${other.name}` }];
  }
  const directory = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
  // The import names the class by a qualified path (`a.b.Name;`, a PHP `A\B\Name;`), which the copy repeats.
  let tail = lineText.trimEnd();
  if (tail.endsWith(';')) tail = tail.slice(0, -1).trimEnd();
  const qualified = tail.endsWith(`.${current.name}`) || tail.endsWith(`\\${current.name}`);
  if (directory(other.uri) !== directory(current.uri) || !qualified) return [];
  const copy = lineText.slice(0, line.nameAt) + other.name + lineText.slice(line.nameAt + current.name.length);
  const position = document.positionAt(line.end);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return [{ range: { start: position, end: position }, newText: eol + copy }];
}

/** The import line naming `name` as a whole word, and where the name is in it. */
function importLineOf(text: string, name: string): { start: number; end: number; nameAt: number } | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    if (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + name.length))) continue;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text[end - 1] === '\r') end--;
    const head = text.slice(start, Math.min(end, start + 12)).trimStart();
    if (/^(import|from|use|using|require)\b/.test(head)) return { start, end, nameAt: at - start };
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

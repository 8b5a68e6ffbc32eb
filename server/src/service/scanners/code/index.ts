/**
 * Status codes in source code. A number is a status code only in a status context from
 * data/frameworks.json (the argument of a status call, a value given to a status property or keyword, a
 * Flask-style `return body, 424`); a framework constant or symbol from data/spellings.json is one by its
 * qualified spelling. The lexer keeps strings and comments out of code; "HTTP 424" in them is a mention.
 *
 * The context of a site (its evidence, read by rules/evidence.ts; documented in docs/rules/424-without-dependency.md):
 * - its *message*: the string literals of the statement it is in (`res.status(424).json({ error: "..." })`);
 * - its *guards*: the branches and error handlers around it (blocks.ts), with the call and exception they handle;
 * - its *neighbours*: what the other statements of its block say;
 * - its *scope*: its handler — the outermost function around it, from the start of the statement that holds
 *   that function (so the route and the decorators count) to the function's end; the file without one. Only the
 *   header's words are read (scope.ts).
 */
import * as knowledge from '../../../knowledge';
import type { CarrierLookup } from '../../carriers';
import type { DocumentLike, ScannedDocument } from '../../model';
import { Suppressions } from '../suppressions';
import { assignIndentedScopes, declareResponses } from './indentation';
import { lex } from './lexer';
import { CodeScanner } from './scanner';

/** `text` is the document's text with lone CRs read as LFs (lines.ts). */
export function scanCode(document: DocumentLike, text: string, family: string, carriers?: CarrierLookup): ScannedDocument {
  const syntax = knowledge.syntaxOf(family);
  const contexts = knowledge.statusContextsOf(family);
  const scopes = knowledge.scopeSyntaxOf(family);
  if (!syntax || !contexts || !scopes) return { kind: 'none', sites: [] };
  const suppressions = new Suppressions(document, text);
  const scanner = new CodeScanner(text, contexts, knowledge.spellingsFor(family), scopes, suppressions, family, document.uri, carriers);
  lex(text, syntax, (kind, start, end) => scanner.token(kind, start, end));
  scanner.finish();
  const sites = scanner.sites.sort((a, b) => a.start - b.start);
  // A test states the statuses it expects, or stubs another service's answer: none is a response it sends.
  if (knowledge.isTestFile(document.uri, family))
    for (const site of sites) if (site.role === 'use') ((site.role = 'read'), (site.inTestFile = true));
  if (scopes.style === 'indentation')
    assignIndentedScopes(
      text,
      [...sites, ...scanner.slots],
      scanner.lines,
      scopes,
      scanner,
      knowledge.carrierShapesOf(family)?.handlerAnnotations,
    );
  else declareResponses(sites);
  suppressions.apply(sites, knowledge.commentPrefixOf(family));
  return {
    kind: 'code',
    sites,
    slots: scanner.slots,
    schemesSeen: [...new Set([...scanner.schemesUsed, ...scanner.schemesSeen])],
    schemesUsed: [...scanner.schemesUsed],
  };
}

/**
 * What must hold for ANY input, checked on one document: nothing throws, every range lies inside the
 * document and is the status token itself, quick fixes apply cleanly and change only the token they name
 * (or insert a suppression that then silences the site), the result still scans (and a spec that parsed
 * still parses, as the same OpenAPI version), and the same input gives the same answer.
 * Used by the bounded properties (service.test.ts), the hostile inputs and the long run.
 */
import assert from 'node:assert/strict';
import * as jsonc from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import * as YAML from 'yaml';
import * as knowledge from '../../server/src/knowledge';
import { type LanguageService, type ScannedDocument, type Settings, defaultSettings, getLanguageService } from '../../server/src/service';
import { withLfLineBreaks } from '../../server/src/service/lines';
import { TokenKind, lex } from '../../server/src/service/scanners/code/lexer';
import { visitYaml } from '../../server/src/service/outline';
import { ruleIds } from '../../server/src/service/rules';
import { readFile } from '../../server/src/routes';
import { WorkspaceModel } from '../../server/src/workspace/model';
import type { RuleId } from '../../server/src/service/rules';

export interface CheckOptions {
  /** How many positions (besides every site) to hover and complete at. */
  probes?: number;
  /** How many diagnostics to apply each quick fix of (the costly part). */
  fixLimit?: number;
  /** Deterministic choice of probe positions. */
  seed?: number;
  /** Skip the determinism check (a second service over the same text): for huge inputs. */
  shallow?: boolean;
}

export interface CheckReport {
  kind: string;
  sites: number;
  diagnostics: number;
  fixesApplied: number;
  /** The slowest single service call, ms. */
  slowestMs: number;
  slowestCall: string;
}

/** Every rule on: more findings, more fixes to check. */
export const allRulesOn: Settings = (() => {
  const settings = defaultSettings();
  for (const id of ruleIds) settings.rules[id] = 'warning';
  return settings;
})();

let uriCounter = 0;
const EXTENSIONS: Record<string, string> = {
  typescript: 'ts',
  typescriptreact: 'tsx',
  javascript: 'js',
  javascriptreact: 'jsx',
  python: 'py',
  go: 'go',
  java: 'java',
  kotlin: 'kt',
  csharp: 'cs',
  php: 'php',
  ruby: 'rb',
  rust: 'rs',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'jsonc',
};

export function fuzzUri(languageId: string): string {
  return `file:///fuzz/${++uriCounter}.${EXTENSIONS[languageId] ?? 'txt'}`;
}

export function makeDocument(languageId: string, text: string, version = 1, uri = fuzzUri(languageId)): TextDocument {
  return TextDocument.create(uri, languageId, version, text);
}

/** Line starts as TextDocument counts them (\r\n, \r and \n all end a line). */
function lineTable(text: string): { starts: number[]; contentEnds: number[] } {
  const starts = [0];
  const contentEnds: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      contentEnds.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  contentEnds.push(text.length);
  return { starts, contentEnds };
}

export class DocumentFacts {
  readonly lines: { starts: number[]; contentEnds: number[] };
  constructor(readonly text: string) {
    this.lines = lineTable(text);
  }

  /** The offset of a position, asserting the position is inside the document (not clamped into it). */
  offsetOf(position: Position, what: string): number {
    const { starts, contentEnds } = this.lines;
    assert.ok(
      Number.isInteger(position.line) && Number.isInteger(position.character),
      `${what}: position ${JSON.stringify(position)} is not integral`,
    );
    assert.ok(position.line >= 0 && position.line < starts.length, `${what}: line ${position.line} outside 0..${starts.length - 1}`);
    const start = starts[position.line];
    assert.ok(
      position.character >= 0 && start + position.character <= contentEnds[position.line],
      `${what}: character ${position.character} past the end of line ${position.line}`,
    );
    return start + position.character;
  }

  rangeOffsets(range: Range, what: string): { start: number; end: number } {
    const start = this.offsetOf(range.start, `${what} start`);
    const end = this.offsetOf(range.end, `${what} end`);
    assert.ok(start <= end, `${what}: range ends before it starts`);
    return { start, end };
  }
}

class Clock {
  slowestMs = 0;
  slowestCall = '';
  time<T>(call: string, run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      const ms = performance.now() - start;
      if (ms > this.slowestMs) ((this.slowestMs = ms), (this.slowestCall = call));
    }
  }
}

/** A tiny deterministic generator for probe positions (the input already is the random part). */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 2 ** 32);
}

export function checkDocument(languageId: string, text: string, options: CheckOptions = {}): CheckReport {
  const { probes = 8, fixLimit = 6, seed = text.length, shallow = false } = options;
  const clock = new Clock();
  const service = getLanguageService({ onRuleFault: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) });
  const doc = makeDocument(languageId, text);
  const facts = new DocumentFacts(text);

  const scanned = clock.time('scan', () => service.scan(doc));
  assert.ok(['openapi', 'code', 'none'].includes(scanned.kind), `unknown kind ${scanned.kind}`);
  let previous = -1;
  for (const site of scanned.sites) {
    assert.ok(site.start >= previous, 'sites are not sorted by start');
    previous = site.start;
    assert.ok(0 <= site.start && site.start <= site.end && site.end <= text.length, `site [${site.start}, ${site.end}) outside the text`);
    assert.equal(
      text.slice(site.start, site.end),
      site.text,
      `a site's range must be its token: [${site.start}, ${site.end}) is ${JSON.stringify(text.slice(site.start, site.end))}, the site says ${JSON.stringify(site.text)}`,
    );
  }
  const sitesAt = new Map(scanned.sites.filter((s) => s.role === 'use').map((s) => [`${s.start}:${s.end}`, s]));

  const diagnostics = clock.time('doValidation', () => service.doValidation(doc, allRulesOn));
  const seen = new Set<string>();
  for (const d of diagnostics) checkDiagnostic(d, facts, sitesAt, seen);
  clock.time('doValidation (defaults)', () => service.doValidation(doc, defaultSettings()));

  const random = lcg(seed);
  const offsets = [0, text.length, ...Array.from({ length: probes }, () => Math.floor(random() * (text.length + 1)))];
  for (const site of scanned.sites.slice(0, shallow ? 4 : 32)) offsets.push(site.start, site.end, (site.start + site.end) >> 1);
  // (Hover and completion probes are cheap; the fix checks below rescan the whole text per fix.)
  for (const offset of offsets) {
    const position = doc.positionAt(offset);
    const hover = clock.time('doHover', () => service.doHover(doc, position));
    if (hover) {
      assert.ok(hover.range, 'a hover has a range');
      const range = facts.rangeOffsets(hover.range, 'hover range');
      const at = doc.offsetAt(position);
      assert.ok(range.start <= at && at <= range.end, 'the hover range holds the hovered position');
      assert.ok(
        typeof (hover.contents as { value: string }).value === 'string' && (hover.contents as { value: string }).value.length > 0,
        'empty hover',
      );
    }
    const completion = clock.time('doComplete', () => service.doComplete(doc, position));
    for (const item of completion?.items.slice(0, 3) ?? []) {
      const edit = item.textEdit as TextEdit | undefined;
      if (!edit) continue;
      const range = facts.rangeOffsets(edit.range, 'completion edit');
      const at = doc.offsetAt(position);
      assert.ok(
        range.start <= at && at <= range.end,
        `completion edit range [${range.start}, ${range.end}] does not hold the cursor ${at}`,
      );
    }
  }

  if (!shallow) {
    const again = getLanguageService();
    const twice = clock.time('doValidation (fresh service)', () => again.doValidation(makeDocument(languageId, text), allRulesOn));
    assert.deepEqual(strip(twice), strip(diagnostics), 'the same input gave a different answer');
  }
  // The server's own passes over the same text (the route join of issue 17, the workspace's carriers of
  // issue 16): a hostile input must not hang them either (a one-line spec once took 9 s in the join alone).
  clock.time('routes', () => readFile(doc, service));
  clock.time('carriers', () => new WorkspaceModel().update(doc.uri, text, languageId));
  let fixesApplied = 0;
  const actions = service.doCodeActions(doc, diagnostics.slice(0, fixLimit), diagnostics);
  for (const action of actions) fixesApplied += checkAction(action, languageId, text, doc, scanned, facts, clock) ? 1 : 0;
  return {
    kind: scanned.kind,
    sites: scanned.sites.length,
    diagnostics: diagnostics.length,
    fixesApplied,
    slowestMs: clock.slowestMs,
    slowestCall: clock.slowestCall,
  };
}

function checkDiagnostic(d: Diagnostic, facts: DocumentFacts, sitesAt: Map<string, { text: string }>, seen: Set<string>): void {
  const range = facts.rangeOffsets(d.range, 'diagnostic range');
  const key = `${range.start}:${range.end}`;
  assert.ok(sitesAt.has(key), `diagnostic ${d.code} at [${key}] is not on a status site`);
  assert.ok(!seen.has(key), `two diagnostics on the site at [${key}]`);
  seen.add(key);
  assert.equal(d.source, 'http-status-lens');
  assert.ok(ruleIds.includes(d.code as RuleId), `unknown rule id ${String(d.code)}`);
  assert.ok(d.codeDescription?.href.endsWith(`/${String(d.code)}.md`), 'codeDescription links the rule page');
  assert.ok(typeof d.message === 'string' && d.message.length > 0, 'a diagnostic has a message');
  assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, 'severity');
}

/** Diagnostics without what legitimately differs between two documents (the uri inside fix edits). */
function strip(diagnostics: Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics).replace(/file:\/\/\/fuzz\/\d+\.\w+/g, 'URI'));
}

const SUPPRESSION = /http-status-lens-disable-next-line|x-http-status-lens-ignore/;

/** Applies one code action and checks what it did; returns whether it had an edit. */
function checkAction(
  action: CodeAction,
  languageId: string,
  text: string,
  doc: TextDocument,
  before: ScannedDocument,
  facts: DocumentFacts,
  clock: Clock,
): boolean {
  const diagnostic = action.diagnostics?.[0];
  assert.ok(diagnostic, `action "${action.title}" names its diagnostic`);
  if (!action.edit) return false; // an explanation only (e.g. "merge into the existing 409 by hand")
  const uris = Object.keys(action.edit.changes ?? {});
  assert.deepEqual(uris, [doc.uri], `action "${action.title}" edits exactly this document`);
  assert.equal(action.edit.documentChanges, undefined);
  const edits = action.edit.changes![doc.uri];
  assert.equal(edits.length, 1, `action "${action.title}" makes one edit`);
  const edit = edits[0];
  const { start, end } = facts.rangeOffsets(edit.range, `edit of "${action.title}"`);
  const site = facts.rangeOffsets(diagnostic.range, 'diagnostic');
  const after = TextDocument.applyEdits(doc, edits);
  assert.equal(after, text.slice(0, start) + edit.newText + text.slice(end), 'applyEdits agrees with the edit offsets');
  const service = getLanguageService();
  const afterDoc = makeDocument(languageId, after);
  const rescanned = clock.time('scan after fix', () => service.scan(afterDoc));
  assert.equal(rescanned.kind, before.kind, `"${action.title}" changed what the file is (${before.kind} -> ${rescanned.kind})`);
  const usesBefore = before.sites.filter((s) => s.role === 'use').length;
  const usesAfter = rescanned.sites.filter((s) => s.role === 'use').length;
  // In a spec with syntax errors, any edit can change how the parser recovers (and so which keys it sees):
  // the site count, and a suppression's effect, are only held to in specs that parse.
  const countsHold = before.kind !== 'openapi' || (text.length < 50_000 && specFacts(languageId, text).clean);

  if (end <= site.start || start >= site.end) {
    // A suppression: inserted (or an existing ignore list rewritten) away from the status token...
    assert.ok(
      edit.newText.includes(`"${String(diagnostic.code)}"`) ||
        (SUPPRESSION.test(edit.newText) && edit.newText.includes(String(diagnostic.code))),
      `"${action.title}" edits away from the status token but writes no suppression of ${String(diagnostic.code)}: ${JSON.stringify(edit.newText)}`,
    );
    if (countsHold)
      assert.equal(
        usesAfter,
        usesBefore,
        `suppression "${action.title}" changed the number of status sites (${usesBefore} -> ${usesAfter}) at offset ${site.start}`,
      );
    // A comment adds a comment and nothing else: it must not land inside a string or change how the rest reads.
    if (countsHold && edit.newText.includes('disable-next-line'))
      assert.deepEqual(
        programTokens(languageId, after),
        programTokens(languageId, text),
        `suppression "${action.title}" changed the program's tokens at offset ${site.start}`,
      );
    // ...and it silences the site it was offered for.
    const shift = start <= site.start ? edit.newText.length - (end - start) : 0;
    const stillThere = service
      .doValidation(afterDoc, allRulesOn)
      .find((d) => d.code === diagnostic.code && afterDoc.offsetAt(d.range.start) === site.start + shift);
    if (countsHold) assert.equal(stillThere, undefined, `suppression "${action.title}" did not silence the site at offset ${site.start}`);
  } else {
    // A replacement: exactly the status token, by another status token, still recognised as one.
    assert.deepEqual([start, end], [site.start, site.end], `fix "${action.title}" replaces exactly the status token`);
    assert.match(
      edit.newText,
      /^(?:[1-5][0-9]{2}|[1-5]XX|[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::|->|:)[A-Za-z_][A-Za-z0-9_]*)*|:[a-z_]+)$/,
      `fix "${action.title}" writes a status token`,
    );
    // A framework constant with no name for the new code is replaced by the bare number, which outside a
    // status context (`return HttpServletResponse.SC_CONFLICT;`) is rightly no status site any more.
    const original = before.sites.find((s) => s.role === 'use' && s.start === start);
    if (original?.spelling.kind === 'constant' && /^[0-9]{3}$/.test(edit.newText)) return true;
    if (countsHold)
      assert.equal(usesAfter, usesBefore, `fix "${action.title}" changed the number of status sites (${usesBefore} -> ${usesAfter})`);
    const replaced = rescanned.sites.find((s) => s.role === 'use' && s.start === start);
    assert.ok(
      replaced && replaced.text === edit.newText,
      `fix "${action.title}": ${JSON.stringify(edit.newText)} is not recognised as a status code where it was written`,
    );
  }
  // (The yaml package is slow on huge hostile inputs; the property runs cover small specs thoroughly.)
  if (before.kind === 'openapi' && text.length < 50_000) checkSpecStillParses(languageId, text, after, action.title);
  return true;
}

/** What a text says apart from its comments and line breaks: the lexer's tokens (code) or the outline's events (YAML). */
function programTokens(languageId: string, text: string): string[] {
  const lf = withLfLineBreaks(text);
  const tokens: string[] = [];
  if (languageId === 'yaml') {
    const event =
      (name: string) =>
      (value?: unknown): void =>
        void tokens.push(`${name} ${typeof value === 'string' ? value : ''}`);
    visitYaml(lf, {
      onDocumentBegin: event('document'),
      onObjectBegin: event('{'),
      onObjectEnd: event('}'),
      onArrayBegin: event('['),
      onArrayEnd: event(']'),
      onObjectProperty: event('key'),
      onLiteralValue: event('value'),
      onAlias: event('alias'),
    });
    return tokens;
  }
  const syntax = knowledge.syntaxOf(knowledge.language(languageId)?.family ?? '');
  if (syntax)
    lex(lf, syntax, (kind, start, end) => {
      if (kind !== TokenKind.Comment && kind !== TokenKind.Newline) tokens.push(`${kind} ${lf.slice(start, end)}`);
    });
  return tokens;
}

/** A spec that parsed cleanly still does after the fix, as the same OpenAPI/Swagger version. */
function checkSpecStillParses(languageId: string, before: string, after: string, title: string): void {
  const a = specFacts(languageId, before);
  if (!a.clean) return;
  const b = specFacts(languageId, after);
  assert.ok(b.clean, `"${title}" broke a spec that parsed: ${b.error}`);
  assert.deepEqual(b.versions, a.versions, `"${title}" changed the spec's version`);
}

export function specFacts(languageId: string, text: string): { clean: boolean; versions: string[]; error?: string } {
  try {
    if (languageId === 'yaml') {
      // A lone CR is a YAML 1.2 line break (and the scanner's); the yaml package reads it as text (eemeli/yaml#595).
      const docs = YAML.parseAllDocuments(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, maxAliasCount: -1 } as YAML.ParseOptions);
      if (!Array.isArray(docs)) return { clean: false, versions: [] };
      const error = docs.flatMap((d) => d.errors).map((e) => e.message)[0];
      const versions = docs.map((d) => {
        const root = d.contents;
        if (!YAML.isMap(root)) return '';
        return String(root.get('openapi') ?? root.get('swagger') ?? '');
      });
      return { clean: error === undefined, versions, error };
    }
    const errors: jsonc.ParseError[] = [];
    const tree = jsonc.parseTree(text, errors, { allowTrailingComma: languageId === 'jsonc', disallowComments: languageId === 'json' });
    if (errors.length > 0 || !tree)
      return { clean: false, versions: [], error: errors.map((e) => jsonc.printParseErrorCode(e.error)).join(', ') };
    const duplicate = findDuplicateKey(tree);
    if (duplicate) return { clean: false, versions: [], error: `duplicate key ${duplicate}` };
    const version = jsonc.findNodeAtLocation(tree, ['openapi']) ?? jsonc.findNodeAtLocation(tree, ['swagger']);
    return { clean: true, versions: [String(version?.value ?? '')] };
  } catch (error) {
    // A parser that cannot cope (stack overflow on deep nesting) means: no clean baseline to compare.
    return { clean: false, versions: [], error: String(error) };
  }
}

function findDuplicateKey(node: jsonc.Node): string | undefined {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'object') {
      const names = new Set<string>();
      for (const property of current.children ?? []) {
        const name = property.children?.[0]?.value as string;
        if (names.has(name)) return name;
        names.add(name);
      }
    }
    stack.push(...(current.children ?? []));
  }
  return undefined;
}

export { ruleIds };
export type { LanguageService };

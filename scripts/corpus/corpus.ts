/**
 * The installed corpus (scripts/corpus/fetch.mjs) as a list of source files, and the independent
 * candidate search used for recall. Shared by measure.ts and sample.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

export const root = join(__dirname, '..', '..');
export const corpusDir = join(root, '.bench/corpus');

export interface CorpusPackage {
  source: 'npm' | 'deb' | 'deb-src';
  name: string;
  version: string;
  include?: string[];
  exclude?: string[];
  tags?: string[];
}

export interface CorpusFile {
  pkg: CorpusPackage;
  /** `name@version`, the key labels use. */
  pkgId: string;
  /** Relative to the package root, with `/`. */
  path: string;
  abs: string;
  languageId: string;
  family: string;
}

/** Templates that share a code extension but are not code (their editors use another language id). */
const TEMPLATES = ['.blade.php', '.html.php', '.phtml'];

/** Files larger than this are left out (generated tables, bundles). */
const MAX_BYTES = 1024 * 1024;

export function loadPackages(): CorpusPackage[] {
  return JSON.parse(readFileSync(join(root, 'scripts/corpus/packages.json'), 'utf8')).packages;
}

/** The same layout as fetch.mjs's packageDir. */
export function packageDir(pkg: CorpusPackage): string {
  return join(corpusDir, pkg.source, `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

export function pkgId(pkg: CorpusPackage): string {
  return `${pkg.name}@${pkg.version}`;
}

/** Extension -> languageId, from data/languages.json (code families only: OpenAPI files are not in this corpus). */
function codeExtensions(): Map<string, { languageId: string; family: string }> {
  const data = JSON.parse(readFileSync(join(root, 'data/languages.json'), 'utf8'));
  const map = new Map<string, { languageId: string; family: string }>();
  for (const [languageId, language] of Object.entries<{ family: string; extensions: string[] }>(data.languages)) {
    if (language.family === 'openapi') continue;
    for (const ext of language.extensions) map.set(ext, { languageId, family: language.family });
  }
  return map;
}

/** Bundles and generated files: a `.min.` name, declaration files, or very long lines on average. */
function looksGenerated(name: string, text: string): boolean {
  if (name.includes('.min.') || name.endsWith('.d.ts') || name.endsWith('.d.mts') || name.endsWith('.d.cts')) return true;
  const lines = text.length === 0 ? 1 : text.split('\n').length;
  return text.length / lines > 250;
}

export function listFiles(packages: CorpusPackage[] = loadPackages()): { files: CorpusFile[]; missing: CorpusPackage[] } {
  const extensions = codeExtensions();
  const files: CorpusFile[] = [];
  const missing: CorpusPackage[] = [];
  for (const pkg of packages) {
    const dir = packageDir(pkg);
    if (!existsSync(join(dir, '.corpus-done'))) {
      missing.push(pkg);
      continue;
    }
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const abs = join(d, entry.name);
        const rel = relative(dir, abs).split('\\').join('/');
        if (entry.isDirectory()) {
          if (entry.name === 'node_modules' || entry.name === '.git') continue;
          if (pkg.exclude?.some((p) => (rel + '/').startsWith(p))) continue;
          walk(abs);
          continue;
        }
        if (!entry.isFile()) continue;
        const language = extensions.get(extname(entry.name));
        if (!language || TEMPLATES.some((suffix) => entry.name.endsWith(suffix))) continue;
        if (pkg.include && !pkg.include.some((p) => rel.startsWith(p))) continue;
        if (pkg.exclude?.some((p) => rel.startsWith(p))) continue;
        if (statSync(abs).size > MAX_BYTES) continue;
        files.push({ pkg, pkgId: pkgId(pkg), path: rel, abs, ...language });
      }
    };
    walk(dir);
  }
  return { files, missing };
}

const textCache = new Map<string, string>();
export function readText(file: CorpusFile): string {
  let text = textCache.get(file.abs);
  if (text === undefined) {
    text = readFileSync(file.abs, 'utf8');
    textCache.set(file.abs, text);
  }
  return text;
}

export function isGenerated(file: CorpusFile): boolean {
  return looksGenerated(file.path, readText(file));
}

// --- the independent candidate search (recall) -------------------------------------------------

/**
 * IANA-registered codes, written out here rather than read from data/ so that the candidate search does
 * not share the scanner's knowledge.
 */
export const REGISTERED = new Set([
  100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403,
  404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502,
  503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Reason phrases in every casing frameworks use for constant names (words run together, lower case). */
const REASONS = [
  'continue',
  'switchingprotocols',
  'processing',
  'earlyhints',
  'ok',
  'created',
  'accepted',
  'nonauthoritativeinformation',
  'nonauthoritativeinfo',
  'nocontent',
  'resetcontent',
  'partialcontent',
  'multistatus',
  'alreadyreported',
  'imused',
  'multiplechoices',
  'ambiguous',
  'movedpermanently',
  'moved',
  'found',
  'seeother',
  'notmodified',
  'useproxy',
  'temporaryredirect',
  'permanentredirect',
  'badrequest',
  'unauthorized',
  'paymentrequired',
  'forbidden',
  'notfound',
  'methodnotallowed',
  'notacceptable',
  'proxyauthenticationrequired',
  'proxyauthrequired',
  'requesttimeout',
  'conflict',
  'gone',
  'lengthrequired',
  'preconditionfailed',
  'payloadtoolarge',
  'contenttoolarge',
  'requestentitytoolarge',
  'uritoolong',
  'requesturitoolong',
  'unsupportedmediatype',
  'rangenotsatisfiable',
  'requestedrangenotsatisfiable',
  'expectationfailed',
  'imateapot',
  'misdirectedrequest',
  'unprocessableentity',
  'unprocessablecontent',
  'locked',
  'faileddependency',
  'tooearly',
  'upgraderequired',
  'preconditionrequired',
  'toomanyrequests',
  'requestheaderfieldstoolarge',
  'unavailableforlegalreasons',
  'internalservererror',
  'internalerror',
  'notimplemented',
  'badgateway',
  'serviceunavailable',
  'gatewaytimeout',
  'httpversionnotsupported',
  'variantalsonegotiates',
  'insufficientstorage',
  'loopdetected',
  'notextended',
  'networkauthenticationrequired',
];
const reasonSet = new Set(REASONS);

export interface Candidate {
  start: number;
  end: number;
  text: string;
  kind: 'number' | 'name';
}

/**
 * Every registered 3-digit code written as an integer, and every identifier (with its qualifier) whose
 * last part is a reason phrase (`NOT_FOUND`, `NotFound`, `not_found`, `:not_found`, `StatusNotFound`,
 * `HTTP_404_NOT_FOUND`, `SC_NOT_FOUND`, `Status404NotFound`, `NOT_FOUND_404`). Plain text search: strings
 * and comments are not excluded here but by the person labelling, so the search does not share the
 * scanner's lexer.
 */
export function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const number = /(?<![\w.$])([1-5]\d\d)(?![\w.$])/g;
  for (let m; (m = number.exec(text));) {
    if (REGISTERED.has(Number(m[1]))) found.push({ start: m.index, end: m.index + 3, text: m[1], kind: 'number' });
  }
  const word = /(?<![\w$])[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*/g;
  for (let m; (m = word.exec(text));) {
    const parts = m[0].split(/\.|::/);
    const last = parts[parts.length - 1];
    const stripped = last
      .replace(/^(http_?status_?|status_?code_?|status_?|http_?|sc_|status_)/i, '')
      .replace(/^\d{3}_?/, '')
      .replace(/_?\d{3}$/, '');
    const bare = stripped.replace(/_/g, '').toLowerCase();
    if (!reasonSet.has(bare)) continue;
    // Bare common words need a status-looking spelling: a prefix, a qualifier, all caps, or a code in it
    // (`Ok(x)` in Rust and a variable `found` are not candidates; `StatusOK`, `HttpStatus.OK`, `NOT_FOUND` are).
    const decorated = stripped !== last || parts.length > 1 || /\d{3}/.test(last) || /^[A-Z_]+$/.test(last);
    const symbol = text[m.index - 1] === ':' && text[m.index - 2] !== ':';
    if (!decorated && !symbol) continue;
    const start = symbol ? m.index - 1 : m.index;
    found.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), kind: 'name' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A small seeded PRNG (mulberry32), so samples are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

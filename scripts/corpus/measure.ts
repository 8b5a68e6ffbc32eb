/**
 * Precision and recall of the code scanner on the corpus, from the judged sample in
 * test/corpus/labels.json, and every 424 finding in the WebDAV / batch packages.
 *
 *   node scripts/corpus/fetch.mjs                       # once: installs .bench/corpus/
 *   node --import tsx scripts/corpus/measure.ts [--list] [--json FILE]
 *
 * --list prints every missed status code (recall) and every false positive (precision).
 * Labels whose file or line no longer holds their token are reported as stale, never dropped silently.
 */
import { writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type StatusSite, getLanguageService } from '../../server/src/service';
import { type CorpusFile, candidates, isGenerated, listFiles, loadPackages, pkgId, readText } from './corpus';
import { type Label, loadLabels } from './labels';

const args = process.argv.slice(2);
const listAll = args.includes('--list');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const FAMILIES = ['javascript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'];
const service = getLanguageService({ onRuleFault: (id, error) => console.error(`rule ${id} threw: ${String(error)}`) });

// --- scan the corpus ---------------------------------------------------------------------------

const packages = loadPackages();
const { files, missing } = listFiles(packages);
if (files.length === 0) {
  console.error('The corpus is not installed: run `node scripts/corpus/fetch.mjs` first.');
  process.exit(2);
}
if (missing.length) console.log(`! ${missing.length} packages not installed: ${missing.map(pkgId).join(', ')}\n`);

interface Scanned {
  file: CorpusFile;
  document: TextDocument;
  uses: StatusSite[];
  found: StatusSite[];
}
const scanned = new Map<string, Scanned>();
const perFamily = new Map<string, { files: number; bytes: number; uses: number; numbers: number; ms: number }>();
let totalMs = 0;
let totalBytes = 0;
let generated = 0;
for (const file of files) {
  if (isGenerated(file)) {
    generated++;
    continue;
  }
  const text = readText(file);
  const document = TextDocument.create(`file:///corpus/${file.pkgId}/${file.path}`, file.languageId, 1, text);
  const started = performance.now();
  const sites = service.scan(document).sites;
  const ms = performance.now() - started;
  // A status read (compared, switched on) is recognised as much as one set: both count as reported.
  const uses = sites.filter((s) => s.role !== 'mention');
  // Recall also counts hover-only sites in code (a comparison with a status property); candidates leave
  // comments and strings out, so prose mentions never meet one.
  scanned.set(`${file.pkgId}\t${file.path}`, { file, document, uses, found: sites });
  const stats = perFamily.get(file.family) ?? { files: 0, bytes: 0, uses: 0, numbers: 0, ms: 0 };
  stats.files++;
  stats.bytes += text.length;
  stats.uses += uses.length;
  stats.numbers += uses.filter((s) => s.spelling.kind === 'number').length;
  stats.ms += ms;
  perFamily.set(file.family, stats);
  totalMs += ms;
  totalBytes += text.length;
}

// --- labels against the current scan ----------------------------------------------------------

interface Located {
  label: Label;
  family: string;
  scan: Scanned;
  start: number;
  end: number;
  lineText: string;
}
const stale: { kind: string; label: Label; why: string }[] = [];

function locate(kind: string, label: Label): Located | undefined {
  const scan = scanned.get(`${label.pkg}\t${label.path}`);
  if (!scan) {
    stale.push({ kind, label, why: 'file not in the corpus' });
    return undefined;
  }
  const text = scan.document.getText();
  const lineCount = scan.document.lineCount;
  if (label.line < 1 || label.line > lineCount) {
    stale.push({ kind, label, why: 'line out of range' });
    return undefined;
  }
  const lineStart = scan.document.offsetAt({ line: label.line - 1, character: 0 });
  const lineEnd = label.line < lineCount ? scan.document.offsetAt({ line: label.line, character: 0 }) : text.length;
  const lineText = text.slice(lineStart, lineEnd);
  let at = -1;
  for (let n = 0; n < (label.nth ?? 1); n++) {
    at = lineText.indexOf(label.text, at + 1);
    if (at < 0) break;
  }
  if (at < 0) {
    stale.push({ kind, label, why: `token not on line ${label.line}` });
    return undefined;
  }
  return {
    label,
    family: scan.file.family,
    scan,
    start: lineStart + at,
    end: lineStart + at + label.text.length,
    lineText: lineText.trim(),
  };
}

const overlaps = (site: StatusSite, at: Located) => site.start < at.end && at.start < site.end;
const labels = loadLabels();

// Precision: a judged site counts if the scanner still reports it (same token on the same line).
const precision = new Map<string, { judged: number; falses: number; strata: Map<string, { judged: number; falses: number }> }>();
const falsePositives: Located[] = [];
const noLongerReported: Located[] = [];
for (const label of labels.precision) {
  const at = locate('precision', label);
  if (!at) continue;
  const site = at.scan.uses.find((s) => s.start === at.start && s.end === at.end) ?? at.scan.uses.find((s) => overlaps(s, at));
  if (!site) {
    noLongerReported.push(at);
    continue;
  }
  const stratum = site.spelling.kind === 'number' ? 'number' : 'constant';
  const entry = precision.get(at.family) ?? { judged: 0, falses: 0, strata: new Map() };
  const s = entry.strata.get(stratum) ?? { judged: 0, falses: 0 };
  entry.judged++;
  s.judged++;
  if (label.status === false) {
    entry.falses++;
    s.falses++;
    falsePositives.push(at);
  }
  entry.strata.set(stratum, s);
  precision.set(at.family, entry);
}

// Recall: a status code in code is found when a reported use overlaps its token.
type UseKind = NonNullable<Label['use']>;
const USE_KINDS: UseKind[] = ['emit', 'check', 'define', 'named'];
const recall = new Map<string, Map<UseKind, { found: number; total: number }>>();
const misses: Located[] = [];
let judgedCandidates = 0;
for (const label of labels.recall) {
  const at = locate('recall', label);
  if (!at) continue;
  judgedCandidates++;
  if (label.status !== true) continue;
  const kinds = recall.get(at.family) ?? new Map();
  const use = label.use ?? 'emit';
  const entry = kinds.get(use) ?? { found: 0, total: 0 };
  entry.total++;
  if (at.scan.found.some((s) => overlaps(s, at))) entry.found++;
  else misses.push(at);
  kinds.set(use, entry);
  recall.set(at.family, kinds);
}

// --- 424 in WebDAV / batch code -----------------------------------------------------------------

const tagged = new Set(packages.filter((p) => p.tags?.length).map(pkgId));
const findings424: { file: CorpusFile; line: number; rule: string; message: string; text: string; tagged: boolean }[] = [];
const uses424 = new Map<string, number>();
const validatedFiles = { tagged: 0, all: 0 };
for (const { file, document, uses } of scanned.values()) {
  const has424 = uses.filter((s) => s.code === 424);
  if (tagged.has(file.pkgId)) {
    validatedFiles.tagged++;
    if (has424.length) uses424.set(file.pkgId, (uses424.get(file.pkgId) ?? 0) + has424.length);
  }
  if (!has424.length && !tagged.has(file.pkgId)) continue;
  validatedFiles.all++;
  for (const d of service.doValidation(document)) {
    const rule = String(d.code);
    if (!rule.startsWith('424-')) continue;
    const line = d.range.start.line + 1;
    findings424.push({
      file,
      line,
      rule,
      message: d.message,
      text: document.getText().split('\n')[line - 1].trim(),
      tagged: tagged.has(file.pkgId),
    });
  }
}

// --- report -------------------------------------------------------------------------------------

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function wilson(successes: number, n: number): string {
  if (n === 0) return '';
  const z = 1.96;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return `[${(100 * (centre - half)).toFixed(1)}–${(100 * Math.min(1, centre + half)).toFixed(1)}]`;
}
/** Precision weighted by how many reported uses of each spelling kind (numbers, constants) the family has. */
function weighted(family: string): number | undefined {
  const entry = precision.get(family);
  const stats = perFamily.get(family);
  if (!entry || !stats) return undefined;
  let sum = 0;
  let weight = 0;
  for (const [stratum, s] of entry.strata) {
    const population = stratum === 'number' ? stats.numbers : stats.uses - stats.numbers;
    sum += population * ((s.judged - s.falses) / s.judged);
    weight += population;
  }
  return weight ? sum / weight : undefined;
}

console.log(
  `Corpus: ${packages.length} packages, ${scanned.size} code files (${(totalBytes / 1e6).toFixed(1)} MB; ${generated} generated or minified files left out)`,
);
console.log(
  `Scan: ${(totalMs / 1000).toFixed(2)} s, ${Math.round(scanned.size / (totalMs / 1000))} files/s, ${(totalBytes / 1e6 / (totalMs / 1000)).toFixed(1)} MB/s\n`,
);

const header = [
  'family',
  'files',
  'uses',
  'P judged',
  'P false',
  'precision',
  'weighted',
  'R found/true',
  'recall',
  'emit',
  'check',
  'define',
  'named',
];
const rows: string[][] = [];
const totals = { judged: 0, falses: 0, found: 0, total: 0, kinds: new Map<UseKind, { found: number; total: number }>() };
let weightedSum = 0;
let weightedPopulation = 0;
for (const family of FAMILIES) {
  const stats = perFamily.get(family) ?? { files: 0, bytes: 0, uses: 0, numbers: 0, ms: 0 };
  const p = precision.get(family);
  const kinds = recall.get(family) ?? new Map<UseKind, { found: number; total: number }>();
  let found = 0;
  let total = 0;
  for (const [kind, k] of kinds) {
    found += k.found;
    total += k.total;
    const t = totals.kinds.get(kind) ?? { found: 0, total: 0 };
    t.found += k.found;
    t.total += k.total;
    totals.kinds.set(kind, t);
  }
  totals.judged += p?.judged ?? 0;
  totals.falses += p?.falses ?? 0;
  totals.found += found;
  totals.total += total;
  const w = weighted(family);
  if (w !== undefined) {
    weightedSum += w * stats.uses;
    weightedPopulation += stats.uses;
  }
  rows.push([
    family,
    String(stats.files),
    String(stats.uses),
    String(p?.judged ?? 0),
    String(p?.falses ?? 0),
    p ? pct(p.judged - p.falses, p.judged) : '   —  ',
    w === undefined ? '   —  ' : pct(w, 1),
    `${found}/${total}`,
    pct(found, total),
    ...USE_KINDS.map((k) => (kinds.get(k) ? `${kinds.get(k)!.found}/${kinds.get(k)!.total}` : '—')),
  ]);
}
rows.push([
  'overall',
  String(scanned.size),
  String([...perFamily.values()].reduce((a, s) => a + s.uses, 0)),
  String(totals.judged),
  String(totals.falses),
  pct(totals.judged - totals.falses, totals.judged),
  weightedPopulation ? pct(weightedSum / weightedPopulation, 1) : '   —  ',
  `${totals.found}/${totals.total}`,
  pct(totals.found, totals.total),
  ...USE_KINDS.map((k) => (totals.kinds.get(k) ? `${totals.kinds.get(k)!.found}/${totals.kinds.get(k)!.total}` : '—')),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const format = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(format(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(format(r));
console.log(
  `\nprecision: ${totals.judged - totals.falses}/${totals.judged} judged sites are status codes, 95% CI ${wilson(totals.judged - totals.falses, totals.judged)}` +
    `; weighted = by each family's share of number and constant sites`,
);
console.log(
  `recall: ${totals.found}/${totals.total} status codes found among ${judgedCandidates} judged candidates, 95% CI ${wilson(totals.found, totals.total)}` +
    `; emit ${pct(totals.kinds.get('emit')?.found ?? 0, totals.kinds.get('emit')?.total ?? 0).trim()} (the uses the rules judge)`,
);

if (noLongerReported.length) {
  console.log(`\n${noLongerReported.length} judged sites no longer reported as uses (not counted):`);
  for (const at of noLongerReported) console.log(`  ${at.label.pkg} ${at.label.path}:${at.label.line} «${at.label.text}»`);
}
if (stale.length) {
  console.log(`\n${stale.length} STALE labels (file or line no longer matches; not counted):`);
  for (const s of stale) console.log(`  [${s.kind}] ${s.label.pkg} ${s.label.path}:${s.label.line} «${s.label.text}»: ${s.why}`);
}
if (listAll) {
  console.log(`\nFalse positives in the precision sample (${falsePositives.length}):`);
  for (const at of falsePositives)
    console.log(
      `  [${at.family}] ${at.label.pkg} ${at.label.path}:${at.label.line} «${at.label.text}» ${at.label.reason ?? ''}\n      ${at.lineText.slice(0, 160)}`,
    );
  console.log(`\nStatus codes missed (${misses.length}):`);
  for (const at of misses.sort((a, b) => a.family.localeCompare(b.family) || (a.label.use ?? '').localeCompare(b.label.use ?? '')))
    console.log(
      `  [${at.family}/${at.label.use}] ${at.label.pkg} ${at.label.path}:${at.label.line} «${at.label.text}»\n      ${at.lineText.slice(0, 160)}`,
    );
}

console.log(`\n424 in WebDAV / batch packages (${[...tagged].join(', ')}): ${validatedFiles.tagged} files validated`);
for (const id of tagged) console.log(`  ${id}: ${uses424.get(id) ?? 0} uses of 424 recognised`);
// Every 424 written in code of those packages (the independent search), and whether the scanner sees it.
const dav424: { file: CorpusFile; line: number; text: string; recognised: boolean; lineText: string }[] = [];
for (const { file, document, uses } of scanned.values()) {
  if (!tagged.has(file.pkgId)) continue;
  const text = document.getText();
  for (const c of candidates(text)) {
    if (c.text !== '424' && !/faileddependency|failed_dependency/i.test(c.text)) continue;
    const line = document.positionAt(c.start).line + 1;
    const lineText = text.split('\n')[line - 1].trim();
    if (
      /^(\*|\/\/|#|\/\*)/.test(lineText) ||
      (c.text === '424' && /["'`][^"'`]*424[^"'`]*["'`]/.test(lineText) && !/\b424\s*=>|\[424\]|\(424\)/.test(lineText))
    )
      continue;
    dav424.push({ file, line, text: c.text, recognised: uses.some((u) => u.start < c.end && c.start < u.end), lineText });
  }
}
console.log(
  `  424 written in their code (comments and strings left out): ${dav424.length}, recognised by the scanner: ${dav424.filter((d) => d.recognised).length}`,
);
for (const d of dav424)
  console.log(`    ${d.recognised ? 'seen  ' : 'unseen'} ${d.file.pkgId} ${d.file.path}:${d.line}  ${d.lineText.slice(0, 120)}`);
const taggedFindings = findings424.filter((f) => f.tagged);
console.log(
  taggedFindings.length
    ? `  ${taggedFindings.length} 424 findings (judge each: a correct WebDAV/batch 424 must not be flagged):`
    : '  no 424 findings',
);
for (const f of taggedFindings)
  console.log(`    ${f.file.pkgId} ${f.file.path}:${f.line} ${f.rule}: ${f.message}\n        ${f.text.slice(0, 160)}`);
const otherFindings = findings424.filter((f) => !f.tagged);
console.log(`424 findings elsewhere in the corpus: ${otherFindings.length}`);
for (const f of otherFindings) console.log(`    ${f.file.pkgId} ${f.file.path}:${f.line} ${f.rule}\n        ${f.text.slice(0, 160)}`);

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        files: scanned.size,
        bytes: totalBytes,
        scanSeconds: totalMs / 1000,
        precision: Object.fromEntries([...precision].map(([f, p]) => [f, { judged: p.judged, falses: p.falses, weighted: weighted(f) }])),
        recall: Object.fromEntries([...recall].map(([f, k]) => [f, Object.fromEntries(k)])),
        stale: stale.length,
        findings424,
      },
      null,
      2,
    ),
  );
}

/**
 * Judges the rules against the judgement corpus (issue 14): every labelled site in test/judgement/labels.json
 * is matched with the finding the service reports at its line and token, and the results are tallied per
 * rule, over all 424 sites, and as a confusion matrix (expected rule vs reported rule).
 *
 *   node --import tsx scripts/judgement/excerpts.ts      # once: writes the excerpts from local mirrors
 *   node --import tsx scripts/judgement/measure.ts [--list] [--json FILE] [--round N]
 *
 * --round N judges one labelling round only (1: the corpus the rules were tuned on; 2: the held-out round).
 * --list also prints every site with its verdict. Findings on an excerpt at a line no label names are
 * counted as false positives and listed; labelled sites the scanner does not see at all are listed apart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../server/src/service';
import { rules } from '../../server/src/service/rules';
import { JUDGEMENT_DIR, type JudgementLabel, familyOf, loadLabels } from './corpus';

const args = process.argv.slice(2);
const listAll = args.includes('--list');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const round = args.includes('--round') ? Number(args[args.indexOf('--round') + 1]) : undefined;

const NONE = 'none';
const service = getLanguageService({ onRuleFault: (id, error) => console.error(`rule ${id} threw: ${String(error)}`) });
const settings = defaultSettings();

/** The status-code rules this corpus judges; findings of any other rule are reported but not tallied. */
const RULES: readonly string[] = rules.map((rule) => rule.id);

interface Finding {
  rule: string;
  line: number;
  text: string;
  message: string;
}

interface Verdict {
  label: JudgementLabel;
  expected: string;
  reported: string;
  recognised: boolean;
  finding?: Finding;
}

const labels = loadLabels().filter((label) => round === undefined || (label.round ?? 1) === round);
const byFile = new Map<string, JudgementLabel[]>();
for (const label of labels) byFile.set(label.file, [...(byFile.get(label.file) ?? []), label]);

const missing = [...byFile.keys()].filter((file) => !existsSync(join(JUDGEMENT_DIR, file)));
if (missing.length) {
  console.error(`${missing.length} excerpts are not written: run \`node --import tsx scripts/judgement/excerpts.ts\` first.`);
  process.exit(2);
}

/** Token and finding agree when one spelling holds the other (`FailedDependency` in `WebDavStatusCode.FailedDependency`). */
const sameToken = (a: string, b: string): boolean => a.includes(b) || b.includes(a);

const languageIdOf = (file: string): string => ({ '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' })[extname(file)] ?? '';

const verdicts: Verdict[] = [];
const unlabelled: { file: string; family: string; finding: Finding }[] = [];
for (const [file, fileLabels] of byFile) {
  const text = readFileSync(join(JUDGEMENT_DIR, file), 'utf8');
  // The document stands at its path in its repository: where a file lies says what it is (a test under `src/test/`).
  const { repo, path } = fileLabels[0];
  const document = TextDocument.create(`file:///judgement/${repo}/${path}`, languageIdOf(file), 1, text);
  const sites = service.scan(document).sites;
  const findings: Finding[] = service.doValidation(document, settings).map((d: Diagnostic) => ({
    rule: String(d.code),
    line: d.range.start.line + 1,
    text: document.getText(d.range),
    message: d.message,
  }));
  const claimed = new Set<Finding>();
  for (const label of fileLabels) {
    const recognised = sites.some((s) => document.positionAt(s.start).line + 1 === label.line && sameToken(s.text, label.text));
    const finding = findings.find((f) => !claimed.has(f) && f.line === label.line && sameToken(f.text, label.text));
    if (finding) claimed.add(finding);
    verdicts.push({ label, expected: label.expected ?? NONE, reported: finding?.rule ?? NONE, recognised, finding });
  }
  for (const finding of findings) if (!claimed.has(finding)) unlabelled.push({ file, family: familyOf(fileLabels[0]), finding });
}

// --- tallies ---------------------------------------------------------------------------------------

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const counted = (v: Verdict): boolean => RULES.includes(v.reported) || v.reported === NONE;

interface RuleFigures {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: string;
  recall: string;
}
const perRule: RuleFigures[] = RULES.map((rule) => {
  const tp = verdicts.filter((v) => v.expected === rule && v.reported === rule).length;
  const fp =
    verdicts.filter((v) => v.expected !== rule && v.reported === rule).length + unlabelled.filter((u) => u.finding.rule === rule).length;
  const fn = verdicts.filter((v) => v.expected === rule && v.reported !== rule).length;
  return { rule, tp, fp, fn, precision: pct(tp, tp + fp), recall: pct(tp, tp + fn) };
});

const sites424 = verdicts.filter((v) => v.label.code === 424);
const unlabelled424 = unlabelled.filter((u) => u.finding.rule.startsWith('424-'));
const correct424 = sites424.filter((v) => v.reported !== NONE && v.reported === v.expected).length;
const reported424 = sites424.filter((v) => v.reported !== NONE).length + unlabelled424.length;
const expected424 = sites424.filter((v) => v.expected !== NONE).length;
// Looser: a 424 that should be flagged is flagged (by whichever rule), a 424 that should not is not.
const flaggedRight = sites424.filter((v) => v.reported !== NONE && v.expected !== NONE).length;
const overall = {
  sites: sites424.length,
  expectedFindings: expected424,
  reportedFindings: reported424,
  correct: correct424,
  precision: pct(correct424, reported424),
  recall: pct(correct424, expected424),
  flagPrecision: pct(flaggedRight, reported424),
  flagRecall: pct(flaggedRight, expected424),
};

const axes = [...RULES, NONE];
const matrix: Record<string, Record<string, number>> = {};
for (const e of axes) matrix[e] = Object.fromEntries(axes.map((r) => [r, 0]));
for (const v of verdicts) if (counted(v)) matrix[v.expected][v.reported]++;
for (const u of unlabelled) if (RULES.includes(u.finding.rule)) matrix[NONE][u.finding.rule]++;

const misses = verdicts.filter((v) => v.expected !== NONE && v.reported !== v.expected);
const falsePositives = verdicts.filter((v) => v.reported !== NONE && v.reported !== v.expected);
const unrecognised = verdicts.filter((v) => !v.recognised);
const otherRules = verdicts.filter((v) => !counted(v));

// --- report ---------------------------------------------------------------------------------------

const families = new Set(labels.filter((l) => l.code === 424 && familyOf(l) !== 'openapi').map(familyOf));
console.log(
  `Judgement corpus${round === undefined ? '' : `, round ${round}`}: ${labels.length} sites in ${byFile.size} excerpts from ${new Set(labels.map((l) => l.repo)).size} repositories`,
);
console.log(
  `  424: ${sites424.length} sites, ${new Set(sites424.map((v) => v.label.repo)).size} repositories, ${families.size} language families + ${sites424.filter((v) => familyOf(v.label) === 'openapi').length} OpenAPI keys`,
);
console.log(`  409/412/423: ${verdicts.length - sites424.length} sites`);
console.log(`  recognised by the scanner: ${verdicts.length - unrecognised.length}/${verdicts.length}\n`);

console.log('Per rule');
console.log(
  `${'rule'.padEnd(30)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  ${'precision'.padStart(9)}  ${'recall'.padStart(7)}`,
);
for (const r of perRule)
  console.log(
    `${r.rule.padEnd(30)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${r.precision.padStart(9)}  ${r.recall.padStart(7)}`,
  );
console.log(`\nOver all 424 sites: ${overall.correct} right of ${overall.reportedFindings} findings, ${overall.expectedFindings} expected`);
console.log(
  `  precision ${overall.precision}  recall ${overall.recall}   (flagged at all, any rule: precision ${overall.flagPrecision}, recall ${overall.flagRecall})`,
);

const short: Record<string, string> = {
  '424-without-dependency': 'w/o-dep',
  '424-for-lock': 'lock',
  '424-for-conflict': 'conflict',
  '424-for-precondition': 'precond',
  '424-for-upstream-failure': 'upstream',
  'failed-prerequisite-not-424': 'prereq',
  'unregistered-status-code': 'unreg',
  none: 'none',
};
console.log('\nConfusion matrix (rows: expected, columns: reported; unlabelled findings in the "none" row)');
console.log(`${'expected \\ reported'.padEnd(30)}${axes.map((a) => short[a].padStart(9)).join('')}`);
for (const e of axes) console.log(`${e.padEnd(30)}${axes.map((r) => String(matrix[e][r]).padStart(9)).join('')}`);

const where = (v: Verdict): string => `${v.label.file}:${v.label.line} ${v.label.text}`;
console.log(`\nMisses (${misses.length}): expected finding not reported, or another rule reported`);
for (const v of misses)
  console.log(`  ${where(v)}  expected ${v.expected}, got ${v.reported}${v.recognised ? '' : ' (not recognised)'}  — ${v.label.reason}`);
console.log(`\nFalse positives (${falsePositives.length}): a finding where the label expects none or another rule`);
for (const v of falsePositives)
  console.log(
    `  ${where(v)}  reported ${v.reported}, expected ${v.expected}  — ${v.label.reason}\n      message: ${v.finding?.message.split('\n')[0]}`,
  );
console.log(`\nFindings at lines no label names (${unlabelled.length}, counted as false positives)`);
for (const u of unlabelled)
  console.log(`  ${u.file}:${u.finding.line} ${u.finding.text}  ${u.finding.rule}: ${u.finding.message.split('\n')[0]}`);
console.log(`\nSites the scanner does not recognise (${unrecognised.length})`);
for (const v of unrecognised) console.log(`  ${where(v)}  expected ${v.expected}${v.label.pattern ? ` [${v.label.pattern}]` : ''}`);
if (otherRules.length) {
  console.log(`\nFindings of other rules at labelled sites (${otherRules.length}, not tallied)`);
  for (const v of otherRules) console.log(`  ${where(v)}  ${v.reported}`);
}
if (listAll) {
  console.log('\nEvery site');
  for (const v of verdicts)
    console.log(
      `  ${v.expected === v.reported ? 'ok ' : 'BAD'} ${where(v)}  expected ${v.expected}, reported ${v.reported}${v.recognised ? '' : ' (not recognised)'}`,
    );
}

if (jsonOut) {
  writeFileSync(
    jsonOut,
    `${JSON.stringify(
      {
        rules: RULES,
        perRule,
        overall,
        matrix,
        sites: verdicts.map((v) => ({
          id: v.label.id,
          file: v.label.file,
          line: v.label.line,
          expected: v.expected,
          reported: v.reported,
          recognised: v.recognised,
          message: v.finding?.message,
        })),
        unlabelled: unlabelled.map((u) => ({ file: u.file, ...u.finding })),
      },
      null,
      2,
    )}\n`,
  );
}

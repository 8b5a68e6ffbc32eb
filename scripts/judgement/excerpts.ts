/**
 * Writes the judgement corpus's excerpts (test/judgement/cases/, git-ignored) from local git mirrors of the
 * source repositories, at the commit each label names, and checks each against the digest recorded when it
 * was labelled.
 *
 *   node --import tsx scripts/judgement/excerpts.ts [--mirrors DIR] [--record]
 *
 * DIR holds one mirror per repository as `<owner>+<name>/repo`, bare or with its `.git` inside (default: $JUDGEMENT_MIRRORS or
 * /work/.mirror). --record rewrites test/judgement/excerpts.sha256.json (only when labelling new cases).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIGESTS_FILE, JUDGEMENT_DIR, type JudgementLabel, cutExcerpt, loadDigests, loadLabels, sha256 } from './corpus';

const args = process.argv.slice(2);
const mirrors = args.includes('--mirrors') ? args[args.indexOf('--mirrors') + 1] : (process.env.JUDGEMENT_MIRRORS ?? '/work/.mirror');
const record = args.includes('--record');

const byFile = new Map<string, JudgementLabel[]>();
for (const label of loadLabels()) byFile.set(label.file, [...(byFile.get(label.file) ?? []), label]);

const digests = loadDigests();
const recorded: Record<string, string> = {};
let written = 0;
const problems: string[] = [];
for (const [file, labels] of byFile) {
  const { repo, path, commit, lines } = labels[0];
  const disagree = labels.find((l) => l.repo !== repo || l.path !== path || l.commit !== commit || l.lines !== lines);
  if (disagree) {
    problems.push(`${file}: labels ${labels[0].id} and ${disagree.id} name different sources or ranges`);
    continue;
  }
  // A mirror is a bare repository, or (as some snapshots come) a checkout with its .git inside.
  const mirror = join(mirrors, repo.replace('/', '+'), 'repo');
  const gitDir = existsSync(join(mirror, '.git')) ? join(mirror, '.git') : mirror;
  if (!existsSync(gitDir)) {
    problems.push(`${file}: no mirror of ${repo} at ${gitDir}`);
    continue;
  }
  let source: string;
  try {
    source = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 64 << 20 }).toString();
  } catch {
    problems.push(`${file}: ${repo} has no ${path} at ${commit}`);
    continue;
  }
  const text = cutExcerpt(source, lines);
  const digest = sha256(text);
  recorded[file] = digest;
  if (!record && digests[file] && digests[file] !== digest) problems.push(`${file}: differs from the excerpt that was labelled`);
  const target = join(JUDGEMENT_DIR, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  written++;
}
if (record) writeFileSync(DIGESTS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
console.log(`${written} excerpts written to ${join(JUDGEMENT_DIR, 'cases')}${record ? ', digests recorded' : ''}`);
for (const problem of problems) console.error(`! ${problem}`);
process.exit(problems.length ? 1 : 0);

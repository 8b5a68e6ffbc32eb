/**
 * The long fuzz run, `npm run fuzz`: the generators of the bounded run for as long as FUZZ_SECONDS says
 * (default 300), every input in a worker with a deadline (a hang is caught and reported with its input),
 * failures minimized to a small reproduction; then every hostile case (all languages) at 4x its bounded
 * size with the growth check. Prints the figures and writes them to test-results/fuzz-report.json.
 *
 *   FUZZ_SECONDS=1800 npm run fuzz        # longer
 *   FUZZ_SEED=42 npm run fuzz             # reproducible
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { type FuzzDocument, binaryDocument, codeDocument, mutatedSeed, soupDocument, specDocument } from './arbitraries';
import { root } from './corpus';
import { hostileCases } from './hostile';
import { checkGrowth } from './growth';
import { checkDocument } from './invariants';
import { knownBugOf } from './known';
import { minimize, signature } from './minimize';
import { Sandbox } from './sandbox';

const seconds = Number(process.env.FUZZ_SECONDS ?? 300);
const baseSeed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const DEADLINE_MS = 10_000;

const generators: Record<string, fc.Arbitrary<FuzzDocument>> = {
  'mutated files': mutatedSeed,
  'OpenAPI trees': specDocument,
  'code statements': codeDocument,
  'token soup': soupDocument,
  binary: binaryDocument,
};

interface Finding {
  signature: string;
  generator: string;
  count: number;
  input: FuzzDocument;
  minimized?: string;
}

const figures = {
  seed: baseSeed,
  seconds,
  inputs: 0,
  byGenerator: {} as Record<string, number>,
  bytes: 0,
  failures: [] as Finding[],
  knownBugs: {} as Record<string, number>,
  hangs: [] as { generator: string; input: FuzzDocument }[],
  crashes: [] as { generator: string; error: string; input: FuzzDocument }[],
  slowestMs: 0,
  slowestCall: '',
  peakWorkerRssMb: 0,
  hostile: [] as { name: string; size: number; ms: number; slowestMs: number; slowestCall: string; rssMb: number; error?: string }[],
};

describe('long fuzz run', () => {
  const sandbox = new Sandbox();
  after(async () => {
    await sandbox.close();
    const file = path.join(root, 'test-results', 'fuzz-report.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(figures, null, 2));
    console.log(summary());
    console.log(`report: ${path.relative(root, file)}`);
  });

  test(`random documents for ${seconds} s (seed ${baseSeed})`, { timeout: (seconds + 600) * 1000 }, async () => {
    const end = Date.now() + seconds * 1000;
    const names = Object.keys(generators);
    for (let round = 0; Date.now() < end; round++) {
      const name = names[round % names.length];
      for (const input of fc.sample(generators[name], { numRuns: 50, seed: baseSeed + round })) {
        if (Date.now() >= end) break;
        figures.inputs++;
        figures.byGenerator[name] = (figures.byGenerator[name] ?? 0) + 1;
        figures.bytes += input.text.length;
        const outcome = await sandbox.run({ kind: 'document', languageId: input.languageId, text: input.text }, DEADLINE_MS);
        if (outcome.status === 'ok') {
          figures.peakWorkerRssMb = Math.max(figures.peakWorkerRssMb, outcome.rssMb);
          if (outcome.report.slowestMs > figures.slowestMs)
            ((figures.slowestMs = outcome.report.slowestMs),
              (figures.slowestCall = `${outcome.report.slowestCall} (${input.languageId}, ${input.text.length} chars)`));
        } else if (outcome.status === 'timeout') figures.hangs.push({ generator: name, input });
        else if (outcome.status === 'crashed') figures.crashes.push({ generator: name, error: outcome.error, input });
        else record(name, input, outcome.error);
      }
    }
    const fresh = figures.failures.length + figures.hangs.length + figures.crashes.length;
    assert.equal(fresh, 0, `${fresh} new problems (see the report)`);
  });

  test('every hostile case, all languages, at 4x the bounded size', { timeout: 3_600_000 }, async () => {
    const problems: string[] = [];
    for (const hostile of hostileCases) {
      try {
        const m = await checkGrowth(sandbox, hostile, hostile.n * 4);
        figures.hostile.push({
          name: hostile.name,
          size: m.size,
          ms: Math.round(m.ms),
          slowestMs: Math.round(m.slowestMs),
          slowestCall: m.slowestCall,
          rssMb: Math.round(m.rssMb),
        });
        figures.peakWorkerRssMb = Math.max(figures.peakWorkerRssMb, m.rssMb);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        figures.hostile.push({
          name: hostile.name,
          size: hostile.make(hostile.n * 4).length,
          ms: -1,
          slowestMs: -1,
          slowestCall: '',
          rssMb: -1,
          error: message.split('\n')[0],
        });
        if (!hostile.slow) problems.push(`${hostile.name}: ${message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

/** A failure: a known bug is counted; a new one is minimized (in this thread: failures are fast) and kept. */
function record(generator: string, input: FuzzDocument, error: string): void {
  const known = knownBugOf(input, new Error(error));
  if (known) {
    figures.knownBugs[known.id] = (figures.knownBugs[known.id] ?? 0) + 1;
    return;
  }
  const sig = signature(new Error(error));
  const existing = figures.failures.find((f) => f.signature === sig);
  if (existing) {
    existing.count++;
    return;
  }
  const fails = (text: string) => {
    try {
      checkDocument(input.languageId, text);
      return false;
    } catch (e) {
      return signature(e) === sig && !knownBugOf({ ...input, text }, e);
    }
  };
  const minimized = input.text.length < 20_000 ? minimize(input.text, fails, 1500) : undefined;
  figures.failures.push({ signature: sig, generator, count: 1, input, minimized });
}

function summary(): string {
  const lines = [
    `fuzz run: seed ${figures.seed}, ${figures.inputs} inputs (${Object.entries(figures.byGenerator)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${(figures.bytes / 1e6).toFixed(1)} MB`,
    `new failures: ${figures.failures.length}, hangs (> ${DEADLINE_MS / 1000} s): ${figures.hangs.length}, crashes: ${figures.crashes.length}`,
    `known bugs hit: ${
      Object.entries(figures.knownBugs)
        .map(([k, v]) => `${k} x${v}`)
        .join(', ') || 'none'
    }`,
    `slowest service call: ${figures.slowestMs.toFixed(1)} ms, ${figures.slowestCall}; peak worker RSS ${figures.peakWorkerRssMb.toFixed(0)} MB`,
  ];
  for (const f of figures.failures)
    lines.push(
      `  NEW x${f.count} [${f.generator}] ${f.signature}\n    minimized (${f.input.languageId}): ${JSON.stringify(f.minimized ?? f.input.text.slice(0, 300))}`,
    );
  for (const h of figures.hangs) lines.push(`  HANG [${h.generator}] ${h.input.languageId} ${JSON.stringify(h.input.text.slice(0, 300))}`);
  for (const c of figures.crashes) lines.push(`  CRASH [${c.generator}] ${c.error.split('\n')[0]}`);
  const hostile = figures.hostile;
  if (hostile.length > 0) {
    const worst = [...hostile].sort((a, b) => b.slowestMs - a.slowestMs).slice(0, 5);
    lines.push(
      `hostile cases: ${hostile.length}, failing: ${hostile.filter((h) => h.error).length}; slowest: ${worst.map((w) => `${w.name} ${w.slowestMs} ms (${w.size} chars)`).join('; ')}`,
    );
    for (const h of hostile.filter((h) => h.error)) lines.push(`  ${h.name}: ${h.error}`);
  }
  return lines.join('\n');
}

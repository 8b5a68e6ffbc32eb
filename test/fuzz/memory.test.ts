/**
 * Memory on a spec dense with findings (issue 20 item 5), in bytes after a full collection, never timed: a
 * one-line spec of 20,000 responses (10,000 findings) linted as the CLI lints a file in its own thread. What
 * the scan holds per site, what linting holds per finding at the end of validation and what the report keeps
 * per finding stay under bounds above what they measure by a quarter for a site and by the noise of a few tens
 * of bytes for a finding (see each): what they guard against (a site's strings and objects made as it is
 * scanned, findings held as objects, the scan or the diagnostics all held beside the findings) went over them
 * when tried.
 */
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReport } from '../../server/src/cli/findings';
import { lintFile } from '../../server/src/cli/lintFile';
import { type LanguageService, defaultSettings, getLanguageService, readOnlyDocument } from '../../server/src/service';
import { oneLineResponses } from './hostile';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
// The packed findings and the scan's columns are typed arrays, outside V8's heap (arrayBuffers). Their memory
// is given back by a sweeper that may still run after a collection (late on a loaded machine): a second
// collection finishes what the first left.
const heap = () => (gc(), gc(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
/** heap() once it no longer falls: the memory of the typed arrays collected is given back too. */
async function settledHeap(): Promise<number> {
  let last = heap();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = heap();
    if (now >= last) return last;
    last = now;
  }
  return last;
}

const RESPONSES = 20_000;
const text = oneLineResponses(RESPONSES);
const task = { index: 0, absolute: '/memory/spec.json', display: 'spec.json', languageId: 'json', settingsIndex: 0, text };

/** Lints the spec: bytes a finding held at the end of validation (the findings, what is left of the scan) and kept. */
async function lint(withFixes: boolean): Promise<{ whilePer: number; keptPer: number; fixes: boolean }> {
  const service = getLanguageService();
  let during = 0;
  // Measured where the last diagnostic has been made into its finding: every finding, and any of the scan still held.
  const watched: LanguageService = {
    ...service,
    *eachDiagnostic(document, settings, release) {
      yield* service.eachDiagnostic(document, settings, release);
      during = heap();
    },
  };
  let report: FileReport | undefined = lintFile(watched, task, defaultSettings(), 'off', withFixes);
  const { findings, fixes } = described(report);
  assert.equal(findings, RESPONSES / 2);
  assert.ok(during > 0, 'the diagnostics were read one at a time (eachDiagnostic)');
  const held = await settledHeap();
  report = undefined;
  const after = await settledHeap();
  return { whilePer: (during - after) / findings, keptPer: (held - after) / findings, fixes };
}

/**
 * How many findings, and whether the first has its fixes. In a function of its own: a reference to the findings
 * left in the caller's registers would keep them after the report is let go.
 */
function described(report: FileReport): { findings: number; fixes: boolean } {
  for (const finding of report.findings) return { findings: report.findings.length, fixes: finding.fixes.length > 0 };
  return { findings: 0, fixes: false };
}

describe('memory on a one-line spec of 20,000 responses', () => {
  // Response keys' sites are a table of numbers (scanners/openapi/responseKey.ts), 16 bytes a site, beside the
  // spans of the response objects (8), and the operations and spans they share: measured 42-44 bytes a site
  // once the collector has given back what the columns grew from. As an object each: ~95 with offsets into the text, ~112
  // with the spans in an array of numbers, ~145 with its scope, end and indentation its own, ~275 when its
  // message, suppression place and response record were objects and strings of their own.
  test('the scan holds under 55 bytes a site (measured: 42-44)', async () => {
    const service = getLanguageService();
    const before = await settledHeap();
    const scanned = service.scan(readOnlyDocument('file:///memory/spec.json', 'json', 1, text, TextDocument.create));
    // Measured before the sites are read: reading them makes an object of each (kept for hover and completion).
    const perSite = ((await settledHeap()) - before) / RESPONSES;
    assert.equal(scanned.sites.length, RESPONSES);
    assert.ok(perSite < 55, `${Math.round(perSite)} bytes a site`);
  });

  // Measured: with fixes ~35-40 bytes a finding at the end of validation and kept; without, ~25 (the scan goes
  // as its sites are checked; the findings are packed, cli/packedFindings.ts, with their fingerprints). As
  // objects, the findings were ~610 and ~220, as 32-bit integers ~127 and ~55; the scan held to the end adds
  // ~225 (two sites a finding); the diagnostics all held at once: ~2,450.
  for (const [withFixes, whileBound, keptBound] of [
    [true, 70, 70],
    [false, 60, 60],
  ] as const) {
    test(`${withFixes ? 'with' : 'without'} fixes: under ${whileBound} bytes a finding while linting, ${keptBound} kept`, async () => {
      const { whilePer, keptPer, fixes } = await lint(withFixes);
      assert.equal(fixes, withFixes);
      assert.ok(whilePer < whileBound, `${Math.round(whilePer)} bytes a finding while linting`);
      assert.ok(keptPer < keptBound, `${Math.round(keptPer)} bytes a finding kept`);
    });
  }
});

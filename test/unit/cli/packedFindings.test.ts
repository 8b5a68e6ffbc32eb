// The CLI's packed findings (issue 20 item 5) give back exactly the findings packed, members in the same order
// (the JSON output prints them as they come), whatever their places, texts and number: checked on arbitrary
// findings, and on a run long enough to fill several blocks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Counts, type Finding, countFinding } from '../../../server/src/cli/findings';
import { PackedFindings } from '../../../server/src/cli/packedFindings';

const position = fc.integer({ min: 1, max: 50_000_000 });
const text = fc.oneof(fc.constantFrom('', 'a', '423', '"x-http-status-lens-ignore": ["424-for-lock"],'), fc.string({ unit: 'grapheme' }));
const place = { line: position, column: position, endLine: position, endColumn: position };
const edit = fc.record({ ...place, text, file: text }, { requiredKeys: ['line', 'column', 'endLine', 'endColumn', 'text'] });
const related = fc.record({ file: text, ...place, message: text }, { requiredKeys: ['line', 'column', 'endLine', 'endColumn', 'message'] });
const finding: fc.Arbitrary<Finding> = fc.record(
  {
    file: text,
    ...place,
    ruleId: text,
    severity: fc.constantFrom('error', 'warning', 'info', 'hint'),
    message: text,
    fixes: fc.array(fc.record({ title: text, isPreferred: fc.boolean(), edits: fc.array(edit, { maxLength: 3 }) }), { maxLength: 3 }),
    related: fc.array(related, { maxLength: 3 }),
    fixable: fc.boolean(),
  },
  { requiredKeys: ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'fixes'] },
);

describe('packed findings', () => {
  test('give back the findings packed, members in the same order', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
        const packed = PackedFindings.of(findings);
        assert.equal(packed.length, findings.length);
        assert.equal(JSON.stringify(packed.toArray()), JSON.stringify(findings));
        const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
        for (const f of findings) countFinding(f, counts);
        assert.deepEqual(packed.counts, counts);
        // As a worker thread's report arrives: plain data, given its methods back.
        assert.equal(JSON.stringify(PackedFindings.revive(structuredClone(packed)).toArray()), JSON.stringify(findings));
      }),
    );
  });

  test('many findings, many texts: blocks filled one after another', () => {
    const findings: Finding[] = Array.from({ length: 30_000 }, (_, i) => ({
      file: 'spec.json',
      line: 1,
      column: 97 + 70 * i,
      endLine: 1,
      endColumn: 100 + 70 * i,
      ruleId: '424-for-lock',
      severity: 'warning',
      message: `message ${i % 300}`,
      fixes: [
        {
          title: 'Change 424 to 423 Locked',
          isPreferred: true,
          edits: [{ line: 1, column: 97 + 70 * i, endLine: 1, endColumn: 100 + 70 * i, text: '423' }],
        },
      ],
    }));
    const packed = PackedFindings.of(findings);
    assert.deepEqual(packed.toArray(), findings);
    const shown = packed.select(
      findings.map((_, i) => `print ${i}`),
      (f) => f.message === 'message 7',
    );
    assert.equal(shown.findings.length, 100);
    assert.deepEqual(shown.fingerprints.slice(0, 2), ['print 7', 'print 307']);
  });
});

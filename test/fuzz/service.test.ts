/**
 * The bounded fuzz run of `npm test`: properties of the pure service over hostile documents (invariants.ts)
 * and settings, a few hundred inputs each, a few seconds in all. `npm run fuzz` runs the same generators for
 * much longer (long.fuzz.ts). A failure prints fast-check's seed and path: rerun it with FUZZ_SEED/FUZZ_PATH.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Settings, defaultSettings, getLanguageService, resolveSettings } from '../../server/src/service';
import { ruleIds } from '../../server/src/service/rules';
import { type FuzzDocument, binaryDocument, mutate, mutatedSeed, soupDocument, specDocument } from './arbitraries';
import { seeds } from './corpus';
import { allRulesOn, checkDocument, fuzzUri, makeDocument } from './invariants';
import { knownBugOf, knownBugs } from './known';

/** fast-check parameters: reproducible on demand, random by default so every run explores a little more. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns, seed, path: process.env.FUZZ_PATH, endOnFailure: false };
}

/** The invariants, letting through only inputs that fail with a bug already on file (known.ts). */
function checked(input: FuzzDocument): void {
  try {
    checkDocument(input.languageId, input.text);
  } catch (error) {
    if (!knownBugOf(input, error)) throw error;
  }
}

describe('fuzz: the language service on hostile documents', () => {
  test('every seed file satisfies the invariants as it is', () => {
    for (const seed of seeds) {
      try {
        checkDocument(seed.languageId, seed.text, { probes: 16 });
      } catch (error) {
        if (!knownBugOf(seed, error)) throw new Error(`${seed.name}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  test('mutated real files (truncated, garbled, spliced, CRLF, BOM, other language)', () => {
    fc.assert(fc.property(mutatedSeed, checked), fuzzParameters(150));
  });

  test('random OpenAPI trees as YAML and JSON in every style, then mutated', () => {
    fc.assert(fc.property(specDocument, checked), fuzzParameters(150));
  });

  test('token soup in the vocabulary of every code language', () => {
    fc.assert(fc.property(soupDocument, checked), fuzzParameters(300));
  });

  test('binary data read as text (NUL, lone surrogates, invalid UTF-8) in every language', () => {
    fc.assert(fc.property(binaryDocument, checked), fuzzParameters(100));
  });

  test('a document edited version after version answers like the same text opened fresh', () => {
    fc.assert(
      fc.property(
        mutatedSeed,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 5 }),
        (input, edits) => {
          const service = getLanguageService();
          const uri = fuzzUri(input.languageId);
          let text = input.text;
          for (const [version, [at, length]] of edits.entries()) {
            // The scan cache is keyed on uri + version: each new version must be scanned anew.
            service.doValidation(makeDocument(input.languageId, text, version + 1, uri), allRulesOn);
            text = mutate(text, { op: 'delete', at, length });
          }
          const incremental = service.doValidation(makeDocument(input.languageId, text, edits.length + 1, uri), allRulesOn);
          const fresh = getLanguageService().doValidation(makeDocument(input.languageId, text), allRulesOn);
          const summary = (ds: typeof fresh) => ds.map((d) => [d.code, d.range, d.message]);
          assert.deepEqual(summary(incremental), summary(fresh));
        },
      ),
      fuzzParameters(60),
    );
  });

  // Each bug the fuzzers found and nobody fixed yet: `todo` until it passes, then delete it from known.ts.
  for (const bug of knownBugs) {
    test(`known bug ${bug.id}`, { todo: bug.summary }, () => {
      checkDocument(bug.repro.languageId, bug.repro.text);
    });
  }
});

describe('fuzz: settings of any shape', () => {
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, 0, -1, 1e308, '', 'off', 'error', 'warning', '__proto__', 'constructor', '*', ' ', 'x'.repeat(10_000)),
      fc.constantFrom(...ruleIds),
      fc.string(),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(
        fc.oneof(fc.constantFrom(...ruleIds, 'rules', 'languages', 'dependencyWords', '__proto__', 'constructor', 'toString'), fc.string()),
        tie('value'),
        { maxKeys: 5 },
      ),
    ),
  })).value;
  const settingsLike = fc.oneof(
    json,
    fc.record({ rules: json, languages: json, dependencyWords: json }, { requiredKeys: [] }),
    fc.record({
      rules: fc.dictionary(
        fc.constantFrom(...ruleIds, '__proto__', 'nonsense'),
        fc.constantFrom('off', 'hint', 'info', 'warning', 'error', 'fatal', 3, null),
      ),
      dependencyWords: fc.array(fc.oneof(fc.string(), fc.constantFrom('*', 'saga', 'fan-out*', '', '   ', 'x'.repeat(5000))), {
        maxLength: 50,
      }),
    }),
  );

  test('resolveSettings never throws, always yields valid settings, and says what was wrong', () => {
    fc.assert(
      fc.property(settingsLike, (raw) => {
        const { settings, problems } = resolveSettings(raw, 'fuzz');
        assert.deepEqual(Object.keys(settings.rules).sort(), [...ruleIds].sort());
        for (const severity of Object.values(settings.rules)) assert.ok(['off', 'hint', 'info', 'warning', 'error'].includes(severity));
        assert.ok(Array.isArray(settings.languages) && settings.languages.every((l) => typeof l === 'string'));
        assert.ok(Array.isArray(settings.dependencyWords) && settings.dependencyWords.every((w) => typeof w === 'string'));
        assert.ok(problems.every((p) => typeof p === 'string' && p.startsWith('fuzz')));
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'settings polluted Object.prototype');
      }),
      fuzzParameters(300),
    );
  });

  test('validation with any resolved settings never throws', () => {
    const service = getLanguageService();
    const docs = seeds.slice(0, 12).map((s) => makeDocument(s.languageId, s.text));
    fc.assert(
      fc.property(settingsLike, fc.nat({ max: docs.length - 1 }), (raw, i) => {
        const settings: Settings = resolveSettings(raw).settings;
        for (const d of service.doValidation(docs[i], settings)) assert.notEqual(settings.rules[d.code as keyof Settings['rules']], 'off');
      }),
      fuzzParameters(200),
    );
    // A prototype-polluting payload, as JSON would deliver it.
    resolveSettings(JSON.parse('{"__proto__": {"polluted": 1}, "rules": {"__proto__": {"polluted": 1}}}'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(resolveSettings(undefined).settings, defaultSettings());
  });
});

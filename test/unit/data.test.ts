// Checks the knowledge files in data/: schema validity plus the facts and invariants a schema cannot express.
// Run: node --import tsx --test test/unit/data.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';

import statusCodes from '../../data/status-codes.json';
import explanations from '../../data/explanations.json';
import vocabulary from '../../data/vocabulary.json';
import statusCodesSchema from '../../data/schema/status-codes.schema.json';
import explanationsSchema from '../../data/schema/explanations.schema.json';
import vocabularySchema from '../../data/schema/vocabulary.schema.json';

// The IANA HTTP Status Code Registry, 100-511: every assigned code, including the "(Unused)" 306 and 418.
const REGISTRY: readonly number[] = [
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403,
  404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501,
  502, 503, 504, 505, 506, 507, 508, 510, 511,
];

// Codes not defined by RFC 9110: where each one is defined.
const NON_9110_SPECS: Readonly<Record<number, readonly [string, string]>> = {
  102: ['RFC 2518', '10.1'],
  103: ['RFC 8297', '2'],
  207: ['RFC 4918', '11.1'],
  208: ['RFC 5842', '7.1'],
  226: ['RFC 3229', '10.4.1'],
  423: ['RFC 4918', '11.3'],
  424: ['RFC 4918', '11.4'],
  425: ['RFC 8470', '5.2'],
  428: ['RFC 6585', '3'],
  429: ['RFC 6585', '4'],
  431: ['RFC 6585', '5'],
  451: ['RFC 7725', '3'],
  506: ['RFC 2295', '8.1'],
  507: ['RFC 4918', '11.5'],
  508: ['RFC 5842', '7.2'],
  510: ['RFC 2774', '7'],
  511: ['RFC 6585', '6'],
};

// A few RFC 9110 sections and phrases worth pinning down exactly (the rest are checked by class below).
const PINNED_9110: Readonly<Record<number, readonly [string, string]>> = {
  306: ['15.4.7', '(Unused)'],
  308: ['15.4.9', 'Permanent Redirect'],
  409: ['15.5.10', 'Conflict'],
  412: ['15.5.13', 'Precondition Failed'],
  413: ['15.5.14', 'Content Too Large'],
  418: ['15.5.19', '(Unused)'],
  421: ['15.5.20', 'Misdirected Request'],
  422: ['15.5.21', 'Unprocessable Content'],
  426: ['15.5.22', 'Upgrade Required'],
  502: ['15.6.3', 'Bad Gateway'],
  503: ['15.6.4', 'Service Unavailable'],
  504: ['15.6.5', 'Gateway Timeout'],
};

const RULE_IDS = [
  '424-without-dependency',
  '424-for-lock',
  '424-for-conflict',
  '424-for-precondition',
  '424-for-upstream-failure',
  'failed-prerequisite-not-424',
  'unregistered-status-code',
] as const;

const PHRASE = /^[a-z0-9]+\*?( [a-z0-9]+\*?)*$/;
const WEBDAV_METHOD = /^[A-Z]+(-[A-Z]+)*$/;

interface Spec {
  rfc: string;
  section: string;
  url: string;
}
interface Code {
  code: number;
  phrase: string;
  spec: Spec;
  summary: string;
  unused?: boolean;
  note?: string;
}
interface Contrast {
  code: number;
  difference: string;
}
interface Entry {
  meaning: string;
  whenItFits: string[];
  commonCauses?: string[];
  scenarios?: string[];
  notToBeConfusedWith: Contrast[];
  faq?: { question: string; answer: string }[];
}
interface Confusion {
  rule: string;
  suggest: number[];
  phrases: string[];
  bySuggestion?: Record<string, string[]>;
}
interface Vocabulary {
  dependencyContext: { phrases: string[]; webdavMethods: string[] };
  failedDependency: { phrases: string[] };
  confusions: Record<string, Confusion>;
  failedPrerequisite: { phrases: string[] };
}

const codes = (statusCodes as { codes: Code[] }).codes;
const classes = (statusCodes as { classes: Record<string, { name: string; summary: string }> }).classes;
const entries = (explanations as { entries: Record<string, Entry> }).entries;
const vocab = vocabulary as Vocabulary;
const registered = new Set(REGISTRY);

function validator(schema: object): (data: unknown) => string | undefined {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? undefined : ajv.errorsText(validate.errors, { separator: '\n' }));
}

/** Every phrase list in the vocabulary, with a readable name. */
function phraseLists(v: Vocabulary): [string, string[]][] {
  const lists: [string, string[]][] = [
    ['dependencyContext.phrases', v.dependencyContext.phrases],
    ['failedDependency.phrases', v.failedDependency.phrases],
    ['failedPrerequisite.phrases', v.failedPrerequisite.phrases],
  ];
  for (const [key, c] of Object.entries(v.confusions)) {
    lists.push([`confusions.${key}.phrases`, c.phrases]);
    for (const [code, list] of Object.entries(c.bySuggestion ?? {})) {
      lists.push([`confusions.${key}.bySuggestion.${code}`, list]);
    }
  }
  return lists;
}

/**
 * True when every text matched by `longer` is necessarily matched by `shorter` too, i.e. `longer` adds nothing
 * to a list that already holds `shorter`.
 */
function subsumes(shorter: string, longer: string): boolean {
  const a = shorter.split(' ');
  const b = longer.split(' ');
  const wordCovers = (w: string, x: string): boolean => {
    if (w.endsWith('*')) return x.replace(/\*$/, '').startsWith(w.slice(0, -1));
    return !x.endsWith('*') && w === x;
  };
  for (let i = 0; i + a.length <= b.length; i++) {
    if (a.every((w, j) => wordCovers(w, b[i + j]!))) return true;
  }
  return false;
}

test('status-codes.json matches its schema', () => {
  assert.equal(validator(statusCodesSchema)(statusCodes), undefined);
});

test('explanations.json matches its schema', () => {
  assert.equal(validator(explanationsSchema)(explanations), undefined);
});

test('vocabulary.json matches its schema', () => {
  assert.equal(validator(vocabularySchema)(vocabulary), undefined);
});

test('the schemas reject a broken file', () => {
  const broken: { codes: Record<string, unknown>[] } = JSON.parse(JSON.stringify(statusCodes));
  delete broken.codes[0]!['phrase'];
  broken.codes[1]!['extra'] = 1;
  assert.notEqual(validator(statusCodesSchema)(broken), undefined);

  const brokenVocab = structuredClone(vocabulary) as Vocabulary;
  brokenVocab.failedDependency.phrases.push('Depends On');
  assert.notEqual(validator(vocabularySchema)(brokenVocab), undefined);

  const brokenExpl = structuredClone(explanations) as { entries: Record<string, Partial<Entry>> };
  brokenExpl.entries['424']!.faq = [];
  assert.notEqual(validator(explanationsSchema)(brokenExpl), undefined);
});

test('codes are unique and sorted ascending', () => {
  const list = codes.map((c) => c.code);
  assert.equal(new Set(list).size, list.length, 'duplicate codes');
  assert.deepEqual(
    list,
    [...list].sort((x, y) => x - y),
    'codes not sorted',
  );
});

test('codes are exactly the IANA registry set from 100 to 511', () => {
  assert.deepEqual(
    codes.map((c) => c.code),
    [...REGISTRY],
  );
});

test('every code belongs to a declared class', () => {
  assert.deepEqual(Object.keys(classes).sort(), ['1', '2', '3', '4', '5']);
  for (const c of codes) assert.ok(classes[String(Math.floor(c.code / 100))], `no class for ${c.code}`);
});

test('specs point at the right RFC and section, and links agree with them', () => {
  for (const c of codes) {
    const num = c.spec.rfc.replace(/^RFC /, '');
    assert.equal(
      c.spec.url,
      `https://www.rfc-editor.org/rfc/rfc${num}#section-${c.spec.section}`,
      `${c.code}: url does not match rfc/section`,
    );
    const other = NON_9110_SPECS[c.code];
    if (other) {
      assert.deepEqual([c.spec.rfc, c.spec.section], [...other], `${c.code}: wrong spec`);
    } else {
      assert.equal(c.spec.rfc, 'RFC 9110', `${c.code}: expected RFC 9110`);
      // RFC 9110 section 15.N covers class N-1 (15.2 = 1xx ... 15.6 = 5xx).
      const classSection = `15.${Math.floor(c.code / 100) + 1}.`;
      assert.ok(c.spec.section.startsWith(classSection), `${c.code}: section ${c.spec.section} not under ${classSection}`);
    }
    const pinned = PINNED_9110[c.code];
    if (pinned) assert.deepEqual([c.spec.section, c.phrase], [...pinned], `${c.code}: wrong section or phrase`);
  }
  // RFC 9110 sections are unique per code.
  const sections = codes.filter((c) => c.spec.rfc === 'RFC 9110').map((c) => c.spec.section);
  assert.equal(new Set(sections).size, sections.length, 'two codes share an RFC 9110 section');
});

test('424 is Failed Dependency and 423 is Locked', () => {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  assert.equal(byCode.get(424)?.phrase, 'Failed Dependency');
  assert.equal(byCode.get(423)?.phrase, 'Locked');
  assert.equal(byCode.get(207)?.phrase, 'Multi-Status');
});

test('"unused" marks exactly the registry\'s (Unused) entries, and they carry a note', () => {
  const unused = codes.filter((c) => c.unused).map((c) => c.code);
  assert.deepEqual(unused, [306, 418]);
  for (const c of codes.filter((x) => x.unused)) {
    assert.equal(c.phrase, '(Unused)');
    assert.ok(c.note && c.note.length > 0, `${c.code} needs a note`);
  }
  for (const c of codes.filter((x) => !x.unused)) assert.notEqual(c.phrase, '(Unused)');
});

test('strings have no stray whitespace', () => {
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') assert.equal(v, v.trim(), `untrimmed string at ${path}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(statusCodes, 'status-codes');
  walk(explanations, 'explanations');
  walk(vocabulary, 'vocabulary');
});

test('every explanations entry is a registered code, and so is every contrast', () => {
  for (const [key, entry] of Object.entries(entries)) {
    assert.match(key, /^[1-5][0-9]{2}$/);
    assert.ok(registered.has(Number(key)), `entry ${key} is not registered`);
    const seen = new Set<number>();
    for (const { code } of entry.notToBeConfusedWith) {
      assert.ok(registered.has(code), `${key}: contrast ${code} is not registered`);
      assert.notEqual(code, Number(key), `${key}: contrasted with itself`);
      assert.ok(!seen.has(code), `${key}: contrast ${code} listed twice`);
      seen.add(code);
    }
  }
});

test('the 424 entry is complete and contrasts every confusable code', () => {
  const e = entries['424'];
  assert.ok(e, 'missing 424 entry');
  assert.ok(e.meaning.length > 0);
  for (const field of ['whenItFits', 'commonCauses', 'scenarios', 'notToBeConfusedWith', 'faq'] as const) {
    const list = e[field];
    assert.ok(Array.isArray(list) && list.length >= 3, `424.${field} needs at least 3 items`);
  }
  for (const text of [...e.whenItFits, ...e.commonCauses!, ...e.scenarios!]) assert.ok(text.length > 0);
  for (const { question, answer } of e.faq!) assert.ok(question.length > 0 && answer.length > 0);
  const contrasted = e.notToBeConfusedWith.map((c) => c.code).sort((x, y) => x - y);
  for (const code of [409, 412, 423, 502, 503, 504]) assert.ok(contrasted.includes(code), `424 must contrast ${code}`);
});

test('the neighbours of 424 have entries that contrast back with 424', () => {
  for (const code of [409, 412, 423, 502, 503, 504, 207]) {
    const e = entries[String(code)];
    assert.ok(e, `missing entry ${code}`);
    assert.ok(
      e.notToBeConfusedWith.some((c) => c.code === 424),
      `${code} must contrast with 424`,
    );
  }
});

test('vocabulary phrases are lower-case words with only trailing wildcards', () => {
  for (const [name, list] of phraseLists(vocab)) {
    assert.ok(list.length > 0, `${name} is empty`);
    for (const p of list) assert.match(p, PHRASE, `${name}: bad phrase "${p}"`);
    assert.equal(new Set(list).size, list.length, `${name} has duplicates`);
  }
  for (const m of vocab.dependencyContext.webdavMethods) assert.match(m, WEBDAV_METHOD, `bad WebDAV method "${m}"`);
});

test('no phrase is made redundant by another phrase of the same list', () => {
  for (const [name, list] of phraseLists(vocab)) {
    for (const a of list) {
      for (const b of list) {
        if (a !== b) assert.ok(!subsumes(a, b), `${name}: "${b}" is already covered by "${a}"`);
      }
    }
  }
});

test("confusions use the design's rule ids, in precedence order, with registered suggestions", () => {
  assert.deepEqual(Object.keys(vocab.confusions), ['lock', 'precondition', 'conflict', 'upstream']);
  const expected: Record<string, [string, number]> = {
    lock: ['424-for-lock', 423],
    precondition: ['424-for-precondition', 412],
    conflict: ['424-for-conflict', 409],
    upstream: ['424-for-upstream-failure', 502],
  };
  const rules = new Set<string>();
  for (const [key, c] of Object.entries(vocab.confusions)) {
    assert.ok((RULE_IDS as readonly string[]).includes(c.rule), `${key}: unknown rule id ${c.rule}`);
    assert.ok(!rules.has(c.rule), `${key}: rule id ${c.rule} used twice`);
    rules.add(c.rule);
    assert.deepEqual([c.rule, c.suggest[0]], expected[key], `${key}: wrong rule or first suggestion`);
    for (const code of c.suggest) {
      assert.ok(registered.has(code), `${key}: suggested ${code} is not registered`);
      assert.notEqual(code, 424, `${key}: suggests 424`);
    }
  }
  assert.deepEqual(vocab.confusions['upstream']!.suggest, [502, 503, 504]);
});

test('bySuggestion picks later suggestions using phrases the confusion already lists', () => {
  for (const [key, c] of Object.entries(vocab.confusions)) {
    const seen = new Map<string, string>();
    for (const [code, list] of Object.entries(c.bySuggestion ?? {})) {
      assert.ok(c.suggest.slice(1).includes(Number(code)), `${key}: bySuggestion ${code} is not a later suggestion`);
      for (const p of list) {
        assert.ok(c.phrases.includes(p), `${key}: bySuggestion ${code} phrase "${p}" missing from phrases`);
        assert.ok(!seen.has(p), `${key}: "${p}" chosen for both ${seen.get(p)} and ${code}`);
        seen.set(p, code);
      }
    }
  }
  assert.ok(vocab.confusions['upstream']!.bySuggestion?.['503']?.length);
  assert.ok(vocab.confusions['upstream']!.bySuggestion?.['504']?.length);
});

test('a phrase never counts both as a named dependency and as a confusion', () => {
  const dependency = new Set(vocab.failedDependency.phrases);
  for (const [key, c] of Object.entries(vocab.confusions)) {
    for (const p of c.phrases) assert.ok(!dependency.has(p), `"${p}" is in failedDependency and confusions.${key}`);
  }
});

test('the subsumption helper behaves', () => {
  assert.ok(subsumes('lock*', 'lock token'));
  assert.ok(subsumes('lock*', 'locked'));
  assert.ok(subsumes('modified since', 'if modified since'));
  assert.ok(!subsumes('modified since', 'if unmodified since'));
  assert.ok(!subsumes('steps', 'subsequent step*'));
  assert.ok(!subsumes('timed out', 'timeout*'));
});

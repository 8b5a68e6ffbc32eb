// Checks data/spellings.json: schema validity, invariants the schema cannot express, and spot checks of members
// read from each framework's own source (the `source` field of each scheme says where).
// Run: node --import tsx --test test/unit/spellings.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';

import spellings from '../../data/spellings.json';
import spellingsSchema from '../../data/schema/spellings.schema.json';
import type { SpellingScheme as Scheme, SpellingsFile } from '../../server/src/knowledge/types';

const FAMILIES = ['javascript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'] as const;

const schemes = (spellings as unknown as SpellingsFile).schemes;

function validator(schema: object): (data: unknown) => string | undefined {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? undefined : ajv.errorsText(validate.errors, { separator: '\n' }));
}

function scheme(id: string): Scheme {
  const s = schemes[id];
  assert.ok(s, `scheme ${id} missing`);
  return s;
}

/** All names of a code in a scheme, preferred first; [] when the framework lacks the code. */
function names(id: string, code: number): string[] {
  const m = scheme(id).members[String(code)];
  if (m === undefined) return [];
  return typeof m === 'string' ? [m] : m;
}

/** The name a quick fix writes. */
function preferred(id: string, code: number): string | undefined {
  return names(id, code)[0];
}

/** Every spelling (qualifier + separator + member) of a scheme, with its code. */
function spellingsOf(s: Scheme): [string, number][] {
  const out: [string, number][] = [];
  for (const [code, m] of Object.entries(s.members)) {
    for (const member of typeof m === 'string' ? [m] : m) {
      for (const q of s.qualifiers) out.push([`${q}${s.separator}${member}`, Number(code)]);
    }
  }
  return out;
}

/** spelling -> codes, over every scheme of a family. */
function familyIndex(family: string): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  for (const s of Object.values(schemes)) {
    if (!s.families.some((name) => name === family)) continue;
    for (const [spelling, code] of spellingsOf(s)) {
      const set = index.get(spelling) ?? new Set<number>();
      set.add(code);
      index.set(spelling, set);
    }
  }
  return index;
}

function lookup(family: string, spelling: string): number[] {
  return [...(familyIndex(family).get(spelling) ?? [])];
}

test('spellings.json matches its schema', () => {
  assert.equal(validator(spellingsSchema)(spellings), undefined);
});

test('the schema rejects a broken file', () => {
  const check = validator(spellingsSchema);
  const mutate = (f: (s: Record<string, Record<string, unknown>>) => void): unknown => {
    const copy = structuredClone(spellings) as unknown as { schemes: Record<string, Record<string, unknown>> };
    f(copy.schemes);
    return copy;
  };
  assert.notEqual(
    check(
      mutate((s) => {
        s['go-net-http']!['extra'] = 1;
      }),
    ),
    undefined,
    'extra property',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        delete s['go-net-http']!['source'];
      }),
    ),
    undefined,
    'missing source',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        s['go-net-http']!['families'] = ['typescript'];
      }),
    ),
    undefined,
    'bad family',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        s['go-net-http']!['separator'] = '->';
      }),
    ),
    undefined,
    'bad separator',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        (s['go-net-http']!['members'] as Record<string, unknown>)['42'] = 'StatusX';
      }),
    ),
    undefined,
    'bad code key',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        (s['go-net-http']!['members'] as Record<string, unknown>)['424'] = ['StatusFailedDependency'];
      }),
    ),
    undefined,
    'one-element alias list',
  );
  assert.notEqual(
    check(
      mutate((s) => {
        (s['go-net-http']!['members'] as Record<string, unknown>)['424'] = 'Status Failed';
      }),
    ),
    undefined,
    'member not an identifier',
  );
});

test('there are schemes for every language family', () => {
  const covered = new Set(Object.values(schemes).flatMap((s) => s.families));
  assert.deepEqual([...covered].sort(), [...FAMILIES].sort());
});

test('every family is one of the nine engine families', () => {
  for (const [id, s] of Object.entries(schemes)) {
    for (const f of s.families) assert.ok((FAMILIES as readonly string[]).includes(f), `${id}: unknown family ${f}`);
  }
});

test('every member key is an integer code from 100 to 599', () => {
  for (const [id, s] of Object.entries(schemes)) {
    for (const key of Object.keys(s.members)) {
      assert.match(key, /^[1-5][0-9]{2}$/, `${id}: key ${key}`);
      const n = Number(key);
      assert.ok(Number.isInteger(n) && n >= 100 && n <= 599, `${id}: key ${key} out of range`);
    }
  }
});

test('no two codes in one scheme share a spelling', () => {
  for (const [id, s] of Object.entries(schemes)) {
    const seen = new Map<string, number>();
    for (const [spelling, code] of spellingsOf(s)) {
      const other = seen.get(spelling);
      assert.ok(other === undefined || other === code, `${id}: ${spelling} is both ${other} and ${code}`);
      seen.set(spelling, code);
    }
  }
});

test('a spelling shared by several schemes of one family means the same code', () => {
  for (const family of FAMILIES) {
    for (const [spelling, codes] of familyIndex(family)) {
      assert.equal(codes.size, 1, `${family}: ${spelling} -> ${[...codes].join(', ')}`);
    }
  }
});

test('schemes that overlap in a family write the same name for the codes the rules suggest', () => {
  // Where a spelling belongs to two schemes (Spring and Micronaut HttpStatus, Starlette and DRF status,
  // NestJS and legacy http-status-codes HttpStatus), a fix must not depend on which of them the engine picked.
  const ruleCodes = [207, 409, 412, 423, 424, 502, 503, 504];
  const ids = Object.keys(schemes);
  for (const a of ids) {
    for (const b of ids) {
      if (a >= b) continue;
      const sa = scheme(a);
      const sb = scheme(b);
      if (!sa.families.some((f) => sb.families.includes(f))) continue;
      const spellA = new Set(spellingsOf(sa).map(([s]) => s));
      if (!spellingsOf(sb).some(([s]) => spellA.has(s))) continue;
      for (const code of ruleCodes) {
        const pa = preferred(a, code);
        const pb = preferred(b, code);
        if (pa !== undefined && pb !== undefined) assert.equal(pa, pb, `${a} vs ${b}: ${code}`);
      }
    }
  }
});

test('import-gated schemes: bare members need imports, generic qualifiers need importRequired', () => {
  for (const [id, s] of Object.entries(schemes)) {
    if (s.qualifiers.length === 0) assert.ok(s.imports, `${id}: no qualifier and no imports: nothing would be recognised`);
    if (s.importRequired) assert.ok(s.imports, `${id}: importRequired without imports`);
  }
  // Generic words as qualifiers (`exceptions.`, `http.`) are checked against the file's imports.
  for (const id of ['python-werkzeug-exceptions', 'python-drf-exceptions', 'python-django-http404', 'python-pyramid-httpexceptions']) {
    assert.equal(scheme(id).importRequired, true, id);
    assert.equal(scheme(id).constructs, true, id);
  }
  assert.deepEqual(scheme('js-nestjs-exceptions').imports, ['@nestjs/common']);
  assert.deepEqual(scheme('python-werkzeug-exceptions').imports, ['werkzeug.exceptions']);
});

test('an empty qualifier is only used with the symbol separator', () => {
  for (const [id, s] of Object.entries(schemes)) {
    if (s.qualifiers.includes('')) assert.equal(s.separator, ':', `${id}: empty qualifier needs ':'`);
  }
});

// Spot checks: each line was read in the framework's source named in the scheme's `source`.
// [code, expected names (preferred first; exact list)] or [code, null] for a code the framework lacks.
// prettier-ignore
const SPOT: Record<string, [number, string[] | null][]> = {
  'js-http-status-codes': [
    [424, ['FAILED_DEPENDENCY']], [423, ['LOCKED']], [413, ['REQUEST_TOO_LONG']], [302, ['MOVED_TEMPORARILY']], [425, null],
  ],
  'js-http-status-codes-legacy': [
    [424, ['FAILED_DEPENDENCY']], [419, ['INSUFFICIENT_SPACE_ON_RESOURCE']], [421, null], [103, null],
  ],
  'js-http-status': [
    [424, ['FAILED_DEPENDENCY']], [306, ['SWITCH_PROXY']], [413, ['REQUEST_ENTITY_TOO_LARGE']], [425, ['TOO_EARLY']],
  ],
  'js-nestjs': [
    [424, ['FAILED_DEPENDENCY']], [423, ['LOCKED']], [418, ['I_AM_A_TEAPOT']], [103, ['EARLYHINTS']], [425, null],
  ],
  'js-http-errors': [
    [424, ['FailedDependency']], [423, ['Locked']], [505, ['HTTPVersionNotSupported']], [302, null],
  ],
  'js-nestjs-exceptions': [
    [404, ['NotFoundException']], [409, ['ConflictException']], [412, ['PreconditionFailedException']], [421, ['MisdirectedException']],
    [423, null], [424, null], [429, null],
  ],
  'js-webdav-server': [
    [424, ['FailedDependency']], [207, ['MultiStatus']], [423, ['Locked']], [302, ['MovedTemporarily']], [425, ['UnorderedCollection']],
    [308, null],
  ],
  'python-httpstatus': [
    [424, ['FAILED_DEPENDENCY']], [423, ['LOCKED']],
    [413, ['CONTENT_TOO_LARGE', 'REQUEST_ENTITY_TOO_LARGE']], [422, ['UNPROCESSABLE_CONTENT', 'UNPROCESSABLE_ENTITY']],
    [418, ['IM_A_TEAPOT']],
  ],
  'python-starlette-status': [
    [424, ['HTTP_424_FAILED_DEPENDENCY']], [422, ['HTTP_422_UNPROCESSABLE_CONTENT', 'HTTP_422_UNPROCESSABLE_ENTITY']],
    [306, ['HTTP_306_RESERVED']], [509, null],
  ],
  'python-drf-status': [
    [424, ['HTTP_424_FAILED_DEPENDENCY']], [509, ['HTTP_509_BANDWIDTH_LIMIT_EXCEEDED']],
    [413, ['HTTP_413_REQUEST_ENTITY_TOO_LARGE']], [423, ['HTTP_423_LOCKED']],
  ],
  'python-aiohttp': [
    [424, ['HTTPFailedDependency']], [423, null], [416, ['HTTPRequestRangeNotSatisfiable']], [505, ['HTTPVersionNotSupported']],
  ],
  'python-werkzeug-exceptions': [
    [404, ['NotFound']], [423, ['Locked']], [424, ['FailedDependency']], [413, ['RequestEntityTooLarge']],
    [416, ['RequestedRangeNotSatisfiable']], [505, ['HTTPVersionNotSupported']], [402, null], [308, null],
  ],
  'python-drf-exceptions': [
    [400, ['ValidationError', 'ParseError']], [403, ['PermissionDenied']], [404, ['NotFound']], [429, ['Throttled']],
    [409, null], [424, null], [500, null],
  ],
  'python-django-http404': [[404, ['Http404']], [403, null]],
  'python-pyramid-httpexceptions': [
    [400, ['HTTPBadRequest']], [404, ['HTTPNotFound']], [423, ['HTTPLocked']], [424, ['HTTPFailedDependency']],
    [500, ['HTTPInternalServerError']], [507, ['HTTPInsufficientStorage']], [418, null],
  ],
  'go-net-http': [
    [418, ['StatusTeapot']], [413, ['StatusRequestEntityTooLarge']], [424, ['StatusFailedDependency']],
    [203, ['StatusNonAuthoritativeInfo']], [306, null],
  ],
  'go-fiber': [
    [203, ['StatusNonAuthoritativeInformation']], [306, ['StatusSwitchProxy']], [424, ['StatusFailedDependency']],
  ],
  'go-iris': [
    [203, ['StatusNonAuthoritativeInfo']], [424, ['StatusFailedDependency']], [423, ['StatusLocked']], [419, null], [530, null],
  ],
  'go-x-net-webdav': [
    [207, ['StatusMulti']], [422, ['StatusUnprocessableEntity']], [423, ['StatusLocked']], [424, ['StatusFailedDependency']],
    [507, ['StatusInsufficientStorage']], [404, null],
  ],
  'java-spring': [
    [424, ['FAILED_DEPENDENCY']], [423, ['LOCKED']],
    [413, ['CONTENT_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'REQUEST_ENTITY_TOO_LARGE']], [509, ['BANDWIDTH_LIMIT_EXCEEDED']],
    [418, ['I_AM_A_TEAPOT']],
  ],
  'java-micronaut': [
    [208, ['ALREADY_IMPORTED']], [420, ['ENHANCE_YOUR_CALM']], [424, ['FAILED_DEPENDENCY']], [413, ['REQUEST_ENTITY_TOO_LARGE']],
  ],
  'java-apache-httpcore': [
    [424, ['SC_FAILED_DEPENDENCY']], [423, ['SC_LOCKED']], [413, ['SC_REQUEST_TOO_LONG']],
    [422, ['SC_UNPROCESSABLE_CONTENT', 'SC_UNPROCESSABLE_ENTITY']], [418, null],
  ],
  'java-servlet': [
    [423, null], [424, null], [302, ['SC_FOUND', 'SC_MOVED_TEMPORARILY']], [409, ['SC_CONFLICT']], [422, ['SC_UNPROCESSABLE_CONTENT']],
  ],
  'java-jaxrs': [
    [423, null], [424, null], [409, ['CONFLICT']], [412, ['PRECONDITION_FAILED']], [502, ['BAD_GATEWAY']],
  ],
  'java-jetty-httpstatus': [
    [404, ['NOT_FOUND_404']], [424, ['FAILED_DEPENDENCY_424']], [423, ['LOCKED_423']], [302, ['FOUND_302', 'MOVED_TEMPORARILY_302']],
    [413, ['PAYLOAD_TOO_LARGE_413', 'REQUEST_ENTITY_TOO_LARGE_413']], [420, ['ENHANCE_YOUR_CALM_420']], [425, null],
  ],
  'java-jetty-httpstatus-code': [
    [404, ['NOT_FOUND']], [424, ['FAILED_DEPENDENCY']], [308, ['PERMANENT_REDIRECT', 'PERMANET_REDIRECT']],
    [302, ['FOUND', 'MOVED_TEMPORARILY']], [413, ['PAYLOAD_TOO_LARGE']],
  ],
  'java-netty': [
    [424, ['FAILED_DEPENDENCY']], [425, ['UNORDERED_COLLECTION']], [413, ['REQUEST_ENTITY_TOO_LARGE']], [308, ['PERMANENT_REDIRECT']],
    [418, null],
  ],
  'java-restlet': [
    [424, ['CLIENT_ERROR_FAILED_DEPENDENCY']], [500, ['SERVER_ERROR_INTERNAL']], [301, ['REDIRECTION_PERMANENT']],
    [407, ['CLIENT_ERROR_PROXY_AUTHENTIFICATION_REQUIRED']], [429, null],
  ],
  'kotlin-ktor': [
    [424, ['FailedDependency']], [423, ['Locked']], [505, ['VersionNotSupported']],
    [431, ['RequestHeaderFieldTooLarge']], [418, null],
  ],
  'csharp-aspnetcore-statuscodes': [
    [424, ['Status424FailedDependency']], [423, ['Status423Locked']],
    [413, ['Status413PayloadTooLarge', 'Status413RequestEntityTooLarge']], [505, ['Status505HttpVersionNotsupported']],
  ],
  'csharp-httpstatuscode': [
    [300, ['MultipleChoices', 'Ambiguous']], [301, ['MovedPermanently', 'Moved']], [302, ['Found', 'Redirect']],
    [424, ['FailedDependency']], [418, null],
  ],
  'php-symfony-response': [
    [424, ['HTTP_FAILED_DEPENDENCY']], [423, ['HTTP_LOCKED']], [308, ['HTTP_PERMANENTLY_REDIRECT']],
    [506, ['HTTP_VARIANT_ALSO_NEGOTIATES_EXPERIMENTAL']],
  ],
  'php-fig-statuscodeinterface': [
    [424, ['STATUS_FAILED_DEPENDENCY']], [505, ['STATUS_VERSION_NOT_SUPPORTED']], [306, ['STATUS_RESERVED']],
  ],
  'php-slim-statuscode': [
    [404, ['HTTP_NOT_FOUND']], [424, ['HTTP_FAILED_DEPENDENCY']], [203, ['HTTP_NONAUTHORITATIVE_INFORMATION']], [306, ['HTTP_UNUSED']],
    [499, ['HTTP_CLIENT_CLOSED_REQUEST']], [505, ['HTTP_VERSION_NOT_SUPPORTED']],
  ],
  'php-symfony-http-exceptions': [
    [403, ['AccessDeniedHttpException']], [404, ['NotFoundHttpException']], [409, ['ConflictHttpException']],
    [412, ['PreconditionFailedHttpException']], [428, ['PreconditionRequiredHttpException']], [423, null], [424, null], [502, null],
  ],
  'php-sabredav-exceptions': [
    [403, ['Forbidden']], [404, ['NotFound', 'FileNotFound']], [423, ['Locked']], [412, ['PreconditionFailed']], [507, ['InsufficientStorage']],
    [424, null], [502, null],
  ],
  'ruby-rack-symbol': [
    [424, ['failed_dependency']], [423, ['locked']], [422, ['unprocessable_content', 'unprocessable_entity']],
    [413, ['content_too_large', 'payload_too_large', 'request_entity_too_large']], [306, null],
  ],
  'rust-http-statuscode': [
    [424, ['FAILED_DEPENDENCY']], [423, ['LOCKED']], [413, ['PAYLOAD_TOO_LARGE']], [418, ['IM_A_TEAPOT']],
  ],
  'rust-dropshot-error': [[424, ['FAILED_DEPENDENCY']], [508, ['LOOP_DETECTED']], [413, ['PAYLOAD_TOO_LARGE']], [425, null]],
  'rust-dropshot-client-error': [[424, ['FAILED_DEPENDENCY']], [451, ['UNAVAILABLE_FOR_LEGAL_REASONS']], [502, null]],
  'rust-actix-builders': [
    [424, ['FailedDependency']], [423, ['Locked']], [505, ['VersionNotSupported']], [425, null], [103, null],
  ],
  'rust-rocket-status': [
    [424, ['FailedDependency']], [423, ['Locked']], [505, ['HttpVersionNotSupported']], [425, null],
  ],
};

test('every scheme has spot checks, and only known schemes are spot-checked', () => {
  assert.deepEqual(Object.keys(SPOT).sort(), Object.keys(schemes).sort());
});

for (const [id, checks] of Object.entries(SPOT)) {
  test(`spot checks: ${id}`, () => {
    for (const [code, expected] of checks) {
      if (expected === null) assert.deepEqual(names(id, code), [], `${id} should not define ${code}`);
      else assert.deepEqual(names(id, code), expected, `${id} ${code}`);
    }
  });
}

test('scheme settings the scanner depends on', () => {
  assert.deepEqual(scheme('go-net-http').qualifiers, ['http']);
  assert.equal(scheme('go-net-http').separator, '.');
  assert.deepEqual(scheme('ruby-rack-symbol').qualifiers, ['']);
  assert.equal(scheme('ruby-rack-symbol').separator, ':');
  assert.equal(scheme('ruby-rack-symbol').context, true);
  assert.deepEqual(scheme('java-jaxrs').qualifiers, ['Status']);
  assert.equal(scheme('java-jaxrs').context, true);
  assert.deepEqual(scheme('python-httpstatus').qualifiers, ['HTTPStatus', 'http.client']);
  assert.deepEqual(scheme('python-aiohttp').qualifiers, ['web', 'web_exceptions']);
  assert.deepEqual(scheme('rust-actix-builders').qualifiers, ['HttpResponse']);
  assert.equal(scheme('rust-actix-builders').separator, '::');
  assert.ok(scheme('java-spring').families.includes('kotlin'), 'Spring constants are used from Kotlin too');
  // x/net/webdav writes its constants bare in its own package, qualified elsewhere.
  assert.deepEqual(scheme('go-x-net-webdav').qualifiers, ['webdav']);
  assert.equal(scheme('go-x-net-webdav').package, 'webdav');
  // Jetty's enum is spelled with its enclosing class: `Code.` alone is too generic a qualifier.
  assert.deepEqual(scheme('java-jetty-httpstatus-code').qualifiers, ['HttpStatus.Code']);
  // Qualified enum members are unambiguous: no context flag there.
  for (const id of ['go-net-http', 'python-httpstatus', 'csharp-httpstatuscode', 'csharp-aspnetcore-statuscodes', 'rust-http-statuscode']) {
    assert.notEqual(scheme(id).context, true, `${id} should not need a status context`);
  }
});

// The quick-fix examples of issue 4: rewrite in the same spelling.
// prettier-ignore
const QUICK_FIXES: [string, string, string, number, string][] = [
  // [family, from, to, target code, scheme]
  ['go', 'http.StatusFailedDependency', 'http.StatusBadGateway', 502, 'go-net-http'],
  ['python', 'HTTPStatus.FAILED_DEPENDENCY', 'HTTPStatus.LOCKED', 423, 'python-httpstatus'],
  ['ruby', ':failed_dependency', ':locked', 423, 'ruby-rack-symbol'],
  ['csharp', 'StatusCodes.Status424FailedDependency', 'StatusCodes.Status423Locked', 423, 'csharp-aspnetcore-statuscodes'],
  // And the spellings added since: Jetty, Slim, webdav-server, x/net/webdav.
  ['java', 'HttpStatus.FAILED_DEPENDENCY_424', 'HttpStatus.LOCKED_423', 423, 'java-jetty-httpstatus'],
  ['java', 'HttpStatus.Code.FAILED_DEPENDENCY', 'HttpStatus.Code.CONFLICT', 409, 'java-jetty-httpstatus-code'],
  ['php', 'StatusCode::HTTP_FAILED_DEPENDENCY', 'StatusCode::HTTP_BAD_GATEWAY', 502, 'php-slim-statuscode'],
  ['javascript', 'HTTPCodes.FailedDependency', 'HTTPCodes.PreconditionFailed', 412, 'js-webdav-server'],
  ['go', 'webdav.StatusFailedDependency', 'webdav.StatusLocked', 423, 'go-x-net-webdav'],
  // Netty and Restlet (the judgement corpus's round 7).
  ['java', 'HttpResponseStatus.FAILED_DEPENDENCY', 'HttpResponseStatus.BAD_GATEWAY', 502, 'java-netty'],
  ['kotlin', 'Status.CLIENT_ERROR_FAILED_DEPENDENCY', 'Status.CLIENT_ERROR_CONFLICT', 409, 'java-restlet'],
  ['rust', 'ErrorStatusCode::FAILED_DEPENDENCY', 'ErrorStatusCode::BAD_GATEWAY', 502, 'rust-dropshot-error'],
  ['rust', 'ClientErrorStatusCode::FAILED_DEPENDENCY', 'ClientErrorStatusCode::CONFLICT', 409, 'rust-dropshot-client-error'],
  // Iris (round 10).
  ['go', 'iris.StatusFailedDependency', 'iris.StatusBadRequest', 400, 'go-iris'],
];

test('the quick-fix examples of issue 4 resolve and rewrite in the same spelling', () => {
  for (const [family, from, to, target, id] of QUICK_FIXES) {
    assert.deepEqual(lookup(family, from), [424], `${from} should be 424 in ${family}`);
    assert.deepEqual(lookup(family, to), [target], `${to} should be ${target} in ${family}`);
    const s = scheme(id);
    const qualifier = s.qualifiers.find((q) => from.startsWith(`${q}${s.separator}`));
    assert.notEqual(qualifier, undefined, `${from} does not use a qualifier of ${id}`);
    assert.equal(`${qualifier}${s.separator}${preferred(id, target)}`, to, `${id} writes ${to} for ${target}`);
  }
});

test('frameworks without a 423/424 constant make the fix fall back to the literal', () => {
  for (const id of ['java-servlet', 'java-jaxrs']) {
    assert.equal(preferred(id, 423), undefined, `${id} 423`);
    assert.equal(preferred(id, 424), undefined, `${id} 424`);
  }
  assert.equal(preferred('python-aiohttp', 423), undefined, 'aiohttp has no HTTPLocked');
  // Node core has no named constants: no JavaScript scheme qualifies with `http`.
  for (const s of Object.values(schemes)) {
    if (s.families.includes('javascript')) assert.ok(!s.qualifiers.includes('http'), `${s.framework} uses qualifier http`);
  }
});

test('the constant spellings named in DESIGN.md are 424 in their family', () => {
  const cases: [string, string][] = [
    ['go', 'http.StatusFailedDependency'],
    ['python', 'HTTPStatus.FAILED_DEPENDENCY'],
    ['python', 'status.HTTP_424_FAILED_DEPENDENCY'],
    ['csharp', 'StatusCodes.Status424FailedDependency'],
    ['java', 'HttpStatus.FAILED_DEPENDENCY'],
    ['kotlin', 'HttpStatus.FAILED_DEPENDENCY'],
    ['javascript', 'HttpStatus.FAILED_DEPENDENCY'],
    ['javascript', 'StatusCodes.FAILED_DEPENDENCY'],
    ['ruby', ':failed_dependency'],
    ['rust', 'StatusCode::FAILED_DEPENDENCY'],
    ['php', 'Response::HTTP_FAILED_DEPENDENCY'],
  ];
  for (const [family, spelling] of cases) assert.deepEqual(lookup(family, spelling), [424], `${family} ${spelling}`);
});

test('each completion prefix of issue 4 leads to a framework that defines 424', () => {
  const prefixes: [string, string][] = [
    ['go', 'http.Status'],
    ['python', 'HTTPStatus.'],
    ['python', 'status.HTTP_'],
    ['java', 'HttpStatus.'],
    ['csharp', 'StatusCodes.'],
    ['javascript', 'StatusCodes.'],
    ['php', 'Response::HTTP_'],
    ['rust', 'StatusCode::'],
  ];
  for (const [family, prefix] of prefixes) {
    const hits = [...familyIndex(family)].filter(([spelling, codes]) => spelling.startsWith(prefix) && codes.has(424));
    assert.ok(hits.length > 0, `${family}: nothing after ${prefix} means 424`);
  }
});

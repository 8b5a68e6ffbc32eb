/**
 * fast-check generators of hostile documents: real files mutated (truncated, garbled, spliced, re-encoded),
 * token soup in each language's own vocabulary, and random OpenAPI trees written as YAML or JSON in every
 * style. Positions are fractions of the text, so one mutation applies to any text and shrinks well.
 */
import fc from 'fast-check';
import * as YAML from 'yaml';
import * as knowledge from '../../server/src/knowledge';
import { CODE_LANGUAGES, LANGUAGE_IDS, type Seed, seeds } from './corpus';

export interface FuzzDocument {
  languageId: string;
  text: string;
}

/** Characters that mean something to some lexer or to YAML/JSON, and the awkward ones. */
const SYNTAX = [
  ...`{}[]()<>'"\`:;,.#/*\\-=!?&|@$%^~+ \t\n\r`,
  '\r\n',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u2028',
  '\u00e9',
  '\u{1f600}',
  '\x7f',
  '---',
  '...',
  '- ',
  ': ',
  '? ',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>-',
  '${',
  '*/',
  '/*',
  '"""',
  "'''",
  '=begin\n',
  '=end\n',
  '<<<EOT\n',
  '<<~EOS\n',
  'r#"',
  '"#',
  '@"',
  '\\u',
  '\\x3',
];

export const syntaxChar = fc.constantFrom(...SYNTAX);
/** Any UTF-16 code unit, lone surrogates included. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const WORDS = [
  'res',
  'status',
  'sendStatus',
  'ctx',
  'throw',
  'abort',
  'w',
  'WriteHeader',
  'http',
  'StatusFailedDependency',
  'StatusCodes',
  'FAILED_DEPENDENCY',
  'HttpStatus',
  'HTTPStatus',
  'status_code',
  'statusCode',
  'StatusCode',
  'Response',
  'HTTP_FAILED_DEPENDENCY',
  'Status424FailedDependency',
  'HttpStatusCode',
  'FailedDependency',
  'halt',
  'head',
  'render',
  'json',
  'return',
  'function',
  'def',
  'fn',
  'func',
  'fun',
  'async',
  'await',
  'try',
  'catch',
  'except',
  'rescue',
  'if',
  'err',
  'nil',
  'else',
  'class',
  'module',
  'end',
  'do',
  'new',
  'Exception',
  'batch',
  'bulk',
  'transaction',
  'locked',
  'lock',
  'conflict',
  'duplicate',
  'etag',
  'precondition',
  'upstream',
  'timeout',
  'fetch',
  'axios',
  'requests',
  'PROPPATCH',
  'http-status-lens-disable-next-line',
  '424-for-lock',
  '424-without-dependency',
];
const NUMBERS = [
  '424',
  '423',
  '409',
  '412',
  '502',
  '503',
  '504',
  '207',
  '200',
  '999',
  '42',
  '4242',
  '0424',
  '4.24',
  '424n',
  '0x1a8',
  '1e3',
];
const STRINGS = [
  '"order is locked"',
  "'already exists'",
  '"If-Match failed"',
  '"upstream timed out"',
  '"the earlier step failed"',
  '"HTTP 424"',
  "'424 Failed Dependency'",
  '`status ${424}`',
  '"res.status(424)"',
  'r"x"',
  "b'x'",
  '@"a""b"',
  '"""doc"""',
];

/** Token soup in the vocabulary of status code handling: more findings per byte than random text. */
export const tokenSoup = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
      { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
      { weight: 5, arbitrary: syntaxChar },
      { weight: 1, arbitrary: fc.constantFrom('// ', '# ', '/* ', ' */', '\n    ', '\n\t', '(', ')', '.') },
    ),
    { maxLength: 200, size: 'large' },
  )
  .map((tokens) => tokens.join(''));

const CODES = [424, 423, 409, 412, 502, 503, 504, 207, 200, 499, 999];

/**
 * Statements in a family's own status contexts, from the same data the scanner reads (data/frameworks.json,
 * data/spellings.json): `x.status(424, "msg")`, `status_code = StatusCodes.X`, `head :locked`. As the data
 * grows, so does what the fuzzer writes.
 */
function statementsOf(family: string): fc.Arbitrary<string> {
  const contexts = knowledge.statusContextsOf(family);
  const spellings = knowledge.spellingsFor(family);
  const constants = spellings.schemes.flatMap(({ id, scheme }) =>
    scheme.qualifiers.flatMap((q) =>
      CODES.map((code) => knowledge.memberFor(id, code))
        .filter((m): m is string => m !== undefined)
        .map((m) => q + scheme.separator + m),
    ),
  );
  const value = fc.oneof(fc.constantFrom(...NUMBERS), constants.length > 0 ? fc.constantFrom(...constants) : fc.constantFrom(...NUMBERS));
  const message = fc.constantFrom(...STRINGS);
  const calls = [...(contexts?.calls ?? new Map<string, { argument: number; qualifier: string }[]>())].flatMap(([callee, uses]) =>
    uses.map((u) => ({ callee, ...u })),
  );
  const forms: fc.Arbitrary<string>[] = [fc.tuple(fc.constantFrom('status', 'code', 'statusCode'), value).map(([p, v]) => `${p}: ${v}`)];
  if (calls.length > 0)
    forms.push(
      fc.tuple(fc.constantFrom(...calls), value, message).map(([call, v, m]) => {
        const args = Array.from({ length: Math.max(call.argument + 1, 2) }, (_, i) => (i === call.argument ? v : i === 0 ? 'w' : m));
        return `${call.qualifier || 'x.'}${call.callee}(${args.join(', ')})`;
      }),
    );
  const properties = [...(contexts?.properties ?? [])];
  if (properties.length > 0)
    forms.push(
      fc.tuple(fc.constantFrom(...properties), fc.constantFrom(' = ', ': ', '=', ' => '), value).map(([p, op, v]) => `${p}${op}${v}`),
    );
  const commands = [...(contexts?.commands ?? [])];
  if (commands.length > 0) forms.push(fc.tuple(fc.constantFrom(...commands), value, message).map(([c, v, m]) => `${c} ${v}, ${m}`));
  return fc.oneof(...forms);
}

const BLOCKS = [
  'function handle(req, res) {',
  'def handle(request):',
  'func Handle(w http.ResponseWriter, r *http.Request) {',
  'try {',
  '} catch (e) {',
  'except Exception:',
  'rescue => e',
  'if err != nil {',
  'fn handle() -> Response {',
  'post "/batch" do',
  'public IActionResult Put() {',
  '}',
  'end',
  '    ',
  '\t',
  '@app.route("/orders")',
  '// http-status-lens-disable-next-line',
  '# http-status-lens-disable-next-line 424-for-lock',
];

/** A program: statements of the family's status contexts between block openers, comments and soup. */
export const codeDocument: fc.Arbitrary<FuzzDocument> = fc.constantFrom(...CODE_LANGUAGES).chain((languageId) => {
  const family = knowledge.language(languageId)!.family;
  const line = fc.oneof(
    { weight: 4, arbitrary: statementsOf(family) },
    { weight: 2, arbitrary: fc.constantFrom(...BLOCKS) },
    { weight: 1, arbitrary: tokenSoup },
  );
  return fc
    .array(fc.tuple(line, fc.constantFrom('\n', ';\n', '\n  ', '\r\n', ' ', '\n\n')), { maxLength: 40, size: 'large' })
    .map((lines) => ({ languageId, text: lines.map(([l, end]) => l + end).join('') }));
});

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number; times: number }
  | { op: 'splice'; at: number; seed: number; from: number; length: number }
  | { op: 'lineEndings'; style: '\r\n' | '\r' }
  | { op: 'bom' }
  | { op: 'reindent'; line: number; delta: number }
  | { op: 'swapQuotes' };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(syntaxChar, fc.string({ unit: anyCodeUnit, maxLength: 4 }), tokenSoup),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fraction,
    length: fc.integer({ min: 1, max: 30 }),
    times: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ op: fc.constant('splice' as const), at: fraction, seed: fc.nat(), from: fraction, length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('lineEndings' as const), style: fc.constantFrom('\r\n' as const, '\r' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('reindent' as const), line: fraction, delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('swapQuotes' as const) }),
);

const at = (text: string, f: number) => Math.floor(f * text.length);

export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at(text, m.at));
    case 'delete': {
      const p = at(text, m.at);
      return text.slice(0, p) + text.slice(p + m.length);
    }
    case 'insert': {
      const p = at(text, m.at);
      return text.slice(0, p) + m.text + text.slice(p);
    }
    case 'duplicate': {
      const p = at(text, m.at);
      return text.slice(0, p) + text.slice(p, p + m.length).repeat(m.times) + text.slice(p);
    }
    case 'splice': {
      const other = seeds[m.seed % seeds.length].text;
      const from = at(other, m.from);
      const p = at(text, m.at);
      return text.slice(0, p) + other.slice(from, from + m.length) + text.slice(p);
    }
    case 'lineEndings':
      return text.replace(/\r?\n/g, m.style);
    case 'bom':
      return '\ufeff' + text;
    case 'reindent': {
      const lines = text.split('\n');
      const i = Math.floor(m.line * lines.length) % Math.max(1, lines.length);
      lines[i] = m.delta > 0 ? ' '.repeat(m.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'swapQuotes':
      return text.replace(/['"]/g, (q) => (q === '"' ? "'" : '"'));
  }
}

/** A real file of the repository, mutated; sometimes read as another language than its own. */
export const mutatedSeed: fc.Arbitrary<FuzzDocument & { seed: string }> = fc
  .record({
    seed: fc.nat({ max: seeds.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    otherLanguage: fc.option(fc.constantFrom(...LANGUAGE_IDS), { freq: 8 }),
  })
  .map(({ seed, mutations, otherLanguage }) => {
    const base: Seed = seeds[seed];
    const text = mutations.reduce(mutate, base.text);
    return { languageId: otherLanguage ?? base.languageId, text, seed: base.name };
  });

/** Token soup in a code language. */
export const soupDocument: fc.Arbitrary<FuzzDocument> = fc.record({ languageId: fc.constantFrom(...CODE_LANGUAGES), text: tokenSoup });

/** Raw bytes read as text (what a binary file opened by mistake looks like), in any language. */
export const binaryDocument: fc.Arbitrary<FuzzDocument> = fc
  .record({
    languageId: fc.constantFrom(...LANGUAGE_IDS),
    bytes: fc.uint8Array({ maxLength: 4000, size: 'max' }),
    encoding: fc.constantFrom<BufferEncoding>('utf8', 'latin1', 'utf16le'),
  })
  .map(({ languageId, bytes, encoding }) => ({ languageId, text: Buffer.from(bytes).toString(encoding) }));

// --- OpenAPI trees ---------------------------------------------------------------------------------

const responseKey = fc.oneof(
  fc.constantFrom(
    '200',
    '201',
    '204',
    '207',
    '409',
    '412',
    '423',
    '424',
    '502',
    '503',
    '504',
    '4XX',
    '5XX',
    '4xx',
    'default',
    '42',
    '999',
    'x-extra',
    '1XX',
    '',
  ),
  fc.integer({ min: 0, max: 1000 }).map(String),
);
const description = fc.constantFrom(
  'ok',
  'The order is locked',
  'already exists',
  'version mismatch',
  'If-Match precondition failed',
  'the upstream service timed out',
  'an earlier step in the batch failed',
  'HTTP 424',
  '424 Failed Dependency',
  '',
  'line one\nline two',
  'a: colon # hash',
);
const response = fc.oneof(
  fc.record({ description }),
  fc.record({
    $ref: fc.constantFrom(
      '#/components/responses/Conflict',
      '#/components/responses/a~1b',
      'https://example.invalid/remote.yaml#/x',
      '../other.yaml#/responses/Locked',
    ),
  }),
  fc.record({
    description,
    'x-http-status-lens-ignore': fc.array(
      fc.constantFrom('424-for-lock', '424-without-dependency', 'unregistered-status-code', 'nonsense'),
      { maxLength: 2 },
    ),
  }),
  fc.constant(null),
);
const operation = fc.record(
  {
    operationId: fc.constantFrom('updateOrder', 'batchOrders', 'proppatch', 'lockDocument'),
    summary: description,
    tags: fc.array(fc.constantFrom('batch', 'orders', 'webdav'), { maxLength: 2 }),
    responses: fc.dictionary(responseKey, response, { maxKeys: 6 }),
    'x-http-status-lens-ignore': fc.array(fc.constantFrom('424-for-conflict', '424-without-dependency'), { maxLength: 1 }),
    requestBody: fc.constant({ content: { 'application/json': { schema: { type: 'array' } } } }),
  },
  { requiredKeys: ['responses'] },
);
const pathItem = fc.dictionary(fc.constantFrom('get', 'put', 'post', 'delete', 'patch', 'proppatch', 'parameters', 'x-foo'), operation, {
  maxKeys: 3,
});
const spec = fc.record(
  {
    root: fc.constantFrom(
      ['openapi', '3.0.3'],
      ['openapi', '3.1.0'],
      ['openapi', '3.2.0'],
      ['swagger', '2.0'],
      ['openapi', 3.1],
      ['asyncapi', '2.0'],
    ),
    paths: fc.dictionary(fc.constantFrom('/orders', '/orders/{id}', '/batch', '/documents/{id}/lock', '~1weird'), pathItem, { maxKeys: 3 }),
    webhooks: fc.dictionary(fc.constantFrom('orderLocked'), pathItem, { maxKeys: 1 }),
    components: fc.constant({
      responses: { Conflict: { description: 'already exists' }, 'a/b': { description: 'The resource is locked' } },
    }),
  },
  { requiredKeys: ['root', 'paths'] },
);

export const specDocument: fc.Arbitrary<FuzzDocument> = fc
  .record({
    spec,
    format: fc.constantFrom('yaml-block', 'yaml-flow', 'yaml-quoted', 'json', 'json-compact', 'jsonc'),
    mutations: fc.array(mutation, { maxLength: 3 }),
  })
  .map(({ spec: { root, ...rest }, format, mutations }) => {
    const value = { [root[0] as string]: root[1], ...rest };
    let text: string;
    const languageId = format.startsWith('yaml') ? 'yaml' : format === 'jsonc' ? 'jsonc' : 'json';
    if (format === 'yaml-block') text = YAML.stringify(value);
    else if (format === 'yaml-flow') text = YAML.stringify(value, { collectionStyle: 'flow' });
    else if (format === 'yaml-quoted') text = YAML.stringify(value, { defaultKeyType: 'QUOTE_DOUBLE', defaultStringType: 'QUOTE_SINGLE' });
    else if (format === 'json') text = JSON.stringify(value, null, 2);
    else if (format === 'json-compact') text = JSON.stringify(value);
    else text = '// spec\n' + JSON.stringify(value, null, '\t').replace(/\n(\t+)\}/g, ',\n$1}');
    return { languageId, text: mutations.reduce(mutate, text) };
  });

/** Everything at once, weighted towards the inputs that find the most. */
export const anyDocument: fc.Arbitrary<FuzzDocument> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeed },
  { weight: 3, arbitrary: specDocument },
  { weight: 3, arbitrary: codeDocument },
  { weight: 1, arbitrary: soupDocument },
  { weight: 1, arbitrary: binaryDocument },
);

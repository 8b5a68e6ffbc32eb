import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverText, service } from './helpers';

const spec = (key: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders:
    post:
      responses:
        ${key}:
          description: x
`;

describe('a hover that fits a hover', () => {
  const plain = (markdown: string) => markdown.replace(/\]\([^)]*\)/g, ']').replace(/[*_[\]]/g, '');
  const lines = (markdown: string) =>
    plain(markdown)
      .split('\n')
      .filter((line) => line.trim() !== '');

  for (const code of [424, 409, 412, 423, 502, 503, 504, 207]) {
    test(`${code}: the meaning in one line, the neighbours one line each, at most 12 lines, the rest behind a link`, () => {
      const text = hoverText(`res.status(${String(code).replace(/^(\d)/, '$1|')})`, 'typescript')!;
      const all = lines(text);
      assert.ok(all.length <= 12, `${all.length} lines:\n${all.join('\n')}`);
      // A 424 with nothing around it first says so (its verdict, one line); the layout follows.
      const shown = code === 424 ? all.slice(1) : all;
      if (code === 424) assert.match(all[0], /^Nothing here marks a dependency chain/);
      assert.match(shown[0], new RegExp(`^${code} `));
      assert.doesNotMatch(shown[1], /^Use instead/, 'the meaning comes second');
      assert.equal(shown[2], 'Use instead');
      for (const line of shown.slice(3, -1)) assert.match(line, /^- \d{3} [A-Za-z ]+ when .{10,80}$/);
      assert.ok(plain(text).length < 900, `${plain(text).length} characters`);
      assert.match(text, new RegExp(`\\[Full explanation\\]\\(https://\\S+/docs/codes/${code}\\.md\\)`));
    });
  }

  test('a code without a rich explanation: meaning and RFC, no page link', () => {
    const text = hoverText('res.status(4|04)', 'typescript')!;
    assert.match(text, /^\*\*404 Not Found\*\* · Client Error\n\n.+\n\n\[RFC 9110 §15\.5\.5\]/);
    assert.doesNotMatch(text, /Full explanation/);
  });
});

describe('hover on OpenAPI response keys', () => {
  for (const key of [`'4|24'`, `"4|24"`, `4|24`]) {
    test(`YAML key ${key}`, () => {
      const text = hoverText(spec(key), 'yaml');
      // The verdict first, in one line, then the meaning and the neighbours to use instead.
      assert.match(text!, /^Nothing here marks a dependency chain: 409, 412, 423 or 502 may fit better\.\n\n\*\*424 Failed Dependency\*\*/);
      assert.match(text!, /\*\*Use instead\*\*\n- \*\*409 Conflict\*\* when /);
      assert.match(text!, /\*\*423 Locked\*\* when the target resource is locked/);
      assert.match(text!, /rfc4918#section-11\.4/);
    });
  }

  test('JSON key', () => {
    const json = JSON.stringify({ swagger: '2.0', paths: { '/a': { get: { responses: { '409': { description: 'x' } } } } } }, null, 2);
    const text = hoverText(json.replace('"409"', '"40|9"'), 'json');
    assert.ok(text?.startsWith('**409 Conflict**'), text);
  });

  test('a range key and default', () => {
    assert.match(hoverText(spec(`'4X|X'`), 'yaml')!, /Client Error/);
    assert.match(hoverText(spec(`defa|ult`), 'yaml')!, /every status code/);
  });

  test('a $ref response shows the referenced description', () => {
    const text = `openapi: 3.0.0
paths:
  /a:
    get:
      responses:
        '4|04':
          $ref: '#/components/responses/NotFound'
components:
  responses:
    NotFound:
      description: No such order.
`;
    assert.match(hoverText(text, 'yaml')!, /This response: No such order\./);
  });

  test('no hover in a YAML file that is not a spec', () => {
    assert.equal(hoverText(`services:\n  web:\n    responses:\n      '4|24': x\n`, 'yaml'), undefined);
  });

  test('no hover on a value that merely looks like a code', () => {
    assert.equal(hoverText(spec(`'200'`).replace('description: x', 'description: x\n          maxLength: 4|24'), 'yaml'), undefined);
  });
});

describe('hover in JavaScript and TypeScript', () => {
  const cases: [string, string | undefined][] = [
    ['res.status(4|24).json({})', '424 Failed Dependency'],
    ['res.sendStatus(4|24)', '424 Failed Dependency'],
    ['ctx.status = 4|23', '423 Locked'],
    ['return new Response(null, { status: 4|12 })', '412 Precondition Failed'],
    ['reply.code(50|2).send()', '502 Bad Gateway'],
    ['res.statusCode = 4|09', '409 Conflict'],
    ['const width = 4|24', undefined],
    ['if (status === 4|24) {}', '424 Failed Dependency'],
    ['if (width === 4|24) {}', undefined],
    ['const s = "res.status(4|24)"', undefined],
    ['const s = `res.status(4|24)`', undefined],
    ['// res.status(4|24)', undefined],
    ['// responds with HTTP 4|24 when a step failed', '424 Failed Dependency'],
    ['/* 4|24 Failed Dependency */', '424 Failed Dependency'],
    ['const s = "4|24"', undefined],
    ['const re = /status(4|24)/', undefined],
    ['res.status(`${a}`).send(x); res.status(4|24)', '424 Failed Dependency'],
  ];
  for (const [code, expected] of cases) {
    test(code, () => {
      const text = hoverText(code, 'typescript');
      if (expected === undefined) assert.equal(text, undefined);
      else assert.ok(text?.includes(`**${expected}**`), text);
    });
  }
});

describe('multi-document YAML', () => {
  test('only the spec documents of a stream get hovers', () => {
    const stream = `kind: ConfigMap\nresponses:\n  '424': x\n---\nopenapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        '409':\n          description: x\n`;
    assert.equal(hoverText(stream.replace("'424'", "'4|24'"), 'yaml'), undefined);
    assert.match(hoverText(stream.replace("'409'", "'40|9'"), 'yaml')!, /409 Conflict/);
  });
});

describe('language ids of other editors', () => {
  test('an unknown language id falls back on the file extension', () => {
    const text = 'return StatusCode(424);';
    const cs = TextDocument.create('file:///x/Controller.cs', 'cs', 1, text);
    assert.match(
      (service.doHover(cs, cs.positionAt(text.indexOf('424') + 1))!.contents as { value: string }).value,
      /424 Failed Dependency/,
    );
    const unknown = TextDocument.create('file:///x/notes.txt', 'plaintext', 1, text);
    assert.equal(service.doHover(unknown, unknown.positionAt(text.indexOf('424') + 1)), null);
  });
});

describe('the verdict line on a 424 (the evidence around it, in one line, before the explanation)', () => {
  const cases: [string, string, string][] = [
    [
      'in the error branch of an outbound call',
      'typescript',
      `app.post('/x', async (req, res) => {\n  try { await billing.invoiceFor(id); } catch (e) { res.status(4|24).end(); }\n});`,
    ],
    ['guarded by a condition', 'go', `func h(w http.ResponseWriter) {\n\tif etag != ifMatch {\n\t\tw.WriteHeader(4|24)\n\t}\n}\n`],
    ['its own message', 'python', `def h():\n    abort(4|24, "the file is locked")\n`],
    ['a batch handler', 'typescript', `app.post('/orders/batch', (req, res) => { res.status(4|24).end(); });`],
    ['nothing around it', 'typescript', `app.delete('/x', (req, res) => { res.status(4|24).end(); });`],
    ['read, not set', 'typescript', `if (res.status === 4|24) retry();`],
    ['a 409 whose message names a failed prerequisite', 'typescript', `res.status(4|09).send('the parent task of this job has failed');`],
  ];
  const expected = [
    "In the error branch of `billing.invoiceFor(...)`: if the failure is another service's, 502 fits; if the server's own, 500.",
    'Guarded by `etag != ifMatch`: a failed precondition, 412 fits.',
    'Its message says "locked": a locked resource, 423 fits.',
    'The handler says "batch": a dependency chain, 424 fits.',
    'Nothing here marks a dependency chain: 409, 412, 423 or 502 may fit better.',
    'Read here (compared, switched on or tested), not set: no finding.',
    'Its message says "parent task of this job has failed": an earlier required action failed, 424 Failed Dependency fits.',
  ];
  cases.forEach(([name, languageId, marked], i) => {
    test(name, () => {
      const text = hoverText(marked, languageId)!;
      const [first, second] = text.split('\n\n');
      assert.equal(first, expected[i]);
      assert.match(second, /^\*\*4(24 Failed Dependency|09 Conflict)\*\*/);
    });
  });

  test('in a test file, a status sent by a stub is read, and the hover says why', () => {
    const marked = `func fakeBilling(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusFailedDep|endency)\n}\n`;
    const [inTest] = hoverText(marked, 'go', 'billing_test.go')!.split('\n\n');
    assert.equal(inTest, 'In a test file: a status the test expects or stubs, not one the application sends: no finding.');
    const [inCode] = hoverText(marked, 'go', 'billing.go')!.split('\n\n');
    assert.equal(inCode, 'Nothing here marks a dependency chain: 409, 412, 423 or 502 may fit better.');
  });
});

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

describe('hover on OpenAPI response keys', () => {
  for (const key of [`'4|24'`, `"4|24"`, `4|24`]) {
    test(`YAML key ${key}`, () => {
      const text = hoverText(spec(key), 'yaml');
      // The verdict first, in one line, then the explanation.
      assert.match(text!, /^Nothing here marks a dependency chain: 409, 412, 423 or 502 may fit better\.\n\n\*\*424 Failed Dependency\*\*/);
      assert.match(text!, /Not to be confused with/);
      assert.match(text!, /\*\*423 Locked\*\*/);
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

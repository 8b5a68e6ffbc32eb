import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { service, withCursor } from './helpers';

function complete(marked: string, languageId: string): { items: CompletionItem[]; apply(label: string): string } {
  const { document, offset } = withCursor(marked, languageId);
  const list = service.doComplete(document, document.positionAt(offset));
  const items = (list?.items ?? []).slice().sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  return {
    items,
    apply(label) {
      const chosen = items.find((i) => i.label === label);
      assert.ok(chosen, `no item ${label}`);
      const edit = chosen.textEdit as TextEdit;
      // Snippet placeholders ${1:x} become x, as the editor shows them.
      return TextDocument.applyEdits(document, [{ ...edit, newText: edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') }]);
    },
  };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion of response keys', () => {
  const yaml = (path: string, method: string, after: string) =>
    `openapi: 3.0.0\npaths:\n  ${path}:\n    ${method}:\n      responses:\n        '200':\n          description: ok\n${after}`;

  test('a new YAML key in the file quoting style, with a description', () => {
    const { apply } = complete(yaml('/orders', 'post', "        '4|\n"), 'yaml');
    assert.equal(apply('409'), yaml('/orders', 'post', "        '409':\n          description: Conflict\n"));
  });

  test('an auto-closed quote is replaced, not doubled', () => {
    const { apply } = complete(yaml('/orders', 'post', "        '4|'\n"), 'yaml');
    assert.equal(apply('409'), yaml('/orders', 'post', "        '409':\n          description: Conflict\n"));
  });

  test('codes already used are not offered, each item names its phrase and meaning', () => {
    const { items } = complete(yaml('/orders', 'post', '        |\n'), 'yaml');
    assert.ok(!labels(items).includes('200'));
    const item424 = items.find((i) => i.label === '424')!;
    assert.equal(item424.labelDetails?.description, 'Failed Dependency');
    // The full explanation, which the hover leaves to a page: when it fits, and each neighbour's difference.
    const documentation = (item424.documentation as { value: string }).value;
    assert.match(documentation, /^# 424 Failed Dependency\n/);
    assert.match(documentation, /## When it fits\n\n- A WebDAV PROPPATCH/);
    assert.match(documentation, /\*\*\[423 Locked\]\(https:\/\/github\.com\/.+\/docs\/codes\/423\.md\)\*\*: 423 says/);
    // A code without a rich explanation keeps the short text.
    const item404 = items.find((i) => i.label === '404')!;
    assert.match((item404.documentation as { value: string }).value, /^\*\*404 Not Found\*\*/);
  });

  test('a batch operation offers 207 and 424 first; a plain GET does not', () => {
    assert.deepEqual(labels(complete(yaml('/orders/batch', 'post', '        |\n'), 'yaml').items).slice(0, 2), ['207', '424']);
    const get = labels(complete(yaml('/orders/{id}', 'get', '        |\n'), 'yaml').items);
    assert.deepEqual(get.slice(0, 2), ['304', '404']);
    assert.ok(get.indexOf('424') > get.indexOf('500'));
  });

  test('an empty responses map', () => {
    const text = `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        |\n`;
    assert.equal(
      complete(text, 'yaml').apply('404'),
      `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          description: Not Found\n`,
    );
  });

  test('nothing outside a responses map or in a non-spec file', () => {
    assert.equal(complete(yaml('/a', 'get', '      |\n'), 'yaml').items.length, 0);
    assert.equal(complete(`name: x\nresponses:\n  |\n`, 'yaml').items.length, 0);
    assert.equal(complete(yaml('/a', 'get', '').replace('description: ok', 'description: |'), 'yaml').items.length, 0);
  });

  test('a JSON key, with a comma when another key follows', () => {
    const json = (middle: string) =>
      `{"openapi": "3.0.0", "paths": {"/a": {"post": {"responses": {\n  ${middle}\n  "200": {"description": "ok"}\n}}}}}`;
    assert.equal(complete(json('"4|'), 'json').apply('409'), json('"409": {\n    "description": "Conflict"\n  },'));
    assert.equal(
      complete(json('"4|').replace('"200": {"description": "ok"}', '"200": {|"description": "ok"}').replace('"4|', ''), 'json').items
        .length,
      0,
    );
  });
});

describe('completion in code', () => {
  test('after a status call', () => {
    const { items, apply } = complete(`app.delete('/x', (req, res) => { res.status(|) })`, 'typescript');
    assert.ok(labels(items).includes('424'));
    assert.equal(apply('404'), `app.delete('/x', (req, res) => { res.status(404) })`);
  });

  test('after a status property and a keyword argument', () => {
    assert.ok(labels(complete(`ctx.status = |`, 'javascript').items).includes('409'));
    assert.ok(labels(complete(`raise HTTPException(status_code=|)`, 'python').items).includes('409'));
  });

  test('in the error handler of an outbound call, 502/503/504 first', () => {
    const { items } = complete(
      `app.get('/x', async (req, res) => {\n  try { await fetch(u) } catch (e) { res.status(|) }\n})`,
      'typescript',
    );
    assert.deepEqual(labels(items).slice(0, 3), ['502', '503', '504']);
  });

  test('in the error branch of a call, in Go, Python, Java and Ruby: 502/503/504 first; elsewhere in the same handler not', () => {
    const go = `func h(w http.ResponseWriter, r *http.Request) {\n\tinv, err := s.billing.InvoiceFor(id)\n\tif err != nil {\n\t\tw.WriteHeader(|)\n\t}\n}\n`;
    assert.deepEqual(labels(complete(go, 'go').items).slice(0, 3), ['502', '503', '504']);
    const py = `def h():\n    try:\n        requests.get(url)\n    except requests.ConnectionError:\n        abort(|)\n`;
    assert.deepEqual(labels(complete(py, 'python').items).slice(0, 3), ['502', '503', '504']);
    const java = `ResponseEntity<?> h() {\n    try {\n        restTemplate.getForObject(url, String.class);\n    } catch (RestClientException e) {\n        return ResponseEntity.status(|).build();\n    }\n}\n`;
    assert.deepEqual(labels(complete(java, 'java').items).slice(0, 3), ['502', '503', '504']);
    const ruby = `def h\n  begin\n    Faraday.get(url)\n  rescue Faraday::Error\n    head(|)\n  end\nend\n`;
    assert.deepEqual(labels(complete(ruby, 'ruby').items).slice(0, 3), ['502', '503', '504']);
    // The same handler outside the error branch: no 5xx first.
    const outside = `app.get('/x', async (req, res) => {\n  try { await fetch(u) } catch (e) { log(e) }\n  res.status(|)\n})`;
    assert.notDeepEqual(labels(complete(outside, 'typescript').items).slice(0, 3), ['502', '503', '504']);
  });

  test('in a batch handler, 207 and 424 first', () => {
    const { items } = complete(`@app.post("/orders/batch")\ndef run():\n    abort(|)\n`, 'python');
    assert.deepEqual(labels(items).slice(0, 2), ['207', '424']);
  });

  test('the spelling the file already uses', () => {
    const { apply } = complete(`import { StatusCodes } from 'http-status-codes';\nres.status(|);`, 'typescript');
    assert.equal(apply('424'), `import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.FAILED_DEPENDENCY);`);
  });

  for (const [language, marked, member] of [
    ['go', 'w.WriteHeader(http.Status|)', 'StatusFailedDependency'],
    ['python', 'return Response(status=HTTPStatus.|)', 'FAILED_DEPENDENCY'],
    ['python', 'raise HTTPException(status_code=status.HTTP_|)', 'HTTP_424_FAILED_DEPENDENCY'],
    ['java', 'return ResponseEntity.status(HttpStatus.|).build();', 'FAILED_DEPENDENCY'],
    ['typescript', 'res.status(StatusCodes.|)', 'FAILED_DEPENDENCY'],
    ['php', 'return new Response($c, Response::HTTP_|);', 'HTTP_FAILED_DEPENDENCY'],
    ['rust', 'return (StatusCode::|, body);', 'FAILED_DEPENDENCY'],
    ['csharp', 'return StatusCode(StatusCodes.|);', 'Status424FailedDependency'],
    ['java', 'response.setStatus(HttpStatus.Code.|.getCode());', 'FAILED_DEPENDENCY'],
    ['java', 'response.setStatus(HttpStatus.|);', 'FAILED_DEPENDENCY_424'],
    ['php', 'return $response->withStatus(StatusCode::|);', 'HTTP_FAILED_DEPENDENCY'],
    ['php', 'return $response->withStatus(StatusCodeInterface::|);', 'STATUS_FAILED_DEPENDENCY'],
    ['javascript', 'ctx.setCode(HTTPCodes.|);', 'FailedDependency'],
    ['go', 'w.WriteHeader(webdav.|)', 'StatusFailedDependency'],
  ] as const) {
    test(`${language}: members after a framework qualifier (${marked})`, () => {
      const { items } = complete(marked, language);
      const found = items.find((i) => i.label === member);
      assert.ok(found, labels(items).slice(0, 5).join(', '));
      assert.equal(found.detail, '424 Failed Dependency');
    });
  }

  test('a file written with Jetty constants gets Jetty names after HttpStatus., not Spring ones', () => {
    const jetty = `response.setStatus(HttpStatus.OK_200);\nresponse.sendError(HttpStatus.|);`;
    const names = labels(complete(jetty, 'java').items);
    assert.ok(names.includes('LOCKED_423') && !names.includes('LOCKED'), names.slice(0, 5).join(', '));
    assert.ok(labels(complete(`return ResponseEntity.status(HttpStatus.|).build();`, 'java').items).includes('LOCKED'));
    const { apply } = complete(`response.setStatus(HttpStatus.OK_200);\nresponse.setStatus(|);`, 'java');
    assert.equal(apply('404'), `response.setStatus(HttpStatus.OK_200);\nresponse.setStatus(HttpStatus.NOT_FOUND_404);`);
  });

  test('nothing for an ordinary call', () => {
    assert.equal(complete(`items.slice(|)`, 'typescript').items.length, 0);
  });
});

/**
 * Edit storms on a large document (issue 20, item 4): the scan worker runs one check of a document at a time
 * with at most one waiting behind it, which every later request joins (superseded work is dropped, not
 * queued), and the edit log reaches far enough back for hover to answer from the last scan meanwhile.
 * Counted in messages and edits, not in milliseconds. Needs `npm run build` (the worker runs dist/server.js).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog, getLanguageService } from '../../server/src/service';
import { ChunkedTextDocument, createAnalysis } from '../../server/src/large';
import { ScanWorker } from '../../server/src/large/worker';
import { defaultSettings } from '../../server/src/service';
import { Project } from './workspace/project';

const entry = path.resolve(__dirname, '../../dist/server.js');
const needsBuild = { skip: !fs.existsSync(entry) && 'npm run build' };

/** A scan worker on the built bundle, its scans and faults ignored. */
function connectedWorker(): ScanWorker {
  const worker = new ScanWorker(entry);
  worker.connect(
    () => {},
    () => {},
  );
  return worker;
}

/** The worker's messages as posted to its thread: their kind, and for an open whether it carries its text. */
function spyOnWorker(worker: ScanWorker): string[] {
  worker.prepare();
  const thread = (worker as unknown as { worker: { postMessage(message: { kind: string; text?: string; lines?: Int32Array }): void } })
    .worker;
  const posted: string[] = [];
  const post = thread.postMessage.bind(thread);
  thread.postMessage = (message) => {
    const open = `open ${message.text === undefined ? 'without' : 'with'} text${message.lines ? `, ${message.lines.length} lines` : ''}`;
    posted.push(message.kind === 'open' ? open : message.kind);
    post(message);
  };
  return posted;
}

/** A JSON spec over a megabyte (a large document) with one 424 whose description says why. */
function largeSpec(why: string): string {
  const paths: string[] = [];
  for (let i = 0, length = 0; length < 1_100_000; i++) {
    const path = `"/items/${i}":{"get":{"summary":"Élément ${i} 🚀","responses":{"200":{"description":"OK"}}}}`;
    paths.push(path);
    length += path.length + 1;
  }
  paths.push(`"/orders/{id}":{"put":{"responses":{"424":{"description":"The order is ${why}"}}}}`);
  return `{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{${paths.join(',')}}}`;
}

function didOpen(uri: string, version: number, text: string): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'json', version, text } },
  });
}

/** A message's body in shared memory, as the frame watch hands it over. */
function shared(body: string): Uint8Array {
  const bytes = Buffer.from(body);
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/** The server's process ends with its worker; a test's has to end it. */
async function stop(worker: ScanWorker): Promise<void> {
  await (worker as unknown as { worker?: { terminate(): Promise<number> } }).worker?.terminate();
}

/** The worker's check of a largeSpec('locked by another user'): its one finding; then the worker ends. */
async function checkLockedThenStop(worker: ScanWorker, document: TextDocument): Promise<void> {
  try {
    assert.deepEqual(
      (await worker.check(document.uri, defaultSettings())).diagnostics?.map((d) => d.code),
      ['424-for-lock'],
    );
  } finally {
    worker.closed(document.uri);
    await stop(worker);
  }
}

describe('the scan worker under an edit storm', () => {
  test('40 hovers and checks asked at once cost at most two scans, and every one is answered', needsBuild, async () => {
    const worker = connectedWorker();
    const posted: string[] = [];
    const post = (worker as unknown as { post: (m: { kind: string }) => void }).post.bind(worker);
    (worker as unknown as { post: (m: { kind: string }) => void }).post = (message) => (posted.push(message.kind), post(message));
    let document = TextDocument.create(
      'file:///storm.yaml',
      'yaml',
      1,
      "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n        '404':\n          description: gone\n",
    );
    worker.takeOver(document);
    const refreshes: Promise<void>[] = [];
    const checks: Promise<{ version: number }>[] = [];
    for (let i = 0; i < 20; i++) {
      const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' };
      document = TextDocument.update(document, [change], document.version + 1);
      worker.changed(document, [change]);
      refreshes.push(worker.refresh(document.uri));
      checks.push(worker.check(document.uri, defaultSettings()));
    }
    await Promise.all(refreshes);
    const results = await Promise.all(checks);
    const scans = posted.filter((kind) => kind === 'check').length;
    assert.ok(scans <= 2, `${scans} checks posted for 40 requests`);
    assert.equal(Math.max(...results.map((r) => r.version)), document.version, 'the last answers are of the last version');
    worker.closed(document.uri);
    await stop(worker);
  });

  test('a document is scanned as it opens, and a check after an edit answers for the edited text', needsBuild, async () => {
    const worker = connectedWorker();
    const spec = (code: string) =>
      `openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '${code}':\n          description: gone\n`;
    let document = TextDocument.create('file:///opened.yaml', 'yaml', 1, spec('424'));
    worker.takeOver(document);
    // The worker's scan of version 1 (made on open) must not stand in for version 2.
    const change = { range: { start: { line: 6, character: 9 }, end: { line: 6, character: 12 } }, text: '404' };
    document = TextDocument.update(document, [change], 2);
    worker.changed(document, [change]);
    const second = await worker.check(document.uri, defaultSettings());
    assert.equal(second.version, 2);
    assert.deepEqual(second.diagnostics, [], 'no 424 left in version 2');
    const back = { range: change.range, text: '424' };
    document = TextDocument.update(document, [back], 3);
    worker.changed(document, [back]);
    const third = await worker.check(document.uri, defaultSettings());
    assert.deepEqual(
      third.diagnostics?.map((d) => [d.code, d.range.start.line]),
      [['424-without-dependency', 6]],
    );
    worker.closed(document.uri);
    await stop(worker);
  });

  test(
    'a large didOpen read from its body: the open goes without its text, and the check is of that text (issue 19)',
    needsBuild,
    async () => {
      const worker = connectedWorker();
      const posted = spyOnWorker(worker);
      const text = largeSpec('locked by another user');
      // The server's reader gets the body once the worker has decoded it: this resolves before the open.
      await worker.readMessage(shared(didOpen('file:///read.json', 1, text)));
      assert.deepEqual(posted, ['read']);
      const document = TextDocument.create('file:///read.json', 'json', 1, text);
      worker.takeOver(document);
      await checkLockedThenStop(worker, document);
      assert.deepEqual(
        posted.filter((m) => m.startsWith('open')),
        ['open without text'],
      );
    },
  );

  test(
    'a large didOpen read from its body: the worker scans it while this thread finds its line table, which goes with the open',
    needsBuild,
    async () => {
      const worker = connectedWorker();
      const posted = spyOnWorker(worker);
      // Pretty-printed: a table of many lines, and the finding on one of the last.
      const text = JSON.stringify(JSON.parse(largeSpec('locked by another user')), null, 2);
      await worker.readMessage(shared(didOpen('file:///lines-read.json', 1, text)));
      const document = new ChunkedTextDocument('file:///lines-read.json', 'json', 1, text);
      worker.takeOver(document);
      const checked = await worker.check(document.uri, defaultSettings());
      const reference = TextDocument.create('file:///lines-read.json', 'json', 1, text);
      assert.deepEqual(
        posted.filter((m) => m.startsWith('open')),
        [`open without text, ${reference.lineCount} lines`],
      );
      const [finding] = checked.diagnostics ?? [];
      assert.equal(finding?.code, '424-for-lock');
      const at = text.lastIndexOf('"424"') + 1;
      assert.deepEqual(finding.range.start, reference.positionAt(at), 'the position read from the table this thread found');
      worker.closed(document.uri);
      await stop(worker);
    },
  );

  test(
    'a body that is no open of the document taken over (another version, another method): the open carries its text',
    needsBuild,
    async () => {
      const worker = connectedWorker();
      const posted = spyOnWorker(worker);
      const uri = 'file:///other.json';
      worker.readMessage(shared(didOpen(uri, 1, largeSpec('locked by another user'))));
      const change = JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { contentChanges: [{ text: largeSpec('x') }] },
      });
      await worker.readMessage(shared(change));
      const document = TextDocument.create(uri, 'json', 2, largeSpec('in conflict with another version'));
      worker.takeOver(document);
      const checked = await worker.check(uri, defaultSettings());
      assert.deepEqual(
        checked.diagnostics?.map((d) => d.code),
        ['424-for-conflict'],
      );
      assert.deepEqual(
        posted.filter((m) => m.startsWith('open')),
        ['open with text'],
      );
      worker.closed(uri);
      await stop(worker);
    },
  );

  test(
    "a large document's line table is found once its first check is on its way to the worker, not on the way to it",
    needsBuild,
    async () => {
      const worker = connectedWorker();
      const posted = spyOnWorker(worker);
      const analysis = createAnalysis(getLanguageService(), { worker });
      const text = largeSpec('locked by another user');
      const document = TextDocument.create('file:///lines.json', 'json', 1, text);
      const counted: string[] = [];
      const after = () => posted.join(', ') || 'nothing';
      const watched = new Proxy(document, {
        get: (target, key) => (key === 'lineCount' && counted.push(`lines after ${after()}`), Reflect.get(target, key)),
      });
      // The collections this thread asks for (collect.ts calls globalThis.gc where the process offers it).
      const gc = (globalThis as { gc?: unknown }).gc;
      (globalThis as { gc?: unknown }).gc = () => counted.push(`collected after ${after()}`);
      try {
        analysis.opened(watched);
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(
          counted,
          ['collected after nothing'],
          'before the copy of the text; no line table before the first check is asked for',
        );
        const checking = analysis.check(watched, defaultSettings());
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(counted, ['collected after nothing', 'lines after open with text, check'], 'and no second collection');
        assert.deepEqual(
          (await checking).diagnostics.map((d) => d.code),
          ['424-for-lock'],
        );
      } finally {
        (globalThis as { gc?: unknown }).gc = gc;
        analysis.closed(document.uri);
        await stop(worker);
      }
    },
  );

  test(
    'a worker started ahead of any document that none came to stops; a document given later starts another',
    { ...needsBuild, timeout: 30_000 },
    async () => {
      const worker = connectedWorker();
      const thread = () => (worker as unknown as { worker?: object }).worker;
      worker.warmUp(50);
      const warm = thread();
      assert.ok(warm, 'started at once');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(thread(), undefined, 'stopped once unused for its time');
      const document = TextDocument.create('file:///later.json', 'json', 1, largeSpec('locked by another user'));
      worker.takeOver(document);
      assert.ok(thread() && thread() !== warm, 'a new one for the document');
      await checkLockedThenStop(worker, document);
    },
  );

  test("what a document in the worker is (the status item's kind) waits for its first scan", needsBuild, async () => {
    const worker = connectedWorker();
    const analysis = createAnalysis(getLanguageService(), { worker });
    const document = TextDocument.create('file:///kind.json', 'json', 1, largeSpec('locked by another user'));
    worker.takeOver(document);
    try {
      assert.equal((await analysis.scanned(document))?.kind, 'openapi');
    } finally {
      analysis.closed(document.uri);
      await stop(worker);
    }
  });

  test('a worker started ahead of any document keeps running once a document came to it', { ...needsBuild, timeout: 30_000 }, async () => {
    const worker = connectedWorker();
    worker.warmUp(50);
    const document = TextDocument.create('file:///kept.json', 'json', 1, largeSpec('locked by another user'));
    worker.takeOver(document);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await checkLockedThenStop(worker, document);
  });

  test('the edit log maps across 4,000 edits (a 13 MB spec scanned at 1,700 edits/s)', () => {
    const log = new EditLog();
    for (let v = 2; v <= 4001; v++) log.record('file:///a', v, { start: 0, end: 0, inserted: 1 });
    const map = log.between('file:///a', 1, 4001);
    assert.ok(map);
    assert.equal(map.toNew(10), 4010);
    assert.equal(map.toOld(4010), 10);
  });
});

describe("a handler's project findings, in either thread", () => {
  const handler = "app.put('/documents/:id', (req, res) => {\n  if (locked(req.params.id)) return res.status(424).send('locked');\n});\n";
  const joined = {
    range: { start: { line: 1, character: 50 }, end: { line: 1, character: 53 } },
    message: 'not in the spec',
    code: 'status-not-in-spec',
  };

  test('a slow join of the project does not hand a small handler to the worker', needsBuild, async () => {
    const worker = connectedWorker();
    const service = getLanguageService();
    const analysis = createAnalysis(service, { worker });
    const document = TextDocument.create('file:///handler.ts', 'typescript', 1, handler);
    service.doValidation(document, defaultSettings()); // its own check, warm
    // A rebuild of the join over many open documents on a loaded machine: longer than a slow check.
    const slowJoin = () => {
      for (const until = performance.now() + 150; performance.now() < until;);
      return [joined];
    };
    try {
      const checked = await analysis.check(document, defaultSettings(), slowJoin);
      assert.deepEqual(
        checked.diagnostics.map((d) => d.code),
        ['424-for-lock', 'status-not-in-spec'],
      );
      assert.equal(worker.owns(document.uri), false, 'still checked in this thread');
    } finally {
      analysis.closed(document.uri);
      await stop(worker);
    }
  });

  test('a handler moves to the worker after two slow checks in a row, not after one', needsBuild, async () => {
    const worker = connectedWorker();
    const service = getLanguageService();
    let slowFor = 0;
    // Its own check slowed down, as by a pause of a loaded machine or a text grown dense.
    const slowed = new Proxy(service, {
      get: (target, key) =>
        key === 'doValidation'
          ? (...args: Parameters<typeof service.doValidation>) => {
              for (const until = performance.now() + slowFor; performance.now() < until;);
              return target.doValidation(...args);
            }
          : Reflect.get(target, key),
    });
    const analysis = createAnalysis(slowed, { worker });
    const document = TextDocument.create('file:///slow-handler.ts', 'typescript', 1, handler);
    const check = async (ms: number) => ((slowFor = ms), await analysis.check(document, defaultSettings()), worker.owns(document.uri));
    try {
      assert.deepEqual([await check(150), await check(0), await check(150)], [false, false, false], 'each slow check alone');
      assert.equal(await check(150), true, 'the second in a row');
    } finally {
      analysis.closed(document.uri);
      await stop(worker);
    }
  });

  test('a handler checked in the worker keeps its project findings', needsBuild, async () => {
    const worker = connectedWorker();
    const analysis = createAnalysis(getLanguageService(), { worker });
    const document = TextDocument.create('file:///dense-handler.ts', 'typescript', 1, handler);
    worker.takeOver(document); // as a handler dense with status sites is, at its open
    try {
      const checked = await analysis.check(document, defaultSettings(), () => [joined]);
      assert.deepEqual(
        checked.diagnostics.map((d) => d.code),
        ['424-for-lock', 'status-not-in-spec'],
      );
    } finally {
      analysis.closed(document.uri);
      await stop(worker);
    }
  });
});

describe("the workspace's carriers, for a source file checked in the worker", () => {
  const errors = (status: string) =>
    `from rest_framework import status\nfrom rest_framework.exceptions import APIException\n\n\nclass WeatherServiceDown(APIException):\n    status_code = status.${status}\n\n\nclass UpstreamDown(APIException):\n    status_code = status.HTTP_502_BAD_GATEWAY\n`;
  const views = `from app.errors import WeatherServiceDown\n\n\ndef forecast(request):\n    try:\n        return client.get(request.GET["city"])\n    except Timeout:\n        raise WeatherServiceDown("The weather service timed out")\n`;

  test(
    "its findings, their fixes and its hover are those of the server's thread, and follow a change of a carrier in another file",
    needsBuild,
    async () => {
      const project = new Project({ 'app/errors.py': errors('HTTP_424_FAILED_DEPENDENCY'), 'app/views.py': views });
      const worker = connectedWorker();
      const analysis = createAnalysis(project.service, { worker, carriers: project.model });
      const [declaring, using] = [project.document('app/errors.py'), project.document('app/views.py')];
      const inWorker = async (document: TextDocument) => (await analysis.check(document, defaultSettings())).diagnostics;
      const use = using.positionAt(views.indexOf('WeatherServiceDown("') + 2);
      try {
        // Taken over as a file dense with status sites is at its open.
        worker.takeOver(using);
        worker.takeOver(declaring);
        assert.deepEqual(project.findings('app/views.py'), ['424-for-upstream-failure: WeatherServiceDown'], "the server's thread");
        const fix = project.actions('app/views.py').find((a) => /UpstreamDown/.test(a.title));
        assert.match(fix?.title ?? '', /declared in app\/errors\.py:/, 'a fix offers the 502 carrier, and says where it is');
        // Messages, ranges and the fixes they carry (where the other carrier is declared, as shown).
        assert.deepEqual(await inWorker(using), project.diagnostics('app/views.py'));
        assert.deepEqual(await analysis.hover(using, use), project.service.doHover(using, use));
        assert.match(
          JSON.stringify((await analysis.hover(using, use))?.contents),
          /via `WeatherServiceDown`, declared in app\/errors\.py:5/,
        );
        assert.deepEqual(await inWorker(declaring), [], "the declaration's 424 is judged at its uses");
        project.write('app/errors.py', errors('HTTP_503_SERVICE_UNAVAILABLE'));
        assert.deepEqual(await inWorker(using), [], 'a 503 for a service down is right');
        assert.deepEqual(await analysis.hover(using, use), project.service.doHover(using, use));
      } finally {
        analysis.closed(using.uri);
        analysis.closed(declaring.uri);
        await stop(worker);
      }
    },
  );

  test('a hover while the carriers keep changing (the workspace being indexed) answers from the last scan', needsBuild, async () => {
    const project = new Project({ 'app/errors.py': errors('HTTP_424_FAILED_DEPENDENCY'), 'app/views.py': views });
    let changes = 0;
    const changing = {
      get generation() {
        return project.model.generation + ++changes;
      },
      seenFrom: (uri: string, languageId: string) => project.model.seenFrom(uri, languageId),
    };
    const worker = connectedWorker();
    const analysis = createAnalysis(project.service, { worker, carriers: changing });
    const using = project.document('app/views.py');
    const use = using.positionAt(views.indexOf('WeatherServiceDown("') + 2);
    try {
      worker.takeOver(using);
      await analysis.check(using, defaultSettings());
      assert.match(JSON.stringify((await analysis.hover(using, use))?.contents), /via `WeatherServiceDown`/);
    } finally {
      analysis.closed(using.uri);
      await stop(worker);
    }
  });
});

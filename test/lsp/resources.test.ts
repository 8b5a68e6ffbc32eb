/**
 * Resource limits at the protocol level: the documented file-size cap (a file over MAX_FILE_SIZE is skipped
 * with one message, fast), and memory that stays bounded while 500 documents are opened and closed again
 * and again (server RSS read from /proc; the figures are printed).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { MAX_FILE_SIZE } from '../../server/src/service';
import { TestClient, root, rssMb } from './client';

const HEAP_CAP_MB = 300;
/** Per document; RESOURCES_DOCUMENT_KB=60 measures larger ones (the figures are printed). */
const DOCUMENT_SIZE = Number(process.env.RESOURCES_DOCUMENT_KB ?? 10) * 1000;
const CYCLES = 2;

describe('resources: the file-size cap', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('a file over the size cap is skipped with one message, without being scanned', { timeout: 60_000 }, async () => {
    assert.equal(MAX_FILE_SIZE, 40 * 1024 * 1024, 'the cap the README documents');
    const uri = 'file:///resources/huge.ts';
    // Over the cap, and full of findings: if it were scanned, they would be reported.
    const text = 'res.status(424).json({ error: "the order is locked" });\n'.repeat(Math.ceil((MAX_FILE_SIZE + 1) / 56));
    assert.ok(text.length > MAX_FILE_SIZE);
    const before = client.messages.length;
    const opened = client.nextDiagnostics(uri, 50_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    assert.deepEqual((await opened).diagnostics, []);
    const next = client.nextDiagnostics(uri, 50_000);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' }],
    });
    assert.deepEqual((await next).diagnostics, []);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 12 },
    });
    assert.equal(hover, null, 'no hover in a skipped file');
    const skips = client.messages.slice(before).filter((m) => m.includes('skips') && m.includes(uri));
    assert.equal(skips.length, 1, `one message for the skipped file, got ${JSON.stringify(client.messages.slice(before))}`);
    assert.match(skips[0], /larger than 40 MB/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('resources: memory', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  // A bounded heap: a leak across open/close cycles ends in an out-of-memory crash instead of in a lazy
  // collector's ever larger heap (without a cap, V8 grows its heap long before it collects).
  const options = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${options ?? ''} --max-old-space-size=${HEAP_CAP_MB}`;
  const client = new TestClient();
  if (options === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = options;
  const exited = new Promise<string>((resolve) =>
    client.process.once('exit', (code, signal) => resolve(`the server exited (${code ?? signal})`)),
  );
  const published = new Map<string, PublishDiagnosticsParams>();
  client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
    published.set(params.uri, params),
  );

  before(() => client.initialize());
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test(
    'memory stays bounded while 500 documents are opened and closed, again and again (figures printed)',
    { timeout: 600_000 },
    async () => {
      const spec = fs.readFileSync(path.join(root, 'examples/orders-api.yaml'), 'utf8');
      const code = fs.readFileSync(path.join(root, 'examples/orders-handlers.ts'), 'utf8');
      // 10 KB each by default: 500 of them are 5 MB of text held by the server while open.
      const texts = {
        yaml: spec.repeat(Math.ceil(DOCUMENT_SIZE / spec.length)),
        typescript: code.repeat(Math.ceil(DOCUMENT_SIZE / code.length)),
      };
      const pid = client.process.pid!;
      const figures: { cycle: number; openMb: number; closedMb: number }[] = [];
      const baseline = rssMb(pid);
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const uris: string[] = [];
        let peak = 0;
        for (let i = 0; i < 500; i++) {
          const languageId = i % 2 ? 'yaml' : 'typescript';
          const uri = `file:///resources/c${cycle}/doc${i}.${languageId === 'yaml' ? 'yaml' : 'ts'}`;
          uris.push(uri);
          published.delete(uri);
          void client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId, version: 1, text: texts[languageId as keyof typeof texts] },
          });
          if (i % 250 === 249) await waitFor(() => uris.every((u) => published.has(u)), 'diagnostics of the open documents');
          if (i % 100 === 99) peak = Math.max(peak, rssMb(pid));
        }
        await waitFor(() => uris.every((u) => (published.get(u)?.diagnostics.length ?? 0) > 0), 'findings in every document');
        peak = Math.max(peak, rssMb(pid));
        for (const uri of uris) void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await waitFor(() => uris.every((u) => published.get(u)?.diagnostics.length === 0), 'diagnostics cleared on close');
        // Give the collector a moment: RSS after closing is what must not creep up from cycle to cycle.
        await new Promise((resolve) => setTimeout(resolve, 500));
        figures.push({ cycle, openMb: Math.round(peak), closedMb: Math.round(rssMb(pid)) });
      }
      const report = `server RSS: ${Math.round(baseline)} MB at start; ${figures.map((f) => `cycle ${f.cycle}: ${f.openMb} MB with 500 open, ${f.closedMb} MB after closing`).join('; ')}`;
      console.log(report);
      const peak = Math.max(...figures.map((f) => f.openMb));
      assert.ok(peak < HEAP_CAP_MB + 200, `peak ${peak} MB with 500 documents of ${DOCUMENT_SIZE / 1000} KB open: ${report}`);
      // No leak: closing everything gives the memory back as well the last time as the first.
      assert.ok(figures[CYCLES - 1].closedMb <= figures[0].closedMb * 1.3 + 30, `memory after closing keeps growing: ${report}`);
      assert.ok(figures[CYCLES - 1].openMb <= figures[0].openMb * 1.3 + 30, `memory with 500 open keeps growing: ${report}`);
    },
  );

  // Generous: this bounds memory, not time (alone it takes ~6 s; beside the whole suite on a loaded 2-core
  // machine its server has waited over a minute for the CPU).
  async function waitFor(condition: () => boolean, what: string, timeoutMs = 240_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
      if (client.process.exitCode !== null || client.process.signalCode !== null) assert.fail(await exited);
      if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

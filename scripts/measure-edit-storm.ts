// Issue 20 item 4: an edit storm on GitHub's 13 MB REST description, through the real server over stdio. At
// RATE edits a second for SECONDS (one-character inserts and deletes in a description in the middle of the
// file, as multi-cursor edits or a formatter send them), 16 hovers on a valid "404" key spread over the burst:
// how many answered null, their latency, when the last was answered against the burst's end, peak server RSS.
// Needs the bench's corpus (`npm run bench` once, or its setup) and `npm run build`.
// Run: npm run measure:edit-storm [-- RATE SECONDS] (default: 1500 4; the issue reported 1,100-1,700/s).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../bench/setup';
import { TestClient, positionOf, rssMb } from '../test/lsp/client';

const [rate = 1500, seconds = 4] = process.argv.slice(2).map(Number);
const HOVERS = 16;
const file = path.join(corpusDir, 'specs', 'github.json');
if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run bench once to set up the corpus`);

async function main(): Promise<void> {
  const text = fs.readFileSync(file, 'utf8');
  const client = new TestClient();
  await client.initialize();
  const uri = `file://${file}`;
  const opened = client.nextDiagnostics(uri, 120_000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  await opened;
  const key = positionOf(text, '"404"', 1);
  // Inside the first description past the middle of the file.
  const editAt = text.indexOf('"description": "', text.length / 2) + '"description": "'.length;
  const edit = { line: text.slice(0, editAt).split('\n').length - 1, character: editAt - text.lastIndexOf('\n', editAt - 1) - 1 };
  const pid = client.process.pid!;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const hovers: Promise<{ answered: boolean; sent: number; at: number }>[] = [];
  const edits = rate * seconds;
  let version = 1;
  const start = performance.now();
  for (let i = 0; i < edits; i++) {
    const inserted = i % 2 === 1;
    const range = { start: edit, end: inserted ? { line: edit.line, character: edit.character + 1 } : edit };
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range, text: inserted ? '' : 'x' }],
    });
    if (i % Math.floor(edits / HOVERS) === 0 && hovers.length < HOVERS) {
      const sent = performance.now();
      hovers.push(
        client.connection
          .sendRequest('textDocument/hover', { textDocument: { uri }, position: key })
          .then((hover) => ({ answered: hover !== null, sent, at: performance.now() })),
      );
    }
    // Paced in tens, so the rate holds whatever the timer's resolution.
    if (i % 10 === 9) {
      const wait = start + ((i + 1) / rate) * 1000 - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  const burstEnd = performance.now();
  const done = await Promise.all(hovers);
  clearInterval(sampler);
  const latency = done.map((h) => h.at - h.sent).sort((a, b) => a - b);
  const last = Math.max(...done.map((h) => h.at)) - burstEnd;
  console.log(
    `${edits} edits at ${Math.round(edits / ((burstEnd - start) / 1000))}/s: ${done.filter((h) => !h.answered).length} of ${HOVERS} hovers null; ` +
      `latency median ${Math.round(latency[latency.length >> 1])} ms, max ${Math.round(latency[latency.length - 1])} ms; ` +
      `last answered ${last <= 0 ? 'before the burst ended' : `${Math.round(last)} ms after the burst`}; peak server RSS ${Math.round(peak)} MB`,
  );
  await client.shutdown();
}

void main();

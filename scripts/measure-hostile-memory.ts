// Issue 20 item 6: memory that stays. Every fast hostile document (test/fuzz/hostile.ts) at SCALE times its
// suite size, opened, hovered and closed in turn in one server over stdio; then the server's RSS at once and
// after 5, 15 and 30 s, and hovers on two bench specs opened afterwards (a fresh server answers them in ~1 ms).
// Needs `npm run build`, and the bench's corpus for the hovers (`npm run bench` once).
// Run: npm run measure:hostile-memory [-- SCALE] (default 4).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../bench/setup';
import { hostileCases } from '../test/fuzz/hostile';
import { TestClient, positionOf, rssMb } from '../test/lsp/client';

const scale = Number(process.argv[2] ?? 4);

async function main(): Promise<void> {
  const client = new TestClient();
  await client.initialize();
  const pid = client.process.pid!;
  let count = 0;
  let peak = 0;
  for (const hostile of hostileCases) {
    if (hostile.slow) continue;
    const text = hostile.make(hostile.n * scale);
    const uri = `file:///hostile/${count++}-${hostile.name.replace(/\W+/g, '-')}`;
    const checked = client.nextDiagnostics(uri, 120_000).catch(() => undefined);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: hostile.languageId, version: 1, text },
    });
    await checked;
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    peak = Math.max(peak, Math.round(rssMb(pid)));
  }
  const later: string[] = [`${Math.round(rssMb(pid))} MB at once`];
  for (const [after, wait] of [
    [5, 5],
    [15, 10],
    [30, 15],
  ]) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    later.push(`${Math.round(rssMb(pid))} MB after ${after} s`);
  }
  console.log(`${count} hostile documents at ${scale}x, each closed after use: peak RSS ${peak} MB; then ${later.join(', ')}`);
  for (const name of ['digitalocean.json', 'github.json']) {
    const file = path.join(corpusDir, 'specs', name);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const uri = `file:///after/${name}`;
    const checked = client.nextDiagnostics(uri, 120_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await checked;
    const position = positionOf(text, '"404"', 1);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      times.push(performance.now() - started);
    }
    console.log(
      `${name} opened afterwards (${(text.length / 1e6).toFixed(1)} MB): hovers ${times.map((t) => t.toFixed(1)).join(' / ')} ms`,
    );
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await client.shutdown();
}

void main();

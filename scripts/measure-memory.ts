// The language service's heap with many documents open, as the server holds them (resources.test.ts measures
// the server's RSS over the protocol; this is the same load in one process, for --heap-prof or a snapshot).
// Run: node --expose-gc --import tsx scripts/measure-memory.ts [documents=500] [KB each=60] [snapshot file]
// Half are the example spec, half the example handlers, each repeated to the size; every one is validated.
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/service';

const [count = 500, kb = 60] = process.argv.slice(2, 4).map(Number);
const snapshot = process.argv[4];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const spec = fs.readFileSync('examples/orders-api.yaml', 'utf8');
const code = fs.readFileSync('examples/orders-handlers.ts', 'utf8');
const texts = { yaml: spec.repeat(Math.ceil((kb * 1000) / spec.length)), typescript: code.repeat(Math.ceil((kb * 1000) / code.length)) };
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

gc();
const before = process.memoryUsage();
const service = getLanguageService();
const documents: TextDocument[] = [];
for (let i = 0; i < count; i++) {
  const languageId = i % 2 ? 'yaml' : 'typescript';
  // A text of its own per document, as each arrives over the wire.
  const text = (texts[languageId] + ' ').slice(0, -1);
  const document = TextDocument.create(`file:///memory/${i}.${languageId === 'yaml' ? 'yaml' : 'ts'}`, languageId, 1, text);
  documents.push(document);
  service.doValidation(document);
}
gc();
const open = process.memoryUsage();
console.log(
  `${count} documents of ${kb} KB open: heap ${mb(before.heapUsed)} -> ${mb(open.heapUsed)}, RSS ${mb(before.rss)} -> ${mb(open.rss)}`,
);
if (snapshot) console.log(`heap snapshot: ${v8.writeHeapSnapshot(snapshot)}`);
for (const document of documents) service.forget(document.uri);
documents.length = 0;
gc();
console.log(`all closed: heap ${mb(process.memoryUsage().heapUsed)}`);

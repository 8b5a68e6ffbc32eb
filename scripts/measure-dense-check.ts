// Times what a first check of a document dense with status sites costs the thread it runs in (scan and every
// rule), for the Python conditional chain of issue 20 (`abort(424 if x else ... 409)`) at several lengths,
// and the one pass over the text that decides whether a document's first check goes to the scan worker
// (server/src/large/analysis.ts: firstCheckIsSlow).
// Run: npm run measure:dense-check
import { TextDocument } from 'vscode-languageserver-textdocument';
import { firstCheckIsSlow } from '../server/src/large';
import { defaultSettings, getLanguageService } from '../server/src/service';
import { measure } from './timing';

const RUNS = 5;

for (const sites of [1_000, 2_000, 4_000, 30_000]) {
  const text = 'abort(' + '424 if x else '.repeat(sites) + '409)\n';
  const service = getLanguageService();
  let version = 0;
  // A new version each run: the service keeps the scan of the last one.
  measure(`check, ${sites} sites`, text.length, sites > 4_000 ? 1 : RUNS, () => {
    const document = TextDocument.create('file:///chain.py', 'python', ++version, text);
    service.scan(document);
    return service.doValidation(document, defaultSettings()).length;
  });
  const document = TextDocument.create('file:///chain.py', 'python', 1, text);
  measure(`worker or not, ${sites} sites`, text.length, RUNS, () => (firstCheckIsSlow(document) ? 1 : 0));
}

// The pass's worst case: a text just under the large path's size without status numbers, read to its end.
const code =
  'export function handler(req, res) {\n  if (!req.user) return res.status(unauthorized).json({ error: "who are you" });\n  res.json(load(req.params.id));\n}\n';
const plain = TextDocument.create('file:///plain.ts', 'typescript', 1, code.repeat(Math.floor(990_000 / code.length)));
measure('worker or not, 990 KB of code', plain.getText().length, RUNS, () => (firstCheckIsSlow(plain) ? 1 : 0));

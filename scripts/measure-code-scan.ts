/**
 * Code-scan throughput, in process: scan and validate (every rule on) the handler-ish source files of
 * node_modules (.js/.ts mentioning a status), the same files each run. Prints MB/s as the median of runs.
 *
 *   node --import tsx scripts/measure-code-scan.ts [--files 1500] [--runs 5] [--root DIR] [--corpus]
 *
 * `--corpus` takes the code files of the installed corpus (.bench/corpus, every language family; see
 * docs/corpus.md) instead of node_modules.
 * `--root` points at another checkout (e.g. a copy of an earlier commit) to compare side by side on the
 * same files in one sitting.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const count = Number(option('files', '1500'));
const runs = Number(option('runs', '5'));
const root = path.resolve(option('root', path.join(__dirname, '..')));
const modules = path.join(__dirname, '..', 'node_modules');
const HANDLERISH = /\b(status|statusCode|sendStatus|writeHead)\b/;

function corpusFiles(): { file: string; text: string; languageId: string }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const corpus = require('./corpus/corpus') as typeof import('./corpus/corpus');
  const { files: listed } = corpus.listFiles(corpus.loadPackages());
  return listed
    .filter((file) => !corpus.isGenerated(file))
    .slice(0, count)
    .map((file) => ({ file: file.path, text: corpus.readText(file), languageId: file.languageId }));
}

function files(): { file: string; text: string; languageId?: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= count) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts|mjs|cjs)$/.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name) && !entry.name.endsWith('.min.js')) {
        const size = fs.statSync(full).size;
        if (size === 0 || size > 256 * 1024) continue;
        const text = fs.readFileSync(full, 'utf8');
        if (HANDLERISH.test(text)) found.push({ file: full, text });
      }
    }
  };
  walk(fs.realpathSync(modules));
  return found;
}

async function main(): Promise<void> {
  const service = await import(path.join(root, 'server/src/service/index.ts'));
  const inputs = args.includes('--corpus') ? corpusFiles() : files();
  const bytes = inputs.reduce((n, f) => n + f.text.length, 0);
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run <= runs; run++) {
    const ls = service.getLanguageService();
    const start = performance.now();
    findings = 0;
    inputs.forEach((input, i) => {
      const doc = TextDocument.create(
        `file:///t/${i}${path.extname(input.file)}`,
        input.file.endsWith('.ts') ? 'typescript' : 'javascript',
        1,
        input.text,
      );
      findings += ls.doValidation(doc).length;
    });
    if (run > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  console.log(
    `${root}: ${inputs.length} files, ${(bytes / 1e6).toFixed(1)} MB, median ${ms.toFixed(0)} ms (min ${times[0].toFixed(0)}), ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${findings} findings`,
  );
}

void main();

/**
 * Writes docs/codes/<code>.md, the full page of each code with a rich explanation, from data/ (run by
 * `npm run build`; the pages ship in the extension and are committed so the hover's link works online too).
 * `--check` writes nothing and fails when a page is missing or out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainedCodes } from '../server/src/knowledge';
import { renderCodePage } from '../server/src/service/features/codePages';

export const CODE_PAGES_DIR = path.resolve(__dirname, '../docs/codes');

export function codePages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const code of explainedCodes()) {
    const body = renderCodePage(code, (other) => `${other}.md`)!;
    pages.set(
      `${code}.md`,
      `${body}\n\n---\n\n_Generated from data/explanations.json by scripts/code-pages.ts: edit the data, not this page._\n`,
    );
  }
  return pages;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  fs.mkdirSync(CODE_PAGES_DIR, { recursive: true });
  const stale: string[] = [];
  for (const [name, text] of codePages()) {
    const file = path.join(CODE_PAGES_DIR, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    if (check) stale.push(name);
    else fs.writeFileSync(file, text);
  }
  if (stale.length > 0) {
    console.error(`docs/codes is out of date (${stale.join(', ')}): run \`npm run build\``);
    process.exit(1);
  }
}

/** The shipped code pages (docs/codes) are what the data renders to, and the hover links only to pages that exist. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CODE_PAGES_DIR, codePages } from '../../scripts/code-pages';
import { explainedCodes } from '../../server/src/knowledge';
import { codePageUrl } from '../../server/src/service/features/codePages';
import { hoverText } from './helpers';

test('docs/codes holds exactly the rendered pages, up to date (npm run build writes them)', () => {
  const pages = codePages();
  assert.deepEqual(fs.readdirSync(CODE_PAGES_DIR).sort(), [...pages.keys()].sort());
  for (const [name, text] of pages) assert.equal(fs.readFileSync(path.join(CODE_PAGES_DIR, name), 'utf8'), text, `${name} is out of date`);
});

test('every code page link of a hover names a shipped page', () => {
  for (const code of explainedCodes()) {
    const link = /\[Full explanation\]\(([^)]+)\)/.exec(hoverText(`res.status(${code}|)`, 'typescript')!)![1];
    assert.equal(link, codePageUrl(code));
    assert.ok(fs.existsSync(path.join(CODE_PAGES_DIR, path.basename(link))), link);
  }
});

#!/usr/bin/env node
// Copies the README's pictures from the browser test's last run (test-results/screenshots/readme-*.png, cropped
// there) into docs/images/, and checks they stay small. Run `node test/e2e/browser.test.mjs` and
// `node test/e2e/browser.test.mjs --web` (or scripts/test-e2e.mjs --only browser,web) first.
//
// usage: node scripts/e2e/readme-images.mjs
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './tools.mjs';

const SHOTS = join(ROOT, 'test-results/screenshots');
const OUT = join(ROOT, 'docs/images');
const MAX_TOTAL = 500 * 1024;

/** docs/images/<name> <- test-results/screenshots/<shot> */
export const README_IMAGES = {
  'hover.png': 'readme-typescript-handler-hover.png', // hover on res.status(424) in an Express handler
  'diagnostics.png': 'readme-problems.png', // squiggle in a Go handler; Python and Go warnings in Problems
  'quick-fix.png': 'readme-openapi-yaml-quickfix.png', // Ctrl+. on the '424' response key of a spec
  'web.png': 'readme-web-typescript-handler-quickfix.png', // the web extension's quick fixes (--web run)
};

mkdirSync(OUT, { recursive: true });
let total = 0;
for (const [name, shot] of Object.entries(README_IMAGES)) {
  const from = join(SHOTS, shot);
  if (!existsSync(from)) {
    console.error(`[readme-images] ${from} is missing: run node test/e2e/browser.test.mjs first`);
    process.exit(1);
  }
  copyFileSync(from, join(OUT, name));
  const size = statSync(from).size;
  total += size;
  console.log(`[readme-images] docs/images/${name} <- ${shot} (${(size / 1024).toFixed(1)} KB)`);
}
console.log(`[readme-images] ${(total / 1024).toFixed(1)} KB in all`);
if (total > MAX_TOTAL) {
  console.error(`[readme-images] ERROR: more than ${MAX_TOTAL / 1024} KB: crop the shots further`);
  process.exit(1);
}

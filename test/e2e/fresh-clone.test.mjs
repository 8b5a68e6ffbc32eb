#!/usr/bin/env node
// The README's quick start on a clean clone: `git clone` of this repository's HEAD into a temporary folder,
// then `npm ci && npm start`, and nothing else. npm start must build the bundles and lint the bundled
// examples, finding their mistakes. npm ci reaches the npm registry (or npm's cache) only.
//
// usage: node test/e2e/fresh-clone.test.mjs      (E2E_KEEP=1 keeps the clone)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, makeTempDir } from '../../scripts/e2e/tools.mjs';

const PREFIX = '[e2e fresh-clone]';

function step(label, command, args, cwd) {
  const t0 = Date.now();
  const res = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (res.status !== 0)
    throw new Error(`${label} failed (exit ${res.status ?? res.signal}) after ${seconds} s:\n${res.stdout}\n${res.stderr}`);
  console.log(`${PREFIX} ${label}: ok in ${seconds} s`);
  return res.stdout;
}

const scratch = makeTempDir('hsl-fresh-clone-');
let code = 0;
try {
  const clone = join(scratch, 'http-status-lens');
  step('git clone', 'git', ['clone', '--quiet', '--no-local', ROOT, clone], scratch);
  step('npm ci', 'npm', ['ci', '--prefer-offline'], clone);
  const out = step('npm start', 'npm', ['start'], clone);
  // The examples hold known mistakes: the lint must have run and found them.
  for (const expected of ['examples/orders-handlers.ts', 'examples/orders-api.yaml', '424-for-lock', '424-for-upstream-failure']) {
    if (!out.includes(expected)) throw new Error(`npm start printed no "${expected}":\n${out}`);
  }
  console.log(`${PREFIX} passed`);
} catch (err) {
  console.error(`${PREFIX} FAIL ${err.message}`);
  code = 1;
} finally {
  if (process.env.E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);

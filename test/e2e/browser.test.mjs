#!/usr/bin/env node
// Browser-driven end-to-end test: the .vsix installed into a fresh profile of a real VS Code build (code-server),
// used through headless chromium the way a person would: open a file with Ctrl+P, hover the 424, read the hover,
// see the warning squiggle, Ctrl+. to open the quick-fix menu, apply the fix, and see the text change; and the
// Python and Go handlers' warnings listed in the Problems panel.
// Screenshots go to test-results/screenshots/ (git-ignored): the whole editor at each step, and readme-*.png,
// cropped to what matters, from which docs/images/ (the README's pictures) are copied.
//
// With --web, the same scenarios run against the web extension: the .vsix made browser-only (no `main`), so
// code-server runs it in its web worker extension host with the server in a web worker (dist/browserServer.js),
// plus a config file read through the workspace file system. Screenshots are then named web-*.
//
// usage: node test/e2e/browser.test.mjs [--vsix FILE] [--web]     (without --vsix it packages one with vsce)
// env:   E2E_KEEP=1 keep the scratch folder; E2E_BROWSER_TIMEOUT_MS overall limit (default 90000)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  ROOT,
  ToolMissingError,
  findChromium,
  findCodeServer,
  installVsix,
  launchChromium,
  makeTempDir,
  packageVsix,
  parseOption,
  startCodeServer,
  tail,
  writeUserSettings,
} from '../../scripts/e2e/tools.mjs';
import { zipEntries, zipRead } from './package.test.mjs';

const SHOTS = join(ROOT, 'test-results/screenshots');
const WAIT = Number(process.env.E2E_WAIT_MS ?? 20_000);
const WEB = process.argv.includes('--web');
const PREFIX = WEB ? '[e2e web]' : '[e2e browser]';
/** Screenshot names: web-* for the web extension. */
const named = (name) => (WEB ? `web-${name}` : name);

const SCENARIOS = [
  {
    name: "OpenAPI YAML spec: hover, warning squiggle and quick fix on the '424' key",
    file: 'openapi.yaml',
    shot: 'openapi-yaml',
    line: "'424':", // text that identifies the line in the editor
    token: "'424'", // the text node part to hover ...
    tokenOffset: 1, // ... from this offset, 3 characters (the 424 without quotes)
    fixedLine: "'423':",
  },
  {
    name: 'TypeScript handler: hover, warning squiggle and quick fix on res.status(424)',
    file: 'handler.ts',
    shot: 'typescript-handler',
    line: 'res.status(424)',
    token: '424',
    tokenOffset: 0,
    fixedLine: 'res.status(423)',
  },
];

/** Handlers in other languages: squiggles, then the Problems panel lists their warnings (the diagnostics picture). */
const PROBLEMS = {
  name: 'Python and Go handlers: warning squiggles, and both 424-for-lock warnings in the Problems panel',
  files: [
    { file: 'handler.py', line: 'status_code=424', token: '424', tokenOffset: 0 },
    { file: 'handler.go', line: 'http.StatusFailedDependency)', token: 'StatusFailedDependency', tokenOffset: 0 },
  ],
};

/** Text of every rendered editor line, spaces normalised. */
async function editorLines(page) {
  return page.$$eval('.monaco-editor .view-lines .view-line', (els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ')));
}

/**
 * Bounding box of `length` characters starting `offset` into the first occurrence of `token` on the rendered
 * line containing `line`, measured with a DOM Range over the text nodes (a span's centre can be another word).
 */
async function tokenBox(page, { line, token, offset, length }) {
  return page.evaluate(
    ({ line, token, offset, length }) => {
      for (const el of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
        const text = el.textContent.replace(/\u00a0/g, ' ');
        const lineAt = text.indexOf(line);
        if (lineAt < 0) continue;
        const at = text.indexOf(token, lineAt) + offset;
        if (at < offset) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        let started = false;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (!started && at < seen + len) {
            range.setStart(n, at - seen);
            started = true;
          }
          if (started && at + length <= seen + len) {
            range.setEnd(n, at + length - seen);
            break;
          }
          seen += len;
        }
        if (!started) continue;
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    { line, token, offset, length },
  );
}

async function waitFor(what, fn, timeoutMs = WAIT, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function openWithQuickOpen(page, file) {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 640, y: 400 } })
    .catch(() => {});
  await waitFor(
    `the quick open box for ${file}`,
    async () => {
      await page.keyboard.press('Control+P');
      return page.locator('.quick-input-widget input').isVisible();
    },
    WAIT,
    500,
  );
  await page.locator('.quick-input-widget input').fill(file);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`).first();
  await row.waitFor({ state: 'visible', timeout: WAIT });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${file}"], .tab.active[data-resource-name="${file}"]`).first().waitFor({ timeout: WAIT });
}

async function hoverToken(page, s) {
  const box = () => tokenBox(page, { line: s.line, token: s.token, offset: s.tokenOffset, length: 3 });
  // The hover widget shows the diagnostic's message first, then the hover providers' Markdown parts.
  const hover = page
    .locator('.monaco-hover:not(.hidden) .hover-row .rendered-markdown')
    // Our hover: the verdict line, then `**424 Failed Dependency** · Client Error` (the diagnostic's text has no `·`).
    .filter({ hasText: /424 Failed Dependency · / });
  // The language server may still be starting: move away and back until its hover shows.
  return waitFor('the hover with "424 Failed Dependency"', async () => {
    const b = await box();
    if (!b) throw new Error(`"${s.token}" not rendered on a line with "${s.line}"`);
    await page.mouse.move(b.x + b.width + 300, b.y + 200);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 1500 });
    } catch {
      return null;
    }
    return (await hover.first().innerText()).trim();
  });
}

/** A warning squiggle drawn under the token (same line, overlapping horizontally). */
async function squiggleUnder(page, s) {
  const b = await tokenBox(page, { line: s.line, token: s.token, offset: s.tokenOffset, length: 3 });
  if (!b) return false;
  const squiggles = await page.$$eval('.monaco-editor .squiggly-warning', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return squiggles.some(
    (q) => q.x < b.x + b.width && q.x + q.width > b.x && Math.abs(q.y + q.height / 2 - (b.y + b.height / 2)) < b.height,
  );
}

/** Waits for the CSS animations under `selector` (the hover's and menus' fade-in) to end, then screenshots the editor area. */
async function shot(page, selector, name) {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
    .catch(() => {});
  await page.locator('.part.editor').screenshot({ path: join(SHOTS, `${named(name)}.png`) });
}

/**
 * A README picture: the editor part from its top (tabs, breadcrumbs) down to the lowest of `boxes` plus a margin,
 * at the editor's full width (line numbers on the left).
 */
async function readmeShot(page, name, boxes, { bottomOf = '.part.editor' } = {}) {
  const editor = await page.locator('.part.editor').boundingBox();
  const outer = await page.locator(bottomOf).boundingBox();
  const valid = boxes.filter(Boolean);
  const bottom = Math.min(outer.y + outer.height, Math.max(...valid.map((b) => b.y + b.height)) + 28);
  const clip = { x: editor.x, y: editor.y, width: editor.width, height: Math.round(bottom - editor.y) };
  await page.screenshot({ path: join(SHOTS, `readme-${named(name)}.png`), clip });
}

async function scenario(page, s, log) {
  await openWithQuickOpen(page, s.file);
  await waitFor(`"${s.line}" in the editor`, async () => (await editorLines(page)).some((l) => l.includes(s.line)));

  await waitFor('the warning squiggle under 424', () => squiggleUnder(page, s));
  log('squiggle under 424');

  const hoverText = await hoverToken(page, s);
  // The verdict at the site in one line first (issue 14), then what 424 means.
  const [verdict, first = ''] = hoverText.split('\n').filter((l) => l.trim());
  if (!/fits\.$|may fit better\.$/.test(verdict.trim()) || !/^424 Failed Dependency/.test(first.trim())) {
    throw new Error(`hover does not start with a verdict and "424 Failed Dependency": ${JSON.stringify(hoverText.slice(0, 200))}`);
  }
  log(`hover: ${first.trim()}`);
  await shot(page, '.monaco-hover:not(.hidden)', `${s.shot}-hover`);
  await readmeShot(page, `${s.shot}-hover`, [
    await page.locator('.monaco-hover:not(.hidden)').first().boundingBox(),
    await tokenBox(page, { line: s.line, token: s.token, offset: s.tokenOffset, length: 3 }),
  ]);

  // Put the cursor on the token, dismiss the hover, open the quick-fix menu.
  const b = await tokenBox(page, { line: s.line, token: s.token, offset: s.tokenOffset, length: 3 });
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  await page.keyboard.press('Escape');
  const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: /Change 424 to 423/ }).first();
  // The menu waits for every code-action provider (TypeScript's own can take seconds to start): wait for the menu
  // itself, then look for our row in it; close a menu without it, and make sure it is gone before trying again.
  const menu = page.locator('.action-widget').first();
  await waitFor('the quick-fix menu with "Change 424 to 423"', async () => {
    if ((await editorLines(page)).some((l) => l.includes(s.fixedLine))) throw new Error('the line changed before the fix was chosen');
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ state: 'visible', timeout: 5000 });
      await fixRow.waitFor({ state: 'visible', timeout: 1000 });
      return true;
    } catch {
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
      return false;
    }
  });
  const title = (await fixRow.innerText()).trim().split('\n')[0];
  log(`quick fix: ${title}`);
  await shot(page, '.action-widget', `${s.shot}-quickfix`);
  await readmeShot(page, `${s.shot}-quickfix`, [await page.locator('.action-widget').first().boundingBox()]);
  // Choose it with the keyboard (a pointer-blocking overlay sits over the menu while it opens).
  for (let i = 0; ; i++) {
    const focused = page.locator('.action-widget .monaco-list-row.focused').first();
    if (/Change 424 to 423/.test(await focused.innerText().catch(() => ''))) break;
    if (i > 20) throw new Error('could not move the quick-fix menu\'s focus to "Change 424 to 423"');
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');

  await waitFor(`the line to read "${s.fixedLine}"`, async () => (await editorLines(page)).some((l) => l.includes(s.fixedLine)));
  if ((await editorLines(page)).some((l) => l.includes(s.line))) throw new Error(`"${s.line}" is still in the editor after the fix`);
  await waitFor(
    'the squiggle to go after the fix',
    async () =>
      (await page.$$('.monaco-editor .squiggly-warning')).length === 0 ||
      !(await squiggleUnder(page, { ...s, line: s.fixedLine, token: s.token.replace('424', '423') })),
  );
  log(`fixed: ${s.fixedLine}`);
  await shot(page, '.monaco-editor', `${s.shot}-fixed`);
}

async function problemsScenario(page, log) {
  for (const f of PROBLEMS.files) {
    await openWithQuickOpen(page, f.file);
    await waitFor(`"${f.line}" in the editor`, async () => (await editorLines(page)).some((l) => l.includes(f.line)));
    await waitFor(`the warning squiggle in ${f.file}`, () => squiggleUnder(page, f));
    log(`squiggle in ${f.file}`);
  }
  await page.keyboard.press('Control+Shift+M'); // View: Problems
  const rows = page.locator('.part.panel .monaco-list-row');
  const texts = await waitFor('the Problems panel to list a 424-for-lock warning under each handler', async () => {
    const all = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const files = PROBLEMS.files.every((f) => all.some((t) => t.startsWith(f.file)));
    return files && all.filter((t) => t.includes('424-for-lock')).length >= PROBLEMS.files.length ? all : null;
  });
  for (const t of texts) log(`problems: ${t}`);
  await page.screenshot({ path: join(SHOTS, `${named('problems')}.png`) });
  const rowBoxes = [];
  for (const row of await rows.all()) rowBoxes.push(await row.boundingBox());
  await readmeShot(page, 'problems', rowBoxes, { bottomOf: '.part.panel' });
  await page.keyboard.press('Control+J'); // View: Toggle Panel
  await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: WAIT });
}

/**
 * In the web only: a `.http-status-lens.json` in a sub-folder (read by the client through vscode.workspace.fs
 * and applied by the server in its web worker) makes 424-for-lock an error there: an error squiggle on the same
 * handler that has a warning squiggle at the workspace root.
 */
const CONFIG = { folder: 'strict', config: { rules: { '424-for-lock': 'error' } } };
async function configScenario(page, log) {
  const s = { file: 'strict-handler.ts', line: 'res.status(424)', token: '424', tokenOffset: 0 };
  await openWithQuickOpen(page, s.file);
  await waitFor(`"${s.line}" in the editor`, async () => (await editorLines(page)).some((l) => l.includes(s.line)));
  const b = () => tokenBox(page, { line: s.line, token: s.token, offset: s.tokenOffset, length: 3 });
  await waitFor('an error squiggle under 424', async () => {
    const box = await b();
    const errors = await page.$$eval('.monaco-editor .squiggly-error', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    return (
      box &&
      errors.some(
        (q) => q.x < box.x + box.width && q.x + q.width > box.x && Math.abs(q.y + q.height / 2 - (box.y + box.height / 2)) < box.height,
      )
    );
  });
  log(`error squiggle in ${s.file}: ${CONFIG.folder}/.http-status-lens.json applies`);
  await shot(page, '.monaco-editor', 'config');
}

/** The visible end of the extension's Output channel (the server's log), after a failure: what it said. */
async function extensionOutput(page) {
  try {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>HTTP Status Lens: Show Output');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output' }).first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    const lines = page.locator('.part.panel .monaco-editor .view-lines').first();
    await lines.waitFor({ timeout: 5000 });
    await new Promise((r) => setTimeout(r, 500));
    return (await lines.innerText()).trimEnd() || '(empty)';
  } catch (err) {
    return `(could not read it: ${err.message.split('\n')[0]})`;
  }
}

/**
 * The language status item (the `{}` in the status bar) on a served file: analysed, its findings, the rules on
 * and the config file; its "Show Output" opens the extension's output.
 */
async function statusScenario(page, log) {
  // Its tab is open since the Problems scenario: a click brings it back.
  const tab = page.locator('.tab[data-resource-name="handler.py"]').first();
  if (await tab.isVisible().catch(() => false)) await tab.click();
  else await openWithQuickOpen(page, 'handler.py');
  await page.locator('.tab.active[data-resource-name="handler.py"]').first().waitFor({ timeout: WAIT });
  await waitFor('"status_code=424" in the editor', async () => (await editorLines(page)).some((l) => l.includes('status_code=424')));
  const item = page.locator('.hover-language-status', { hasText: 'HTTP Status Lens' }).first();
  // Two findings: the handler's 424-for-lock, and status-not-in-spec, since the spec scenario before this one
  // changed the spec's '424' of PUT /documents/{id} to '423' (the open spec no longer declares the 424).
  const text = await waitFor('the language status hover with "HTTP Status Lens · 2 findings"', async () => {
    if (!(await item.isVisible().catch(() => false))) {
      await page.locator('[id="status.languageStatus"]').first().click({ timeout: 2000 });
      await item.waitFor({ state: 'visible', timeout: 2000 });
    }
    const t = (await item.innerText()).replace(/\s+/g, ' ').trim();
    if (/HTTP Status Lens · 2 findings/.test(t)) return t;
    // Shown before the item learnt about this file: close it, so that the next try opens it afresh.
    await page.keyboard.press('Escape');
    throw new Error(`it says: ${t}`);
  });
  if (!/source code · 8 of 9 rules on · config: none/.test(text)) throw new Error(`the status item says: ${text}`);
  log(`language status: ${text}`);
  await page
    .locator('.hover-language-status')
    .first()
    .evaluate((el) =>
      Promise.all(
        el
          .closest('.monaco-hover, .workbench-hover-container, body')
          .getAnimations({ subtree: true })
          .map((a) => a.finished),
      ),
    )
    .catch(() => {});
  await page.screenshot({ path: join(SHOTS, `${named('status')}.png`) });
  await item.locator('.monaco-link', { hasText: 'Show Output' }).first().click();
  await waitFor('the Output panel', async () =>
    /output/i.test(
      await page
        .locator('.part.panel .composite.title')
        .first()
        .innerText()
        .catch(() => ''),
    ),
  );
  log('Show Output opens the Output panel');
  await page.keyboard.press('Control+J');
}

/**
 * The .vsix without its `main`: a browser-only extension, which code-server runs in its web worker extension
 * host (the desktop entry cannot then be the one answering). Written uncompressed.
 */
function browserOnlyVsix(vsix, out) {
  const buf = readFileSync(vsix);
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, entry] of zipEntries(buf)) {
    let data = zipRead(buf, entry);
    if (name === 'extension/package.json') {
      const manifest = JSON.parse(data.toString('utf8'));
      if (!manifest.browser) throw new Error('package.json has no "browser" entry');
      delete manifest.main;
      data = Buffer.from(JSON.stringify(manifest, null, 2));
    }
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt32LE(crc32(data), 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(fileName.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(header, fileName, data);
    central.push(record, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...parts, directory, end]));
  return out;
}

async function main() {
  const args = parseOption(
    process.argv.slice(2).filter((a) => a !== '--web'),
    'vsix',
  );
  findCodeServer();
  findChromium();
  const started = Date.now();
  const scratch = makeTempDir('hsl-e2e-browser-');
  mkdirSync(SHOTS, { recursive: true });
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  const overall = Number(process.env.E2E_BROWSER_TIMEOUT_MS ?? 90_000);
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(sig, async () => {
      console.error(`${PREFIX} ${sig}: stopping code-server and chromium`);
      await browser?.close().catch(() => {});
      await server?.stop();
      rmSync(scratch, { recursive: true, force: true });
      process.exit(code);
    });
  }
  const watchdog = setTimeout(async () => {
    console.error(`${PREFIX} ERROR: the browser test took longer than ${overall} ms; stopping`);
    await browser?.close().catch(() => {});
    await server?.stop();
    process.exit(1);
  }, overall);
  try {
    const packaged = args.vsix ?? packageVsix(join(scratch, 'vsix')).vsix;
    const vsix = WEB ? browserOnlyVsix(packaged, join(scratch, 'web.vsix')) : packaged;
    const userDataDir = join(scratch, 'user-data');
    const extensionsDir = join(scratch, 'extensions');
    installVsix(vsix, extensionsDir, userDataDir); // a fresh profile with only the extension under test
    writeUserSettings(userDataDir);
    const workspace = join(scratch, 'workspace');
    cpSync(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
    if (WEB) {
      mkdirSync(join(workspace, CONFIG.folder));
      cpSync(join(workspace, 'src/handler.ts'), join(workspace, CONFIG.folder, 'strict-handler.ts'));
      writeFileSync(join(workspace, CONFIG.folder, '.http-status-lens.json'), JSON.stringify(CONFIG.config, null, 2));
    }

    server = await startCodeServer({ userDataDir, extensionsDir });
    console.log(`${PREFIX} code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (incl. install)`);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
    const page = await context.newPage();
    // The web worker extension host logs to the page's console: keep what our extension says.
    const hostLog = [];
    page.on(
      'console',
      (message) => /http-status-lens|HTTP Status Lens|httpStatusLens/i.test(message.text()) && hostLog.push(message.text()),
    );
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    await page
      .locator('.explorer-folders-view, .explorer-viewlet')
      .first()
      .waitFor({ timeout: WAIT })
      .catch(() => {});

    const web = WEB
      ? [
          {
            name: `a ${CONFIG.folder}/.http-status-lens.json read through the workspace file system applies`,
            shot: 'config',
            run: configScenario,
          },
        ]
      : [];
    const status = {
      name: 'the language status item: analysed, findings, rules and config; Show Output',
      shot: 'status',
      run: statusScenario,
    };
    for (const s of [{ name: PROBLEMS.name, shot: 'problems', run: problemsScenario }, ...SCENARIOS, ...web, status]) {
      const t0 = Date.now();
      const lines = [];
      try {
        await (s.run ?? ((p, log) => scenario(p, s, log)))(page, (l) => lines.push(l));
        passed++;
        console.log(`  ok   ${s.name} (${Date.now() - t0} ms)`);
        for (const l of lines) console.log(`       ${l}`);
      } catch (err) {
        failed++;
        const shot = join(SHOTS, `${named(s.shot)}-failure.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`  FAIL ${s.name} (${Date.now() - t0} ms)`);
        for (const l of lines) console.log(`       ${l}`);
        console.log(`       ${err.message}\n       screenshot: ${shot}`);
        console.log(`${PREFIX} the extension's output (its visible end):\n${await extensionOutput(page)}`);
      }
      await page.keyboard.press('Escape').catch(() => {});
    }
    if (failed) console.log(`${PREFIX} code-server log (tail):\n${tail(server.logFile, 30)}`);
    if (failed && hostLog.length) console.log(`${PREFIX} extension host console:\n${hostLog.slice(-20).join('\n')}`);
  } catch (err) {
    failed++;
    if (err instanceof ToolMissingError) throw err;
    console.log(`  FAIL browser session: ${err.message}`);
    if (server) console.log(`${PREFIX} code-server log (tail):\n${tail(server.logFile, 30)}`);
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => {});
    await server?.stop();
    if (process.env.E2E_KEEP === '1') console.log(`${PREFIX} kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  console.log(
    `${PREFIX} ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`${PREFIX} ERROR: ${err instanceof ToolMissingError ? err.message : (err.stack ?? err)}`);
    process.exit(1);
  },
);

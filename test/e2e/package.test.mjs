#!/usr/bin/env node
// Checks the packaged .vsix: vsce printed no warnings, the file list is exactly the allowlist (bundles, manifest,
// README, CHANGELOG, LICENSE, icon, one doc page per rule), it is small, and the manifest is complete for the
// marketplace and Open VSX and installs into the VS Code build tested here (1.100.3).
//
// usage: node test/e2e/package.test.mjs [--vsix FILE]     (without --vsix it packages one with vsce)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { isLicenseOk, validateManifest } from 'ovsx';
import { readVSIXPackage } from 'ovsx/lib/zip.js';
import { ROOT, makeTempDir, packageVsix } from '../../scripts/e2e/tools.mjs';

export const MAX_VSIX_BYTES = 1_000_000; // "hundreds of KB, not MB"
export const TESTED_VSCODE = '1.100.3';

/** Entries of a zip file from its central directory: name -> { size, compressedSize, method, offset }. */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { size, compressedSize, method, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function zipRead(buf, entry) {
  const p = entry.offset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

function cmpVersion(a, b) {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Returns a list of check results { name, ok, detail }. */
export async function checkPackage(vsix, { warnings = [] } = {}) {
  const results = [];
  const check = (name, fn) => {
    try {
      const detail = fn();
      results.push({ name, ok: true, detail });
    } catch (err) {
      results.push({ name, ok: false, detail: err.message });
    }
  };
  const buf = readFileSync(vsix);
  const entries = zipEntries(buf);
  const files = [...entries.keys()].filter((n) => !n.endsWith('/')).sort();
  const manifest = JSON.parse(zipRead(buf, entries.get('extension/package.json')).toString('utf8'));
  const ruleIds = manifest.contributes?.configuration?.properties?.['httpStatusLens.rules']?.propertyNames?.enum ?? [];

  check('vsce printed no warnings', () => {
    if (warnings.length) throw new Error(warnings.join('\n'));
  });

  check(`the .vsix is small (< ${MAX_VSIX_BYTES / 1000} KB)`, () => {
    if (buf.length >= MAX_VSIX_BYTES) throw new Error(`${buf.length} bytes`);
    return `${(buf.length / 1024).toFixed(1)} KB packed, ${([...entries.values()].reduce((a, e) => a + e.size, 0) / 1024).toFixed(1)} KB unpacked`;
  });

  check('the file list is exactly the allowlist', () => {
    const required = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/dist/config.schema.json',
      'extension/schemas/http-status-lens.schema.json',
      ...ruleIds.map((id) => `extension/docs/rules/${id}.md`),
    ];
    const missing = required.filter((f) => !files.includes(f));
    const extra = files.filter((f) => !required.includes(f) && !/^extension\/docs\/rules\/[\w-]+\.md$/.test(f));
    const problems = [];
    if (missing.length) problems.push(`missing: ${missing.join(', ')}`);
    if (extra.length) problems.push(`not allowed: ${extra.join(', ')}`);
    if (problems.length) throw new Error(problems.join('; '));
    return `${files.length} files`;
  });

  check('the icon is a PNG of at least 128x128', () => {
    if (!manifest.icon) throw new Error('package.json has no "icon"');
    const entry = entries.get(`extension/${manifest.icon}`);
    if (!entry) throw new Error(`${manifest.icon} is not in the package`);
    const png = zipRead(buf, entry);
    if (png.readUInt32BE(0) !== 0x89504e47) throw new Error(`${manifest.icon} is not a PNG`);
    const w = png.readUInt32BE(16), h = png.readUInt32BE(20);
    if (w < 128 || h < 128) throw new Error(`${w}x${h}`);
    return `${w}x${h}`;
  });

  check('the manifest is complete for the marketplace and Open VSX', () => {
    const missing = [];
    const need = (cond, what) => { if (!cond) missing.push(what); };
    need(manifest.publisher, 'publisher');
    need(manifest.displayName, 'displayName');
    need(manifest.description, 'description');
    need(manifest.license, 'license');
    need(manifest.galleryBanner?.color, 'galleryBanner.color');
    need(manifest.galleryBanner?.theme, 'galleryBanner.theme');
    need(manifest.repository?.url ?? (typeof manifest.repository === 'string' && manifest.repository), 'repository');
    need(manifest.bugs?.url ?? (typeof manifest.bugs === 'string' && manifest.bugs), 'bugs');
    need(manifest.homepage, 'homepage');
    need(Array.isArray(manifest.categories) && manifest.categories.length, 'categories');
    need(Array.isArray(manifest.keywords) && manifest.keywords.length && manifest.keywords.length <= 30, 'keywords (1-30)');
    need(Array.isArray(manifest.activationEvents) && manifest.activationEvents.length, 'explicit activationEvents');
    need(manifest.capabilities?.untrustedWorkspaces, 'capabilities.untrustedWorkspaces');
    need(manifest.capabilities?.virtualWorkspaces !== undefined, 'capabilities.virtualWorkspaces');
    need(manifest.main === './dist/client.js' || manifest.main === 'dist/client.js', 'main = ./dist/client.js');
    if (missing.length) throw new Error(`missing or empty: ${missing.join(', ')}`);
  });

  check(`engines.vscode admits the tested VS Code ${TESTED_VSCODE}`, () => {
    const range = manifest.engines?.vscode ?? '';
    const m = /^\^?(\d+\.\d+\.\d+)$/.exec(range);
    if (!m) throw new Error(`engines.vscode "${range}" should be a caret range like ^1.100.0`);
    if (cmpVersion(m[1], TESTED_VSCODE) > 0) throw new Error(`engines.vscode ${range} is newer than ${TESTED_VSCODE}`);
    const types = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')).version;
    const [tMaj, tMin] = types.split('.').map(Number);
    const [eMaj, eMin] = m[1].split('.').map(Number);
    if (tMaj > eMaj || (tMaj === eMaj && tMin > eMin)) throw new Error(`@types/vscode ${types} is newer than engines.vscode ${range}`);
    return `${range} (@types/vscode ${types})`;
  });

  // Open VSX: the checks its publishing tool (ovsx) makes before it uploads, on the manifest read from the .vsix.
  try {
    const packaged = await readVSIXPackage(vsix);
    validateManifest(packaged);
    if (!(await isLicenseOk(ROOT, packaged))) throw new Error('ovsx: no license (Open VSX refuses unlicensed extensions)');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(packaged.name) || !/^[a-z0-9][a-z0-9-]*$/.test(packaged.publisher))
      throw new Error(`name "${packaged.name}" / publisher "${packaged.publisher}": Open VSX ids are lowercase letters, digits and dashes`);
    results.push({ name: "the .vsix passes Open VSX's checks (ovsx: manifest fields, license)", ok: true, detail: `${packaged.publisher}.${packaged.name} ${packaged.version}, ${packaged.license}` });
  } catch (err) {
    results.push({ name: "the .vsix passes Open VSX's checks (ovsx: manifest fields, license)", ok: false, detail: err.message });
  }

  return { results, files, entries, bytes: buf.length };
}

export function printResults(results, log = console.log) {
  let passed = 0, failed = 0;
  for (const r of results) {
    if (r.ok) passed++; else failed++;
    log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? (r.ok ? ` (${r.detail})` : `\n       ${r.detail.replace(/\n/g, '\n       ')}`) : ''}`);
  }
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--vsix');
  let scratch;
  let vsix = i > 0 ? process.argv[i + 1] : undefined;
  let warnings = [];
  if (!vsix) {
    scratch = makeTempDir('hsl-package-');
    ({ vsix, warnings } = packageVsix(scratch));
  }
  const { results, files, entries } = await checkPackage(vsix, { warnings });
  for (const f of files) console.log(`  ${String(entries.get(f).size).padStart(8)}  ${f}`);
  const { passed, failed } = printResults(results);
  console.log(`${passed} passed, ${failed} failed`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

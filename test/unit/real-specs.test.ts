/**
 * Every example spec of @readme/oas-examples (real-world Swagger 2.0, OpenAPI 3.0 and 3.1, JSON and YAML):
 * the scanner finds exactly the response keys an independent reading finds (the `yaml` package's
 * document model and jsonc-parser's tree), at the same positions.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import { isMap, isScalar, type Pair, parseDocument } from 'yaml';
import { document, service } from './helpers';

const root = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

function specFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return specFiles(full);
    return /\.(json|ya?ml)$/.test(e.name) && e.name !== 'package.json' ? [full] : [];
  });
}

type Key = [text: string, start: number];

/** Response keys per the yaml package: [key, offset of the key without quotes]. */
function yamlKeys(text: string): Key[] {
  const doc = parseDocument(text);
  const keys: Key[] = [];
  const pairs = (node: unknown): Pair[] => (isMap(node) ? (node.items as Pair[]) : []);
  const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : '');
  const operation = (op: unknown) => {
    for (const pair of pairs(op)) {
      if (keyOf(pair) === 'responses') {
        for (const response of pairs(pair.value)) {
          const key = response.key as { range: [number, number]; type?: string };
          const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
          if (!keyOf(response).startsWith('x-')) keys.push([keyOf(response), key.range[0] + (quoted ? 1 : 0)]);
        }
      }
      if (keyOf(pair) === 'callbacks') for (const cb of pairs(pair.value)) for (const item of pairs(cb.value)) pathItem(item.value);
    }
  };
  const pathItem = (item: unknown) => {
    for (const pair of pairs(item)) if (methods.has(keyOf(pair))) operation(pair.value);
  };
  for (const top of pairs(doc.contents)) {
    if (keyOf(top) === 'paths' || keyOf(top) === 'webhooks') for (const item of pairs(top.value)) pathItem(item.value);
  }
  return keys;
}

function jsonKeys(text: string): Key[] {
  const keys: Key[] = [];
  const props = (node: JsonNode | undefined) => (node?.type === 'object' ? (node.children ?? []) : []);
  const operation = (op: JsonNode | undefined) => {
    for (const prop of props(op)) {
      const [key, value] = prop.children!;
      if (key.value === 'responses') {
        for (const response of props(value)) {
          const k = response.children![0];
          if (!String(k.value).startsWith('x-')) keys.push([String(k.value), k.offset + 1]);
        }
      }
      if (key.value === 'callbacks') for (const cb of props(value)) for (const item of props(cb.children![1])) pathItem(item.children![1]);
    }
  };
  const pathItem = (item: JsonNode | undefined) => {
    for (const prop of props(item)) if (methods.has(prop.children![0].value)) operation(prop.children![1]);
  };
  for (const top of props(parseTree(text))) {
    const [key, value] = top.children!;
    if (key.value === 'paths' || key.value === 'webhooks') for (const item of props(value)) pathItem(item.children![1]);
  }
  return keys;
}

describe('real example specs (@readme/oas-examples)', () => {
  const files = specFiles(root);
  test('the package has the spec versions and formats', () => {
    assert.ok(files.length > 100, `${files.length} specs`);
  });
  for (const file of files) {
    const name = path.relative(root, file);
    test(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const yaml = !file.endsWith('.json');
      const expected = (yaml ? yamlKeys(text) : jsonKeys(text)).sort((a, b) => a[1] - b[1]);
      const scanned = service.scan(document(text, yaml ? 'yaml' : 'json'));
      const actual: Key[] = scanned.sites.filter((s) => s.role === 'use').map((s) => [s.text, s.start]);
      assert.deepEqual(actual, expected);
      if (expected.length > 0) assert.equal(scanned.kind, 'openapi');
    });
  }
});

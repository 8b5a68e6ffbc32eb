/** The language, framework and completion data match their schemas and agree with each other. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { declarationFiles, declarationOf } from '../../scripts/data-types';

const dataDir = path.join(__dirname, '../../data');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });

// Every data file against its schema: data/<name>.json and data/schema/<name>.schema.json.
for (const schema of fs.readdirSync(path.join(dataDir, 'schema')).filter((name) => name.endsWith('.schema.json'))) {
  const file = schema.replace(/\.schema\.json$/, '.json');
  test(`${file} matches data/schema/${schema}`, () => {
    const validate = ajv.compile(read(`schema/${schema}`));
    assert.ok(validate(read(file)), ajv.errorsText(validate.errors));
  });
}

test('the data types (data/*.d.json.ts) are the ones the schemas generate', async () => {
  for (const { schema, declaration } of declarationFiles()) {
    const actual = fs.existsSync(declaration) ? fs.readFileSync(declaration, 'utf8') : '(missing)';
    assert.equal(actual, await declarationOf(schema), `${path.basename(declaration)} is stale: run npm run data:types`);
  }
});

test('every code-language family has a lexer, scopes and status contexts; every family is used', () => {
  const languages = read('languages.json');
  const frameworks = read('frameworks.json');
  const families = new Set(Object.values(languages.languages).map((l: any) => l.family));
  for (const family of families) {
    assert.ok(languages.families[family], `family ${family} is described`);
    if (family === 'openapi') continue;
    assert.ok(languages.families[family].syntax && languages.families[family].scopes, `${family} has syntax and scopes`);
    assert.ok(frameworks.contexts[family], `${family} has status contexts`);
  }
  for (const family of Object.keys(frameworks.contexts)) assert.ok(families.has(family), `${family} in frameworks.json is a served family`);
});

test('a schema rejects broken data', () => {
  const validate = ajv.compile(read('schema/frameworks.schema.json'));
  assert.equal(validate({ contexts: { go: { calls: [{ names: ['x y'], argument: 0 }], properties: [] } } }), false);
});

test('routes.json: every family with route shapes is a served code family', () => {
  const languages = read('languages.json');
  const routes = read('routes.json');
  const families = new Set(Object.values(languages.languages).map((l: any) => l.family));
  for (const family of Object.keys(routes.families))
    assert.ok(families.has(family) && family !== 'openapi', `${family} in routes.json is a served code family`);
});

/** The language, framework and completion data match their schemas and agree with each other. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';

const dataDir = path.join(__dirname, '../../data');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });

for (const [file, schema] of [
  ['languages.json', 'languages.schema.json'],
  ['frameworks.json', 'frameworks.schema.json'],
  ['completion.json', 'completion.schema.json'],
  ['routes.json', 'routes.schema.json'],
  ['carriers.json', 'carriers.schema.json'],
  ['outbound.json', 'outbound.schema.json'],
]) {
  test(`${file} matches data/schema/${schema}`, () => {
    const validate = ajv.compile(read(`schema/${schema}`));
    assert.ok(validate(read(file)), ajv.errorsText(validate.errors));
  });
}

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

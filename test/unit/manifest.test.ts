/** The extension manifest agrees with the data it describes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import languages from '../../data/languages.json';
import manifest from '../../package.json';
import { ruleIds } from '../../server/src/service/rules';
import { defaultSeverities } from '../../server/src/service/rules/presets';

const languageIds = Object.keys(languages.languages);

test('activation events cover every served language, explicitly', () => {
  assert.deepEqual(manifest.activationEvents, languageIds.map((id) => `onLanguage:${id}`));
});

test('the languages setting lists the served languages', () => {
  const setting = manifest.contributes.configuration.properties['httpStatusLens.languages'];
  assert.deepEqual(setting.default, languageIds);
  assert.deepEqual(setting.items.enum, languageIds);
});

test('the rules setting names every rule and severity', () => {
  const setting = manifest.contributes.configuration.properties['httpStatusLens.rules'];
  assert.deepEqual([...setting.propertyNames.enum].sort(), [...ruleIds].sort());
  assert.deepEqual(Object.keys(defaultSeverities).sort(), [...ruleIds].sort());
  assert.deepEqual(setting.additionalProperties.enum, ['off', 'hint', 'info', 'warning', 'error']);
});

test('the manifest can be installed into the VS Code build tested here (1.100)', () => {
  assert.match(manifest.engines.vscode, /^\^1\.(\d+)\.0$/);
  assert.ok(Number(/^\^1\.(\d+)/.exec(manifest.engines.vscode)![1]) <= 100);
  assert.ok(Number(/(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode'])![2]) <= 100);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
});

/** The extension manifest agrees with the data it describes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import languages from '../../data/languages.json';
import manifest from '../../package.json';
import { Commands, LINT_WORKSPACE_COMMAND } from '../../server/src/protocol';
import { ruleIds } from '../../server/src/service/rules';
import { defaultSeverities } from '../../server/src/service/rules/presets';

const languageIds = Object.keys(languages.languages);

test('activation events cover every served language, explicitly', () => {
  assert.deepEqual(
    manifest.activationEvents,
    languageIds.map((id) => `onLanguage:${id}`),
  );
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
  assert.deepEqual(setting.additionalProperties.anyOf[0].enum, ['off', 'hint', 'info', 'warning', 'error']);
  assert.equal(setting.additionalProperties.anyOf[1].type, 'array', 'or [severity, options], as in ESLint');
});

test('the manifest can be installed into the VS Code build tested here (1.100)', () => {
  assert.match(manifest.engines.vscode, /^\^1\.(\d+)\.0$/);
  assert.ok(Number(/^\^1\.(\d+)/.exec(manifest.engines.vscode)![1]) <= 100);
  assert.ok(Number(/(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode'])![2]) <= 100);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
});

test('every command of the client is contributed, fix all and the output in the palette', () => {
  const contributed = manifest.contributes.commands.map((command) => command.command);
  // The client's own commands, and the server's Lint Workspace (carried out over executeCommand).
  assert.deepEqual([...contributed].sort(), [...Object.values(Commands), LINT_WORKSPACE_COMMAND].sort());
  const hidden = manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command);
  assert.ok(!hidden.includes(Commands.fixAll) && !hidden.includes(Commands.showOutput));
});

// The layers' boundaries (eslint.config.mjs): the tree obeys them, and each one does catch a crossing.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries (npm run lint)', () => {
  test('the sources cross none', async () => {
    const results = await eslint.lintFiles(['server/src', 'client/src']);
    const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    assert.deepEqual(found, []);
    assert.ok(results.length > 50, `linted ${results.length} files`);
  });

  const crossings: [string, string, RegExp][] = [
    ['server/src/service/features/x.ts', "import { createConnection } from 'vscode-languageserver/node';", /service\/ is pure/],
    ['server/src/service/rules/x.ts', "import { SettingsStore } from '../../handlers/settings';", /never reaches out/],
    ['server/src/service/x.ts', "import { loadConfigFile } from '../config';", /never reaches out/],
    ['server/src/service/x.ts', "import codes from '../../../data/status-codes.json';", /only reader of data/],
    ['server/src/cli/x.ts', "import { classify } from '../service/rules/confusion';", /public interface/],
    ['server/src/config/x.ts', "import { phrases } from '../knowledge/phrases';", /knowledge registry/],
    ['server/src/handlers/x.ts', "import vocabulary from '../../../data/vocabulary.json';", /only reader of data/],
    ['client/src/x.ts', "import spellings from '../../data/spellings.json';", /only reader of data/],
    ['server/src/handlers/x.ts', "import { staleHover } from '../large/stale';", /one seam/],
    ['server/src/documents/x.ts', "import { EditLog } from '../large/editLog';", /one seam/],
    ['server/src/service/x.ts', "import { isLarge } from '../large';", /never reaches out/],
  ];
  for (const [file, code, message] of crossings) {
    test(`${file}: ${code}`, async () => {
      const found = await problems(file, code);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], message);
    });
  }

  test('what the layers may use stays allowed', async () => {
    assert.deepEqual(
      await problems(
        'server/src/service/x.ts',
        "import type { Diagnostic } from 'vscode-languageserver-types';\nimport * as knowledge from '../knowledge';",
      ),
      [],
    );
    assert.deepEqual(
      await problems('server/src/cli/x.ts', "import { getLanguageService } from '../service';\nimport * as knowledge from '../knowledge';"),
      [],
    );
    assert.deepEqual(await problems('server/src/knowledge/x.ts', "import codes from '../../../data/status-codes.json';"), []);
    assert.deepEqual(await problems('server/src/handlers/x.ts', "import { isLarge } from '../large';"), []);
  });
});

// Entry of the integration suite, loaded by the extension host (extensionTestsPath). The test files register
// their tests on import, in this order; run() resolves when all pass and rejects otherwise, which sets the
// exit code of the VS Code run.
import { runAll } from './runner';
import './extension.test';
import './lock.test';
import './completion.test';
import './settings.test';
import './large.test';
import './editor.test';

export async function run(): Promise<void> {
  const { failed } = await runAll();
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}

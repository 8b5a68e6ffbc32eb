import { spawn } from 'node:child_process';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
(async () => {
  const [form, ...rest] = process.argv.slice(2);
  const ns = rest.map(Number);
  const flags = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/hl/prof'] : [];
  const child = spawn(process.execPath, [...flags, 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const c = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, (n: number) => void>();
  c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => waiters.get(p.uri)?.(p.diagnostics.length));
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  c.listen();
  await c.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await c.sendNotification('initialized', {});
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///other.ts', languageId: 'typescript', version: 1, text: 'res.status(424);\n' } });
  for (const n of ns) {
    const text = form === 'py' ? 'abort(' + '424 if x else '.repeat(n) + '409)\n' : 'res.status(' + 'x ? 424 : '.repeat(n) + '409);\n';
    const uri = `file:///p${n}.${form}`;
    const got = new Promise<number>((r) => waiters.set(uri, r));
    const t = performance.now();
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: form === 'py' ? 'python' : 'typescript', version: 1, text } });
    // A hover on another document meanwhile.
    await new Promise((r) => setTimeout(r, 150));
    const th = performance.now();
    await c.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///other.ts' }, position: { line: 0, character: 12 } });
    const hoverMs = performance.now() - th;
    const count = await got;
    console.log(form, n, 'first diagnostics', (performance.now() - t).toFixed(0), 'ms', count, 'hover on another document waited', hoverMs.toFixed(0), 'ms');
  }
  await c.sendRequest('shutdown');
  await c.sendNotification('exit');
})();

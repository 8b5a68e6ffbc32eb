/**
 * The workspace over the protocol (issue 16): the background index with progress, a use judged by a carrier
 * in a file that is not open, pull diagnostics for the files that are not open, file events, the command.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Hover, MarkupContent, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './client';

const declaration = `@ResponseStatus(HttpStatus.FAILED_DEPENDENCY)
public class FailedDependencyException extends RuntimeException {
    public FailedDependencyException(String message) { super(message); }
}
`;
const use = `class CouponService {
    void create(String code) {
        if (exists(code)) throw new FailedDependencyException("This coupon code is already taken");
    }
}
`;
const other = `class Rows { Object f() { return ResponseEntity.status(424).body("The row is locked"); } }
`;

describe('the workspace over the protocol', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hsl-ws-')));
  const file = (name: string) => path.join(dir, ...name.split('/'));
  const uri = (name: string) => pathToFileURL(file(name)).href;
  const client = new TestClient();
  const progress: { kind: string; title?: string }[] = [];
  let refreshes = 0;
  let indexed: Promise<void>;

  before(async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(file('src/errors'), { recursive: true });
    fs.mkdirSync(file('src/coupons'), { recursive: true });
    fs.mkdirSync(file('ignored'), { recursive: true });
    fs.writeFileSync(file('src/errors/FailedDependencyException.java'), declaration);
    fs.writeFileSync(file('src/coupons/CouponService.java'), use);
    fs.writeFileSync(file('src/Rows.java'), other);
    fs.writeFileSync(file('ignored/Rows.java'), other);
    fs.writeFileSync(file('.gitignore'), 'ignored/\n');
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    client.connection.onRequest('workspace/diagnostic/refresh', () => void refreshes++);
    indexed = new Promise((resolve) => {
      client.connection.onNotification('$/progress', (params: { value: { kind: string; title?: string } }) => {
        progress.push(params.value);
        if (params.value.kind === 'end') resolve();
      });
    });
    const result = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'project' }],
      initializationOptions: { workspaceDiagnostics: true },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, diagnostic: {} },
      },
    })) as { capabilities: { diagnosticProvider?: { workspaceDiagnostics: boolean }; executeCommandProvider?: { commands: string[] } } };
    assert.equal(result.capabilities.diagnosticProvider?.workspaceDiagnostics, true);
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['httpStatusLens.lintWorkspace']);
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The diagnostics of a document once they satisfy `ok` (a push may come before the index is ready). */
  async function diagnosticsUntil(name: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const next = await client.nextDiagnostics(uri(name), 10_000);
      if (ok(next.diagnostics)) return next.diagnostics;
    }
  }

  test('indexes the folder in the background, with progress', async () => {
    await indexed;
    assert.equal(progress[0].kind, 'begin');
    assert.match(progress[0].title!, /Indexing status carriers/);
  });

  test('an open use is judged by the carrier declared in a file that is not open; hover says where it comes from', async () => {
    const pending = diagnosticsUntil('src/coupons/CouponService.java', (d) => d.length > 0);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('src/coupons/CouponService.java'), languageId: 'java', version: 1, text: use },
    });
    const diagnostics = await pending;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['424-for-conflict'],
    );
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('src/coupons/CouponService.java') },
      position: positionOf(use, 'FailedDependencyException(', 2),
    })) as Hover;
    assert.match(
      (hover.contents as MarkupContent).value,
      /^424 Failed Dependency, via `FailedDependencyException`, declared in src\/errors\/FailedDependencyException\.java:2/,
    );
  });

  test('a use in a file dense with status sites, checked in the scan worker, is judged and explained by the carrier too', async () => {
    // A carrier whose name does not say its status, declared in a file that is not open.
    const named = (text: string) => text.replaceAll('FailedDependencyException', 'CouponTaken');
    const watched = (type: number) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri('src/errors/CouponTaken.java'), type }],
      });
    fs.writeFileSync(file('src/errors/CouponTaken.java'), named(declaration));
    await watched(1);
    // 2,000 status-like numbers: its first check goes to the worker (large/analysis.ts).
    const dense = `class Codes {\n    int[] seen = { ${Array(2000).fill('200').join(', ')} };\n}\n${named(use)}`;
    const pending = diagnosticsUntil('src/coupons/Dense.java', (d) => d.length > 0);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('src/coupons/Dense.java'), languageId: 'java', version: 1, text: dense },
    });
    try {
      assert.deepEqual(
        (await pending).map((d) => d.code),
        ['424-for-conflict'],
      );
      // Its hover comes from the worker's scan, and says where the carrier is declared as one in this thread does.
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: uri('src/coupons/Dense.java') },
        position: positionOf(dense, 'CouponTaken(', 2),
      })) as Hover;
      assert.match(
        (hover.contents as MarkupContent).value,
        /^424 Failed Dependency, via `CouponTaken`, declared in src\/errors\/CouponTaken\.java:2/,
      );
    } finally {
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('src/coupons/Dense.java') } });
      fs.rmSync(file('src/errors/CouponTaken.java'));
      await watched(3);
    }
  });

  test('a code lens on the declaration counts its uses', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('src/errors/FailedDependencyException.java'), languageId: 'java', version: 1, text: declaration },
    });
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: uri('src/errors/FailedDependencyException.java') },
    })) as { range: { start: { line: number } }; command: { title: string } }[];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title]),
      [[1, '424 Failed Dependency · 1 use in 1 file']],
    );
    await client.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: uri('src/errors/FailedDependencyException.java') },
    });
  });

  test('workspace/diagnostic reports the files that are not open, not the ignored ones; unchanged files say so', async () => {
    const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceDiagnosticReport;
    const byUri = new Map(report.items.map((item) => [item.uri, item]));
    const open = byUri.get(uri('src/coupons/CouponService.java'));
    assert.deepEqual(open?.kind === 'full' && open.items, [], 'an open document is pushed: its workspace report is empty');
    assert.equal(byUri.has(uri('ignored/Rows.java')), false);
    const rows = byUri.get(uri('src/Rows.java'))!;
    assert.equal(rows.kind, 'full');
    assert.deepEqual(rows.kind === 'full' && rows.items.map((d) => d.code), ['424-for-lock']);
    const declared = byUri.get(uri('src/errors/FailedDependencyException.java'))!;
    assert.deepEqual(declared.kind === 'full' && declared.items, [], 'the declaration is no finding while its use is judged');
    const again = (await client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: report.items.map((item) => ({ uri: item.uri, value: item.resultId! })),
    })) as WorkspaceDiagnosticReport;
    assert.ok(again.items.every((item) => item.kind === 'unchanged'));
  });

  test('a carrier changed on disk (didChangeWatchedFiles) re-judges the open use and asks the client to pull again', async () => {
    const before = refreshes;
    const pending = diagnosticsUntil('src/coupons/CouponService.java', (d) => d.length === 0);
    fs.writeFileSync(file('src/errors/FailedDependencyException.java'), declaration.replace('FAILED_DEPENDENCY', 'CONFLICT'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('src/errors/FailedDependencyException.java'), type: 2 }],
    });
    assert.deepEqual(await pending, []);
    assert.ok(refreshes > before);
  });

  test('the Lint Workspace command lints every file and says how many findings', async () => {
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'httpStatusLens.lintWorkspace',
      arguments: [],
    })) as {
      files: number;
      findings: number;
    };
    assert.deepEqual(result, { files: 3, findings: 1 });
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsOutbox } from '../../server/src/transport/diagnosticsOutbox';

/** A writer whose writes end when the test says so, as a client that reads slowly would make them. */
function slowWriter() {
  const written: PublishDiagnosticsParams[] = [];
  const pending: { params: PublishDiagnosticsParams; finish(ok: boolean): void }[] = [];
  const send = (params: PublishDiagnosticsParams) =>
    new Promise<void>((resolve, reject) =>
      pending.push({ params, finish: (ok) => (ok ? (written.push(params), resolve()) : reject(new Error('closed'))) }),
    );
  /** Ends the oldest write and lets the outbox react to it. */
  const finishOne = async (ok = true) => {
    pending.shift()!.finish(ok);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { send, written, pending, finishOne };
}

const finding = (message: string): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
  message,
});

test('while a publish is being written, only the newest of its document waits; other documents go at once', async () => {
  const writer = slowWriter();
  const outbox = new DiagnosticsOutbox({ sendDiagnostics: writer.send });
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('v1')] });
  for (let version = 2; version <= 1000; version++) outbox.publish({ uri: 'a', version, diagnostics: [finding(`v${version}`)] });
  outbox.publish({ uri: 'b', version: 1, diagnostics: [finding('b')] });
  assert.deepEqual(
    writer.pending.map((p) => [p.params.uri, p.params.version]),
    [
      ['a', 1],
      ['b', 1],
    ],
  );
  assert.equal(outbox.backlog, 1);
  await writer.finishOne();
  assert.deepEqual(
    writer.pending.map((p) => [p.params.uri, p.params.version]),
    [
      ['b', 1],
      ['a', 1000],
    ],
  );
  await writer.finishOne();
  await writer.finishOne();
  assert.deepEqual(
    writer.written.map((p) => p.version),
    [1, 1, 1000],
  );
  assert.equal(outbox.backlog, 0);
});

test('a publish the client already has (same version, same findings) is not sent again; a change or a new version is', async () => {
  const writer = slowWriter();
  const outbox = new DiagnosticsOutbox({ sendDiagnostics: writer.send });
  const publish = (version: number, message: string) => outbox.publish({ uri: 'a', version, diagnostics: [finding(message)] });
  publish(1, 'x');
  await writer.finishOne();
  publish(1, 'x');
  assert.equal(writer.pending.length, 0, 'a re-check that changed nothing');
  publish(1, 'y');
  await writer.finishOne();
  publish(2, 'y');
  await writer.finishOne();
  // Waiting behind a write, a publish equal to the one being written is dropped too.
  publish(3, 'z');
  publish(2, 'y');
  publish(3, 'z');
  await writer.finishOne();
  assert.equal(writer.pending.length, 0);
  assert.deepEqual(
    writer.written.map((p) => [p.version, p.diagnostics[0].message]),
    [
      [1, 'x'],
      [1, 'y'],
      [2, 'y'],
      [3, 'z'],
    ],
  );
});

test('cleared diagnostics are always sent and hold nothing; a failed write is not taken as known to the client', async () => {
  const writer = slowWriter();
  const outbox = new DiagnosticsOutbox({ sendDiagnostics: writer.send });
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('x')] });
  await writer.finishOne(false);
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('x')] });
  assert.equal(writer.pending.length, 1, 'sent again after the failed write');
  await writer.finishOne();
  outbox.publish({ uri: 'a', diagnostics: [] });
  await writer.finishOne();
  outbox.publish({ uri: 'a', diagnostics: [] });
  assert.equal(writer.pending.length, 1, 'a clear is sent whatever came before');
  await writer.finishOne();
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('x')] });
  assert.equal(writer.pending.length, 1, 'the findings again after a clear');
});

test('a document opened anew is told its diagnostics again, unchanged as they are', async () => {
  const writer = slowWriter();
  const outbox = new DiagnosticsOutbox({ sendDiagnostics: writer.send });
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('x')] });
  await writer.finishOne();
  outbox.forget('a');
  outbox.publish({ uri: 'a', version: 1, diagnostics: [finding('x')] });
  assert.equal(writer.pending.length, 1);
});

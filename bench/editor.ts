/**
 * Editor metrics through the real server: dist/server.js spawned with --stdio and spoken to as an LSP
 * client would, so every figure includes JSON-RPC framing, the pipe and the server's own scheduling.
 *
 * - start-up: spawn to the initialize response (what a client waits for before anything works);
 * - open: didOpen of the whole spec to its first publishDiagnostics;
 * - open against the CLI: the open in a fresh server, alternating with the CLI's whole process on the same
 *   file (node start-up included), so the ratio of the two is taken under the same load;
 * - hover/completion idle: requests on the open, settled document;
 * - hover/completion while editing: one-character edits every TYPING_MS (a fast typist), and after each
 *   edit a completion at once (completion follows keystrokes) and a hover at a delay that cycles through
 *   the interval, so requests land both before and after the server's debounced re-validation;
 * - edit to diagnostics: a one-character didChange to the publishDiagnostics of that version;
 * - peak memory: the server's VmHWM from /proc once the session is over.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { SpecFile } from './corpus';
import { type Summary, percentile, runProcess, sleep, summarize } from './measure';
import { type Profile, readProfile } from './profile';
import { OPEN_FLOOR, floorScript, root, serverArgs, serverScript } from './setup';

const TYPING_MS = 150;
const HOVER_DELAYS = [0, 30, 60, 90, 120];

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface EditorResult {
  /** The session's name in the report (sessionName). */
  file: string;
  /** The spec opened (a name of bench/corpus.ts). */
  spec: string;
  completionProvider: boolean;
  openToDiagnosticsMs: number;
  diagnosticsOnOpen: number;
  /** The diagnostics on open equal the injected truth (rule and range). */
  diagnosticsMatchTruth: boolean;
  mismatches: string[];
  hoverIdle: Latency;
  hoverEditing: Latency;
  completionIdle?: Latency;
  completionEditing?: Latency;
  /** Hovers on an injected 424 key that returned content (sanity: the measured hovers did real work). */
  hoverHits: number;
  editToDiagnostics: Summary & { p99: number };
  /** The open against the CLI's whole process (measureOpen). */
  openVsCli?: OpenResult;
  peakRssMB?: number;
  rssOpenMB?: number;
  edits: number;
}

class Client {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  capabilities: Record<string, unknown> = {};
  /** The latest published diagnostics per uri (so a wait can see they already came). */
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  /** Resolves when the server's workspace index reports its end (initialize with a workspace folder). */
  readonly indexed: Promise<void>;

  /** `script`: another server to speak to the same way (the open's floor). */
  constructor(nodeArgs: string[] = [], script?: string) {
    this.child = spawn(process.execPath, serverArgs(nodeArgs, script), {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (!waiter.match(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    this.connection.onNotification('window/showMessage', () => {});
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.indexed = new Promise((resolve) =>
      this.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
        if (params.value.kind === 'end') resolve();
      }),
    );
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.listen();
  }

  /**
   * Sends initialize; resolves with the milliseconds from `since` to the response. With `workspace`, the
   * server gets it as its workspace folder, and this waits for its index to be built.
   */
  async initialize(since: bigint, workspace?: string): Promise<number> {
    const folder = workspace === undefined ? undefined : pathToFileURL(workspace).href;
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ?? null,
      ...(folder && { workspaceFolders: [{ uri: folder, name: path.basename(workspace!) }] }),
      capabilities: {
        window: { workDoneProgress: workspace !== undefined },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code declares them: documentation is fetched with completionItem/resolve when an item is shown.
          completion: {
            completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
          },
        },
      },
    })) as { capabilities: Record<string, unknown> };
    const ms = Number(process.hrtime.bigint() - since) / 1e6;
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
    if (workspace !== undefined) await this.indexed;
    return ms;
  }

  diagnostics(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 120_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  memory(): { hwm?: number; rss?: number } {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
      return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
    } catch {
      return {};
    }
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export interface OpenResult {
  /** didOpen to the first publishDiagnostics, each in a fresh server (its scan worker started by the open). */
  open: Summary;
  /** The server's peak RSS once the first diagnostics are out. */
  openPeakRssMB: Summary;
  /** `node dist/cli.js lint --format json FILE`, the whole process, run between the opens. */
  cli: Summary;
  /** open median / CLI median: at most 1 is "opens as fast as the CLI lints it". */
  ratio: number;
  /** The same open in the floor server (floors/lsp-open.ts), which publishes at once: what the protocol costs. */
  floor: Summary;
}

/**
 * The open of `spec` in a fresh server, in a fresh floor server (the protocol's cost alone) and the CLI's
 * whole run on it, in turn, `runs` times each.
 */
export async function measureOpen(spec: SpecFile, runs: number, outDir: string, workspace?: Workspace): Promise<OpenResult> {
  const text = fs.readFileSync(spec.file, 'utf8');
  const uri = `file://${spec.file}`;
  const languageId = spec.format === 'yaml' ? 'yaml' : 'json';
  const opens: number[] = [];
  const peaks: number[] = [];
  const floors: number[] = [];
  const cli: number[] = [];
  /** didOpen to the first diagnostics of `uri` in a fresh `client`, its index built first in `folder`. */
  const open = async (client: Client, folder?: string): Promise<number> => {
    await client.initialize(process.hrtime.bigint(), folder);
    const opened = client.diagnostics((p) => p.uri === uri);
    const started = process.hrtime.bigint();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await opened;
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < runs; i++) {
    const client = new Client();
    opens.push(await open(client, workspace?.dir));
    peaks.push(client.memory().hwm ?? NaN);
    await client.shutdown();
    const floor = new Client([], floorScript(OPEN_FLOOR));
    // No folder: the floor builds no index, and what the protocol costs does not depend on one.
    floors.push(await open(floor));
    await floor.shutdown();
    const out = path.join(outDir, `${spec.name}.open-cli.out`);
    const run = await runProcess(process.execPath, [path.join(root, 'dist/cli.js'), 'lint', '--format', 'json', spec.file], {
      cwd: path.dirname(spec.file),
      stdoutFile: out,
      stderrFile: `${out}.err`,
      timeoutMs: 180_000,
    });
    cli.push(run.ms);
  }
  const openSummary = summarize(opens)!;
  const cliSummary = summarize(cli)!;
  return {
    open: openSummary,
    openPeakRssMB: summarize(peaks.filter(Number.isFinite))!,
    cli: cliSummary,
    ratio: openSummary.median / cliSummary.median,
    floor: summarize(floors)!,
  };
}

/** Spawn to initialize response, `runs` times, each in a fresh process. */
export async function measureStartup(runs: number): Promise<{ summary: Summary; rssMB: Summary }> {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const since = process.hrtime.bigint();
    const client = new Client();
    times.push(await client.initialize(since));
    rss.push(client.memory().hwm ?? NaN);
    await client.shutdown();
  }
  return { summary: summarize(times)!, rssMB: summarize(rss.filter(Number.isFinite))! };
}

/** A CPU profile of one server start-up: spawn, initialize, shutdown (the profile is written on exit). */
export async function profileStartup(dir: string): Promise<Profile> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const client = new Client(['--cpu-prof', '--cpu-prof-dir', dir]);
  await client.initialize(process.hrtime.bigint());
  await client.shutdown();
  return readProfile(dir, serverScript);
}

/** A tree of source files the server indexes (its workspace folder) before the spec is opened. */
export interface Workspace {
  dir: string;
  files: number;
}

/** How a session is named in the report: the spec, and the workspace it was opened in. */
export function sessionName(spec: SpecFile, workspace?: Workspace): string {
  return workspace ? `${spec.name}, workspace of ${workspace.files.toLocaleString('en-US')} files` : spec.name;
}

export interface EditorOptions {
  /** Open the spec in a server whose workspace folder is this tree, once its index is built. */
  workspace?: Workspace;
  idleRequests: number;
  edits: number;
  diagnosticRuns: number;
  /** Run the server under --cpu-prof, writing the profile here (the figures are then not the published ones). */
  profileDir?: string;
}

export async function measureEditor(spec: SpecFile, options: EditorOptions): Promise<EditorResult> {
  const text = fs.readFileSync(spec.file, 'utf8');
  const uri = `file://${spec.file}`;
  const languageId = spec.format === 'yaml' ? 'yaml' : 'json';
  if (options.profileDir) {
    fs.rmSync(options.profileDir, { recursive: true, force: true });
    fs.mkdirSync(options.profileDir, { recursive: true });
  }
  const client = new Client(options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : []);
  await client.initialize(process.hrtime.bigint(), options.workspace?.dir);
  const completionProvider = client.capabilities.completionProvider !== undefined;

  // Open.
  let version = 1;
  const opened = client.diagnostics((p) => p.uri === uri);
  const openStart = process.hrtime.bigint();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const first = await opened;
  const openToDiagnosticsMs = Number(process.hrtime.bigint() - openStart) / 1e6;
  const mismatches = compare(spec, first);
  const rssOpenMB = client.memory().rss;

  // Where requests go: the injected 424 keys (one character into the key), and completion after "42".
  const keys = spec.truth.map((site) => ({ line: site.line - 1, character: site.column - 1 }));
  const hoverAt = (i: number) => ({ line: keys[i % keys.length].line, character: keys[i % keys.length].character + 1 });
  const completeAt = (i: number) => ({ line: keys[i % keys.length].line, character: keys[i % keys.length].character + 2 });
  const truthLines = new Set(keys.map((k) => k.line));
  const edit = editPoint(text, spec.format === 'yaml', truthLines);

  let hoverHits = 0;
  const request = async (method: string, position: { line: number; character: number }): Promise<number> => {
    const started = process.hrtime.bigint();
    const result = (await client.connection.sendRequest(method, { textDocument: { uri }, position })) as unknown;
    if (method === 'textDocument/hover' && result) hoverHits++;
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

  // Idle: the document as opened, diagnostics already published.
  const hoverIdle: number[] = [];
  const completionIdle: number[] = [];
  for (let i = 0; i < options.idleRequests; i++) {
    hoverIdle.push(await request('textDocument/hover', hoverAt(i)));
    if (completionProvider) completionIdle.push(await request('textDocument/completion', completeAt(i)));
  }

  // Typing: alternately insert and delete one character in a description in the middle of the file.
  let inserted = false;
  const change = () => {
    version++;
    const range = inserted ? { start: edit, end: { line: edit.line, character: edit.character + 1 } } : { start: edit, end: edit };
    const params = { textDocument: { uri, version }, contentChanges: [{ range, text: inserted ? '' : 'x' }] };
    inserted = !inserted;
    return client.connection.sendNotification('textDocument/didChange', params);
  };
  const hoverEditing: number[] = [];
  const completionEditing: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    const editedAt = Date.now();
    await change();
    if (completionProvider) completionEditing.push(await request('textDocument/completion', completeAt(i)));
    await sleep(Math.max(0, editedAt + HOVER_DELAYS[i % HOVER_DELAYS.length] - Date.now()));
    hoverEditing.push(await request('textDocument/hover', hoverAt(i)));
    await sleep(Math.max(0, editedAt + TYPING_MS - Date.now()));
  }
  if (inserted) await change();
  // Let the last edit settle before measuring edit-to-diagnostics.
  if (client.latest.get(uri)?.version !== version)
    await client.diagnostics((p) => p.uri === uri && p.version === version).catch(() => undefined);

  // One-character edit to the diagnostics of that version, with the server otherwise quiet.
  const editToDiagnostics: number[] = [];
  for (let i = 0; i < options.diagnosticRuns; i++) {
    await sleep(300);
    const target = version + 1;
    const published = client.diagnostics((p) => p.uri === uri && (p.version === target || p.version === undefined));
    const started = process.hrtime.bigint();
    await change();
    await published;
    editToDiagnostics.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  const memory = client.memory();
  await client.shutdown();
  const latency = (values: number[]): Latency => ({
    n: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: Math.max(...values),
  });
  return {
    file: sessionName(spec, options.workspace),
    spec: spec.name,
    completionProvider,
    openToDiagnosticsMs,
    diagnosticsOnOpen: first.diagnostics.length,
    diagnosticsMatchTruth: mismatches.length === 0,
    mismatches,
    hoverIdle: latency(hoverIdle),
    hoverEditing: latency(hoverEditing),
    completionIdle: completionProvider ? latency(completionIdle) : undefined,
    completionEditing: completionProvider ? latency(completionEditing) : undefined,
    hoverHits,
    editToDiagnostics: { ...summarize(editToDiagnostics)!, p99: percentile(editToDiagnostics, 99) },
    peakRssMB: memory.hwm,
    rssOpenMB,
    edits: options.edits + options.diagnosticRuns,
  };
}

/** A place inside a description string near the middle of the file, on a line no request goes to. */
function editPoint(text: string, yaml: boolean, avoid: Set<number>): { line: number; character: number } {
  const needle = yaml ? 'description: ' : '"description": "';
  let offset = text.indexOf(needle, text.length >> 1);
  for (;;) {
    if (offset < 0) throw new Error('no description to edit');
    const line = countLines(text, offset);
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const at = offset + needle.length + 1;
    if (!avoid.has(line) && /\w/.test(text[at] ?? '')) return { line, character: at - lineStart };
    offset = text.indexOf(needle, offset + 1);
  }
}

function countLines(text: string, offset: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Differences between published diagnostics and the truth, as readable lines (empty when equal). */
function compare(spec: SpecFile, published: PublishDiagnosticsParams): string[] {
  const key = (line: number, character: number, endLine: number, endCharacter: number, rule: string) =>
    `${line + 1}:${character + 1}-${endLine + 1}:${endCharacter + 1} ${rule}`;
  const expected = new Set(
    spec.truth.filter((s) => s.expected).map((s) => key(s.line - 1, s.column - 1, s.endLine - 1, s.endColumn - 1, s.expected!)),
  );
  const actual = new Set(
    published.diagnostics.map((d) =>
      key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, String(d.code)),
    ),
  );
  return [
    ...[...expected].filter((k) => !actual.has(k)).map((k) => `missing ${k}`),
    ...[...actual].filter((k) => !expected.has(k)).map((k) => `unexpected ${k}`),
  ];
}

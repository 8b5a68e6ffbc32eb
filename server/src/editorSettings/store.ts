/**
 * Settings per document: VS Code's `httpStatusLens.*` for the document, then the `.http-status-lens.json`
 * files that apply to it on top (the same cascade as the CLI, bounded by the workspace folder), so the
 * editor and CI give the same answers. Problems in VS Code settings are shown once each as a message;
 * problems in a config file are published as diagnostics on that file. Either way an invalid value is left out
 * and the rest applies; a config file that is not JSON is ignored whole.
 */
import type { ClientCapabilities, Connection, Diagnostic, WorkspaceFolder } from 'vscode-languageserver';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAME, type ConfigFile, positionAt } from '../config/file';
import type { InitializationOptions } from '../protocol';
import { SOURCE, type Settings, defaultSettings, resolveSettings } from '../service';
import { applySettingsLayer } from '../service';
import { DiagnosticsOutbox } from '../transport/diagnosticsOutbox';

/**
 * Where the config files of a document come from: the disk (diskConfig.ts, desktop) or the client, which
 * reads them through the workspace file system (clientConfig.ts, web). Nothing outside the workspace folders.
 */
export interface ConfigSource {
  /** The files that apply to the document, outermost first, and whether their `ignore` patterns exclude it; undefined when none can. */
  chainOf(uri: string, folders: readonly string[]): Promise<{ chain: readonly ConfigFile[]; ignored: boolean } | undefined>;
  /** Every file read so far, by uri, for publishing their problems. */
  loaded(): { uri: string; file: ConfigFile }[];
  clear(): void;
  /** Told the client's `initializationOptions`. */
  initialize?(options: InitializationOptions): void;
  /** Messages about config files left out (not the user's, in a directory others may write), each once, then forgotten. */
  takeNotes?(): string[];
}

/** Where config-file diagnostics point for help. */
const CONFIG_DOCS = 'https://github.com/http-status-lens/http-status-lens/blob/main/docs/cli.md#configuration';

export class SettingsStore {
  private capabilities: ClientCapabilities = {};
  private folders?: Promise<string[]>;
  private givenFolders?: string[];
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  /** Config files whose problems are on screen, by uri. */
  private readonly published = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  /** The config files that applied to each document the last time its settings were read, and whether they ignore it. */
  private readonly sources = new Map<string, { configFiles: string[]; ignored: boolean }>();
  /** Settings a client pushed with didChangeConfiguration, for clients that cannot be asked (Helix, Neovim). */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly configSource?: ConfigSource,
    private readonly outbox = new DiagnosticsOutbox(connection),
  ) {}

  /** `workspaceFolders`/`rootUri` of the initialize request; without them the folders are asked for when needed. */
  initialize(
    capabilities: ClientCapabilities,
    workspace?: { workspaceFolders?: WorkspaceFolder[] | null; rootUri?: string | null; initializationOptions?: unknown },
  ): void {
    this.capabilities = capabilities;
    const options = workspace?.initializationOptions;
    this.configSource?.initialize?.(typeof options === 'object' && options !== null ? (options as InitializationOptions) : {});
    const uris = workspace?.workspaceFolders?.map((folder) => folder.uri) ?? (workspace?.rootUri ? [workspace.rootUri] : undefined);
    if (uris) this.givenFolders = uris;
  }

  register(): void {
    const workspace = this.capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration)
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusLens' });
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    this.connection.onDidChangeWatchedFiles((params) => this.watched(params.changes));
  }

  /** didChangeWatchedFiles: a config file changed. (The server's handler, in handlers/initialize.ts, calls this too.) */
  watched(changes: readonly { uri: string }[]): void {
    if (!changes.some((change) => change.uri.endsWith('/' + CONFIG_FILE_NAME))) return;
    this.clear();
    for (const listener of this.listeners) listener();
  }

  /** Called after a config file changed on disk (the settings are already cleared). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The `settings` of a didChangeConfiguration notification; only used when the client cannot be asked. */
  push(settings: unknown): void {
    if (typeof settings === 'object' && settings !== null && 'httpStatusLens' in settings)
      this.pushed = (settings as { httpStatusLens: unknown }).httpStatusLens;
    this.clear();
  }

  clear(): void {
    this.cache.clear();
    this.configSource?.clear();
    this.folders = undefined;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.sources.delete(uri);
  }

  /** Where a document's settings came from (read them with get() first). */
  sourcesOf(uri: string): { configFiles: string[]; ignored: boolean } {
    return this.sources.get(uri) ?? { configFiles: [], ignored: false };
  }

  private async fetch(uri: string): Promise<Settings> {
    const fromEditor = await this.editorSettings(uri);
    if (!this.configSource) return fromEditor;
    let found: Awaited<ReturnType<ConfigSource['chainOf']>>;
    try {
      found = await this.configSource.chainOf(uri, await this.workspaceFolders());
    } catch (error) {
      // A config file the parser cannot cope with (JSON nested 10^5 deep overflows its recursion) must not
      // take the server down with it: the editor settings apply.
      const problem = `HTTP Status Lens cannot read the configuration files for ${uri} (${String(error)}); the defaults apply.`;
      if (!this.reported.has(problem)) (this.reported.add(problem), this.warn(problem));
      return fromEditor;
    }
    for (const note of this.configSource.takeNotes?.() ?? []) if (!this.reported.has(note)) (this.reported.add(note), this.warn(note));
    // Nothing is read outside the workspace: a file outside every folder gets the editor settings only.
    if (!found) return fromEditor;
    this.publishProblems(this.configSource.loaded());
    const settings = found.chain.reduce((settings, file) => applySettingsLayer(settings, file.settings), fromEditor);
    this.sources.set(uri, { configFiles: found.chain.map((config) => config.path), ignored: found.ignored });
    // An ignored file is analysed for no language, so it gets neither diagnostics nor hovers.
    return found.ignored ? { ...settings, languages: [] } : settings;
  }

  private async editorSettings(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.capabilities.workspace?.configuration === true) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'httpStatusLens' });
      } catch {
        return defaultSettings();
      }
    }
    const { settings, problems } = resolveSettings(raw, 'httpStatusLens settings');
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.warn(problem);
    }
    return settings;
  }

  /** A plain notification, not a request: a client that prompts for requests would block on it. */
  private warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** The workspace folders' uris. */
  private workspaceFolders(): Promise<string[]> {
    if (this.givenFolders) return Promise.resolve(this.givenFolders);
    if (!this.folders) {
      this.folders = this.capabilities.workspace?.workspaceFolders
        ? this.connection.workspace.getWorkspaceFolders().then(
            (folders) => (folders ?? []).map((folder) => folder.uri),
            () => [],
          )
        : Promise.resolve([]);
    }
    return this.folders;
  }

  /** Diagnostics on each config file read: its problems, or none once they are fixed. */
  private publishProblems(files: readonly { uri: string; file: ConfigFile }[]): void {
    for (const { uri, file } of files) {
      if (file.problems.length === 0 && !this.published.has(uri)) continue;
      const diagnostics = configDiagnostics(file);
      if (diagnostics.length > 0) this.published.add(uri);
      else this.published.delete(uri);
      this.outbox.publish({ uri, diagnostics });
      const key = `${uri}\n${diagnostics.map((d) => d.message).join('\n')}`;
      if (diagnostics.length > 0 && !this.reported.has(key)) {
        this.reported.add(key);
        this.warn(
          `HTTP Status Lens: ${file.path} has ${diagnostics.length === 1 ? 'a problem' : `${diagnostics.length} problems`} (see Problems): ${file.problems.some((p) => p.fatal) ? 'the file is ignored' : 'what is invalid is ignored, the rest applies'}.`,
        );
      }
    }
  }
}

export function configDiagnostics(file: ConfigFile): Diagnostic[] {
  return file.problems.map((problem) => ({
    range: { start: positionAt(file.text, problem.offset), end: positionAt(file.text, problem.offset + problem.length) },
    severity: problem.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'invalid-config',
    codeDescription: { href: CONFIG_DOCS },
    message: problem.message,
  }));
}

/** Whether a document is a config file (its diagnostics come from here, not from the language service). */
export function isConfigFile(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE_NAME);
}

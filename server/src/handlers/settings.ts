/**
 * Settings per document: VS Code's `httpStatusLens.*` for the document, then the `.http-status-lens.json`
 * files that apply to it on top (the same cascade as the CLI, bounded by the workspace folder), so the
 * editor and CI give the same answers. Problems in VS Code settings are shown once each as a message;
 * problems in a config file are published as diagnostics on that file. Either way an invalid value is left out
 * and the rest applies; a config file that is not JSON is ignored whole.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities, Connection, Diagnostic, WorkspaceFolder } from 'vscode-languageserver/node';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import {
  CONFIG_FILE_NAME,
  type ConfigChain,
  type ConfigFile,
  ConfigCascade,
  applyChain,
  ignoreLayersOf,
  isFileIgnored,
  positionAt,
} from '../config';
import { SOURCE, type Settings, defaultSettings, resolveSettings } from '../service';

/** Where config-file diagnostics point for help. */
const CONFIG_DOCS = 'https://github.com/http-status-lens/http-status-lens/blob/main/docs/cli.md#configuration';

export class SettingsStore {
  private capabilities: ClientCapabilities = {};
  private folders?: Promise<string[]>;
  private givenFolders?: string[];
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  private readonly cascade: ConfigCascade;
  private knownFolders: string[] = [];
  /** Config files whose problems are on screen, by uri. */
  private readonly published = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  /** Settings a client pushed with didChangeConfiguration, for clients that cannot be asked (Helix, Neovim). */
  private pushed: unknown;

  constructor(private readonly connection: Connection) {
    this.cascade = new ConfigCascade({ isBoundary: (directory) => this.knownFolders.includes(directory) });
  }

  /** `workspaceFolders`/`rootUri` of the initialize request; without them the folders are asked for when needed. */
  initialize(capabilities: ClientCapabilities, workspace?: { workspaceFolders?: WorkspaceFolder[] | null; rootUri?: string | null }): void {
    this.capabilities = capabilities;
    const uris = workspace?.workspaceFolders?.map((folder) => folder.uri) ?? (workspace?.rootUri ? [workspace.rootUri] : undefined);
    if (uris) this.givenFolders = uris.flatMap(toPath);
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

  /** didChangeWatchedFiles: a config file changed. (The server's handler, in handlers/index.ts, calls this too.) */
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
    this.cascade.clear();
    this.folders = undefined;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<Settings> {
    const fromEditor = await this.editorSettings(uri);
    const file = toPath(uri)[0];
    if (!file) return fromEditor;
    this.knownFolders = await this.workspaceFolders();
    const folder = this.knownFolders
      .filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    // Nothing is read outside the workspace: a file outside every folder gets the editor settings only.
    if (!folder) return fromEditor;
    let chain: ConfigChain;
    try {
      chain = this.cascade.chainFor(path.dirname(file));
    } catch (error) {
      // A config file the parser cannot cope with (JSON nested 10^5 deep overflows its recursion) must not
      // take the server down with it: the editor settings apply.
      const problem = `HTTP Status Lens cannot read the configuration files for ${file} (${String(error)}); the defaults apply.`;
      if (!this.reported.has(problem)) (this.reported.add(problem), this.warn(problem));
      return fromEditor;
    }
    this.publishProblems(this.cascade.loaded());
    const settings = applyChain(fromEditor, chain);
    // An ignored file is analysed for no language, so it gets neither diagnostics nor hovers.
    return isFileIgnored(ignoreLayersOf(chain), file) ? { ...settings, languages: [] } : settings;
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

  private workspaceFolders(): Promise<string[]> {
    if (this.givenFolders) return Promise.resolve(this.givenFolders);
    if (!this.folders) {
      this.folders = this.capabilities.workspace?.workspaceFolders
        ? this.connection.workspace.getWorkspaceFolders().then(
            (folders) => (folders ?? []).flatMap((folder) => toPath(folder.uri)),
            () => [],
          )
        : Promise.resolve([]);
    }
    return this.folders;
  }

  /** Diagnostics on each config file read: its problems, or none once they are fixed. */
  private publishProblems(files: readonly ConfigFile[]): void {
    for (const file of files) {
      const uri = pathToFileURL(file.path).href;
      if (file.problems.length === 0 && !this.published.has(uri)) continue;
      const diagnostics = configDiagnostics(file);
      if (diagnostics.length > 0) this.published.add(uri);
      else this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
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

function toPath(uri: string): string[] {
  if (!uri.startsWith('file:')) return [];
  try {
    return [path.resolve(fileURLToPath(uri))];
  } catch {
    return [];
  }
}

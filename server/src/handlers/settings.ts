/**
 * Settings per document from the client (`httpStatusLens` section), validated by the service. Problems are
 * shown once each; a broken setting falls back to its default.
 */
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import { type Settings, defaultSettings, resolveSettings } from '../service';

export class SettingsStore {
  private canAsk = false;
  private canRegister = false;
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  initialize(capabilities: ClientCapabilities): void {
    this.canAsk = capabilities.workspace?.configuration === true;
    this.canRegister = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  }

  register(): void {
    if (this.canRegister) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusLens' });
  }

  get(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<Settings> {
    if (!this.canAsk) return defaultSettings();
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'httpStatusLens' });
    } catch {
      return defaultSettings();
    }
    const { settings, problems } = resolveSettings(raw, 'httpStatusLens settings');
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      void this.connection.window.showWarningMessage(problem);
    }
    return settings;
  }
}

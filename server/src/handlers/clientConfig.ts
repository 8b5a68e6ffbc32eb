/**
 * The config files of a document in the web, where the server has no file system: the client reads them
 * through `vscode.workspace.fs` (httpStatusLens/configFiles) and the server parses and applies them as on
 * the desktop. `ignore` patterns are not applied here (they are matched against paths on disk).
 */
import type { Connection } from 'vscode-languageserver';
import { type ConfigFile, parseConfig } from '../config/file';
import { CONFIG_FILES_REQUEST, type ConfigFilesResult } from '../protocol';
import type { ConfigSource } from './settings';

export class ClientConfigSource implements ConfigSource {
  private readonly files = new Map<string, ConfigFile>();

  constructor(private readonly connection: Connection) {}

  async chainOf(uri: string) {
    const answer = await this.connection.sendRequest<ConfigFilesResult | null>(CONFIG_FILES_REQUEST, { uri });
    if (!answer || !Array.isArray(answer.files)) return undefined;
    const all = answer.files
      .filter((file) => typeof file?.uri === 'string' && typeof file.text === 'string')
      .map((file) => parseConfig(file.text, file.uri));
    for (const file of all) this.files.set(file.path, file);
    // As on disk: nothing above the nearest file that says `"root": true`.
    let start = 0;
    all.forEach((file, index) => file.root && (start = index));
    return { chain: all.slice(start), ignored: false };
  }

  loaded() {
    return [...this.files.values()].map((file) => ({ uri: file.path, file }));
  }

  clear(): void {
    this.files.clear();
  }
}

/**
 * The config files of a document the server cannot read from disk (in the web, or a virtual workspace on the
 * desktop): the client reads them through `vscode.workspace.fs` (httpStatusLens/configFiles) and the server
 * parses and applies them as on disk, `ignore` patterns included (matched against the paths of the uris).
 */
import ignore from 'ignore';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { type ConfigFile, parseConfig } from '../config/file';
import { rebase } from '../config/patterns';
import { CONFIG_FILES_REQUEST, type ConfigFilesResult, type InitializationOptions } from '../protocol';
import type { ConfigSource } from './store';

export class ClientConfigSource implements ConfigSource {
  private readonly files = new Map<string, ConfigFile>();

  /** `answered`: whether the client is known to answer the request (the web client always does); else it says so at initialization. */
  constructor(
    private readonly connection: Connection,
    private answered = true,
  ) {}

  initialize(options: InitializationOptions): void {
    if (options.configFiles === true) this.answered = true;
  }

  async chainOf(uri: string) {
    if (!this.answered) return undefined;
    const answer = await this.connection.sendRequest<ConfigFilesResult | null>(CONFIG_FILES_REQUEST, { uri });
    if (!answer || !Array.isArray(answer.files)) return undefined;
    const all = answer.files
      .filter((file) => typeof file?.uri === 'string' && typeof file.text === 'string')
      .map((file) => parseConfig(file.text, file.uri));
    for (const file of all) this.files.set(file.path, file);
    // As on disk: nothing above the nearest file that says `"root": true`.
    let start = 0;
    all.forEach((file, index) => file.root && (start = index));
    const chain = all.slice(start);
    return { chain, ignored: isIgnored(chain, uri) };
  }

  loaded() {
    return [...this.files.values()].map((file) => ({ uri: file.path, file }));
  }

  clear(): void {
    this.files.clear();
  }
}

/** Whether the chain's `ignore` patterns exclude the document, each relative to its file's folder (as config/ignore.ts on disk). */
function isIgnored(chain: readonly ConfigFile[], uri: string): boolean {
  const layers = chain.filter((file) => file.ignore.length > 0);
  if (layers.length === 0) return false;
  const fromRoot = (address: string) => URI.parse(address).path.replace(/^\/+/, '');
  const patterns = layers.flatMap((file) => file.ignore.map((pattern) => rebase(pattern, fromRoot(file.directory))));
  const relative = fromRoot(uri);
  return (
    relative !== '' &&
    ignore()
      .add(patterns.filter((p): p is string => p !== undefined))
      .ignores(relative)
  );
}

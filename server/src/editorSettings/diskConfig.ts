/**
 * The config files of a document on disk (desktop): the same cascade as the CLI, bounded by the workspace
 * folder the document is in. Documents that are not files (a virtual workspace) go to `others`.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigCascade, ignoreLayersOf, isFileIgnored } from '../config';
import type { InitializationOptions } from '../protocol';
import type { ConfigSource } from './store';

export class DiskConfigSource implements ConfigSource {
  private knownFolders: string[] = [];
  private notes: string[] = [];
  private readonly cascade = new ConfigCascade({
    isBoundary: (directory) => this.knownFolders.includes(directory),
    onUntrusted: (file, why) => void this.notes.push(`HTTP Status Lens does not use ${file}: ${why}.`),
  });

  constructor(private readonly others?: ConfigSource) {}

  initialize(options: InitializationOptions): void {
    this.others?.initialize?.(options);
  }

  async chainOf(uri: string, folderUris: readonly string[]) {
    const file = toPath(uri)[0];
    if (!file) return this.others?.chainOf(uri, folderUris);
    this.knownFolders = folderUris.flatMap(toPath);
    const folder = this.knownFolders
      .filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    if (!folder) return undefined;
    const chain = this.cascade.chainFor(path.dirname(file));
    return { chain, ignored: isFileIgnored(ignoreLayersOf(chain), file) };
  }

  takeNotes(): string[] {
    const notes = [...this.notes, ...(this.others?.takeNotes?.() ?? [])];
    this.notes = [];
    return notes;
  }

  loaded() {
    return [...this.cascade.loaded().map((file) => ({ uri: pathToFileURL(file.path).href, file })), ...(this.others?.loaded() ?? [])];
  }

  clear(): void {
    this.cascade.clear();
    this.others?.clear();
  }
}

function toPath(uri: string): string[] {
  if (!uri.startsWith('file:')) return [];
  try {
    return [path.resolve(fileURLToPath(uri))];
  } catch {
    return [];
  }
}

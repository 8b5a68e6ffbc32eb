/**
 * Which config files apply to a directory: the cascade. Starting at the directory and going up, every
 * `.http-status-lens.json` found applies, the nearest one last (it wins). The search stops after a file
 * with `"root": true`, at the repository root (a directory holding `.git`), at the filesystem root, or at
 * a boundary the caller sets (the server: the workspace folder). Results are cached per directory and
 * share their arrays, so a chain's identity can key derived data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type ConfigFile } from './file';
import { loadConfigFile } from './load';

export type ConfigChain = readonly ConfigFile[];

export interface CascadeOptions {
  /** True for a directory above which nothing is read (it is still searched itself). */
  isBoundary?: (directory: string) => boolean;
  /** Reads one file; defaults to loadConfigFile. */
  load?: (file: string) => ConfigFile;
}

const EMPTY: ConfigChain = Object.freeze([]);

export class ConfigCascade {
  private readonly chains = new Map<string, ConfigChain>();
  private readonly files = new Map<string, ConfigFile | null>();

  constructor(private readonly options: CascadeOptions = {}) {}

  /** The config files for files in `directory` (absolute), outermost first. */
  chainFor(directory: string): ConfigChain {
    const cached = this.chains.get(directory);
    if (cached) return cached;
    const here = this.fileIn(directory);
    let chain: ConfigChain;
    if (here && here.root) chain = [here];
    else {
      const parent = path.dirname(directory);
      const stop = parent === directory || isRepositoryRoot(directory) || this.options.isBoundary?.(directory) === true;
      const above = stop ? EMPTY : this.chainFor(parent);
      chain = here ? [...above, here] : above;
    }
    this.chains.set(directory, chain);
    return chain;
  }

  /** Every config file read so far. */
  loaded(): ConfigFile[] {
    return [...this.files.values()].filter((file): file is ConfigFile => file !== null);
  }

  clear(): void {
    this.chains.clear();
    this.files.clear();
  }

  private fileIn(directory: string): ConfigFile | undefined {
    const file = path.join(directory, CONFIG_FILE_NAME);
    let config = this.files.get(file);
    if (config === undefined) {
      config = isFile(file) ? (this.options.load ?? loadConfigFile)(file) : null;
      this.files.set(file, config);
    }
    return config ?? undefined;
  }
}

export function isRepositoryRoot(directory: string): boolean {
  return fs.existsSync(path.join(directory, '.git'));
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}

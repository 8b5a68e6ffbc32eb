/**
 * Which config files apply to a directory: the cascade. Starting at the directory and going up, every
 * `.http-status-lens.json` found applies, the nearest one last (it wins). The search stops after a file
 * with `"root": true`, at the repository root (a directory holding `.git`), at a boundary the caller sets
 * (the server: the workspace folder), outside a repository at the caller's fallback boundary (the CLI: the
 * working directory), and at the filesystem root. A config anyone could have put there (in a directory
 * writable by others, not both the directory and the file yours) is skipped with a warning: otherwise a
 * `{"ignore": ["**"]}` left in /tmp would silence every lint below it. Results are cached per directory
 * and share their arrays, so a chain's identity can key derived data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type ConfigFile } from './file';
import { loadConfigFile } from './load';

export type ConfigChain = readonly ConfigFile[];

export interface CascadeOptions {
  /** True for a directory above which nothing is read (it is still searched itself). */
  isBoundary?: (directory: string) => boolean;
  /** As isBoundary, for a directory that no repository holds. */
  isBoundaryOutsideRepository?: (directory: string) => boolean;
  /** Told of each config file skipped because others could have written it, and why. */
  onUntrusted?: (file: string, why: string) => void;
  /** Reads one file; defaults to loadConfigFile. */
  load?: (file: string) => ConfigFile;
}

const EMPTY: ConfigChain = Object.freeze([]);

export class ConfigCascade {
  private readonly chains = new Map<string, ConfigChain>();
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly inRepository = new Map<string, boolean>();

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
      const stop =
        parent === directory ||
        isRepositoryRoot(directory) ||
        this.options.isBoundary?.(directory) === true ||
        (this.options.isBoundaryOutsideRepository?.(directory) === true && !this.insideRepository(directory));
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
    this.inRepository.clear();
  }

  private insideRepository(directory: string): boolean {
    let inside = this.inRepository.get(directory);
    if (inside === undefined) {
      const parent = path.dirname(directory);
      inside = isRepositoryRoot(directory) || (parent !== directory && this.insideRepository(parent));
      this.inRepository.set(directory, inside);
    }
    return inside;
  }

  private fileIn(directory: string): ConfigFile | undefined {
    const file = path.join(directory, CONFIG_FILE_NAME);
    let config = this.files.get(file);
    if (config === undefined) {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      const why = stat?.isFile() ? untrustedBecause(fs.statSync(directory), stat, directory, process.getuid?.()) : undefined;
      if (why) this.options.onUntrusted?.(file, why);
      config = stat?.isFile() && !why ? (this.options.load ?? loadConfigFile)(file) : null;
      this.files.set(file, config);
    }
    return config ?? undefined;
  }
}

export function isRepositoryRoot(directory: string): boolean {
  return fs.existsSync(path.join(directory, '.git'));
}

type Owned = Pick<fs.Stats, 'mode' | 'uid'>;

/**
 * Why a config file may be someone else's words, or undefined: its directory is writable by others (/tmp,
 * sticky or not) and the directory or the file is not the user's, or the file itself is writable by others
 * and not the user's. Root is the user like any other: a file another user left in root's /tmp is not trusted.
 */
export function untrustedBecause(directory: Owned, file: Owned, directoryPath: string, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined; // Windows: no POSIX modes to go by.
  if (directory.mode & 0o002 && (directory.uid !== uid || file.uid !== uid))
    return `its directory ${directoryPath} is writable by others and ${directory.uid !== uid ? 'the directory' : 'the file'} is not yours`;
  if (file.mode & 0o002 && file.uid !== uid) return 'it is writable by others and not yours';
  return undefined;
}

/**
 * Settings and ignore patterns per directory for the CLI: the config cascade (or the one `--config` file,
 * or none with `--no-config`), then `--rule` on top. Chains that are the same object share one Settings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type ConfigChain,
  ConfigCascade,
  type ConfigFile,
  type IgnoreLayer,
  applyChain,
  ignoreLayersOf,
  loadConfigFile,
  positionAt,
} from '../config';
import { type Settings, applySettingsLayer, defaultSettings } from '../service';
import type { LintOptions } from './args';
import { UsageError } from './args';
import { isGlob, splitGlob } from './glob';
import { displayPath } from './paths';

export interface ResolvedConfig {
  /** Index into CliConfig.settingsTable: how workers are told which settings a file uses. */
  settingsIndex: number;
  settings: Settings;
  ignore: IgnoreLayer[];
}

/**
 * Where the cascade stops when no repository holds a directory: at the working directory, or, for a path
 * given outside it (`lint /elsewhere/project`), at that path (a file's directory). Nothing above is read.
 */
function outsideRepositoryBoundaries(paths: readonly string[], cwd: string): (directory: string) => boolean {
  const tops = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, isGlob(given) ? splitGlob(given).base : given);
    const directory = fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
    const insideCwd = directory === cwd || directory.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep);
    tops.add(insideCwd ? cwd : directory);
  }
  return (directory) => tops.has(directory);
}

export class CliConfig {
  readonly settingsTable: Settings[] = [];
  private readonly cascade?: ConfigCascade;
  private readonly fixed?: ConfigChain;
  private readonly resolved = new WeakMap<ConfigChain, ResolvedConfig>();
  /** Config files skipped because others could have written them: `file: why`. */
  readonly untrusted: string[] = [];

  constructor(
    private readonly options: Pick<LintOptions, 'config' | 'noConfig' | 'rules'> & Partial<Pick<LintOptions, 'paths'>>,
    cwd: string,
  ) {
    if (options.noConfig) this.fixed = [];
    else if (options.config !== undefined) {
      const file = path.resolve(cwd, options.config);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) throw new UsageError(`cannot read the config file ${options.config}: ${stat ? 'not a file' : 'no such file'}`);
      this.fixed = [loadConfigFile(file)];
    } else
      this.cascade = new ConfigCascade({
        isBoundaryOutsideRepository: outsideRepositoryBoundaries(options.paths ?? [], cwd),
        onUntrusted: (file, why) => this.untrusted.push(`${displayPath(file, cwd)} is not used: ${why}`),
      });
  }

  /** What applies to the files of `directory` (absolute). */
  forDirectory(directory: string): ResolvedConfig {
    const chain = this.fixed ?? this.cascade!.chainFor(directory);
    let resolved = this.resolved.get(chain);
    if (!resolved) {
      const settings = applySettingsLayer(applyChain(defaultSettings(), chain), { rules: this.options.rules });
      resolved = { settingsIndex: this.settingsTable.push(settings) - 1, settings, ignore: ignoreLayersOf(chain) };
      this.resolved.set(chain, resolved);
    }
    return resolved;
  }

  /** Every config file used, for reporting their problems. */
  files(): ConfigFile[] {
    return this.fixed ? [...this.fixed] : this.cascade!.loaded();
  }

  /** One line per problem in the config files read, `file:line:column: message`. */
  problems(cwd: string): string[] {
    const lines: string[] = [];
    for (const file of this.files().sort((a, b) => (a.path < b.path ? -1 : 1))) {
      for (const problem of file.problems) {
        const { line, character } = positionAt(file.text, problem.offset);
        lines.push(`${displayPath(file.path, cwd)}:${line + 1}:${character + 1}: ${problem.message}`);
      }
    }
    return lines;
  }
}

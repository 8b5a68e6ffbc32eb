/**
 * `.http-status-lens.json`, shared by the CLI and the server: finding the files that apply (cascade.ts),
 * reading and validating one (file.ts), its `ignore` patterns (ignore.ts), and merging the settings.
 *
 * Precedence, lowest first: built-in defaults, then (server only) VS Code's `httpStatusLens.*`, then each
 * config file of the cascade from the outermost to the nearest, then (CLI only) `--rule`. Each source
 * overrides only what it sets; see applySettingsLayer for how values combine.
 */
import { type Settings, applySettingsLayer } from '../service';
import type { ConfigChain } from './cascade';
import { type IgnoreLayer, ignoreLayer } from './ignore';

export { CONFIG_FILE_NAME, CONFIG_KEYS, type ConfigFile, type ConfigProblem, loadConfigFile, parseConfig, positionAt } from './file';
export { type CascadeOptions, type ConfigChain, ConfigCascade, isRepositoryRoot } from './cascade';
export { type IgnoreLayer, IgnoreMatcher, ignoreLayer, isFileIgnored, toPosix } from './ignore';

/** `base` with every file of the chain applied in order (the nearest last). */
export function applyChain(base: Settings, chain: ConfigChain): Settings {
  return chain.reduce((settings, file) => applySettingsLayer(settings, file.settings), base);
}

/** The `ignore` patterns of the chain, one layer per file that has any. */
export function ignoreLayersOf(chain: ConfigChain): IgnoreLayer[] {
  return chain.filter((file) => file.ignore.length > 0).map((file) => ignoreLayer(file.directory, file.ignore));
}

/**
 * Settings, from VS Code (`httpStatusLens.*`) or `.http-status-lens.json`: the same shape. Anything invalid
 * is reported and replaced by its default; settings never stop the service.
 *
 * Sources are read as *layers* (what each one sets, nothing more) and applied over the defaults in order,
 * so the server and the CLI merge VS Code settings and config files the same way (docs/cli.md, "Precedence").
 */
import * as knowledge from '../knowledge';
import { didYouMean } from './didYouMean';
import { type RuleId, ruleIds } from './rules';
import { type Severity, defaultSeverities, severities } from './rules/presets';

export interface Settings {
  rules: Record<RuleId, Severity>;
  languages: string[];
  dependencyWords: string[];
}

export interface ResolvedSettings {
  settings: Settings;
  /** One line per problem found, empty when the input was valid. */
  problems: string[];
}

/** What one source sets; a key left out leaves the value below it alone. */
export interface SettingsLayer {
  rules?: Partial<Record<RuleId, Severity>>;
  languages?: string[];
  dependencyWords?: string[];
}

/** A problem in one source, with the JSON path of the offending value (for a diagnostic on a config file). */
export interface SettingsProblem {
  message: string;
  path: (string | number)[];
  /** The problem is the key at `path` (an unknown rule id), not its value. */
  key?: boolean;
}

/** The keys a settings layer reads; a config file may hold a few more of its own. */
export const SETTINGS_KEYS = ['rules', 'languages', 'dependencyWords'] as const;

export function defaultSettings(): Settings {
  return { rules: { ...defaultSeverities }, languages: knowledge.languageIds(), dependencyWords: [] };
}

/** Reads raw settings of unknown shape; `where` names their source in messages. */
export function resolveSettings(raw: unknown, where = 'settings'): ResolvedSettings {
  // Some clients (Neovim) send an empty table as `[]`: that is no settings, not a mistake.
  if (Array.isArray(raw) && raw.length === 0) raw = undefined;
  if (raw !== undefined && raw !== null && !isObject(raw)) {
    return { settings: defaultSettings(), problems: [`${where}: expected an object, got ${typeName(raw)}; using the defaults`] };
  }
  const { layer, problems } = readSettingsLayer(raw ?? {});
  return { settings: applySettingsLayer(defaultSettings(), layer), problems: problems.map((p) => `${where}: ${p.message}`) };
}

/** The valid part of one source's settings, and a problem for each invalid value (which is left out). */
export function readSettingsLayer(raw: Record<string, unknown>): { layer: SettingsLayer; problems: SettingsProblem[] } {
  const layer: SettingsLayer = {};
  const problems: SettingsProblem[] = [];
  const { rules, languages, dependencyWords } = raw;
  if (rules !== undefined) {
    if (!isObject(rules))
      problems.push({ path: ['rules'], message: `ignoring "rules": expected an object of rule id -> severity, got ${typeName(rules)}` });
    else {
      layer.rules = {};
      for (const [id, severity] of Object.entries(rules)) {
        if (!(ruleIds as string[]).includes(id))
          problems.push({
            path: ['rules', id],
            key: true,
            message: `ignoring "${id}" in "rules" (not a rule id${didYouMean(id, ruleIds) || `; the rules are ${ruleIds.join(', ')}`})`,
          });
        else if (typeof severity !== 'string' || !(severities as string[]).includes(severity))
          problems.push({
            path: ['rules', id],
            message: `ignoring "rules.${id}": ${JSON.stringify(severity)} is not a severity (${severities.join(', ')}${typeof severity === 'string' ? didYouMean(severity, severities) : ''}); the rule keeps its severity ("${defaultSeverities[id as RuleId]}" by default)`,
          });
        else layer.rules[id as RuleId] = severity as Severity;
      }
    }
  }
  if (languages !== undefined) {
    if (!isStringArray(languages))
      problems.push({ path: ['languages'], message: `ignoring "languages": expected an array of language ids, got ${typeName(languages)}` });
    else {
      const supported = languages.filter((id) => knowledge.language(id));
      // A list of nothing but typos must not turn all analysis off: then the whole setting is left out.
      const noneLeft = supported.length === 0 && languages.length > 0;
      languages.forEach((id, index) => {
        if (!knowledge.language(id))
          problems.push({
            path: ['languages', index],
            message:
              `ignoring "${id}" in "languages" (not a supported language id${didYouMean(id, knowledge.languageIds()) || `; supported: ${knowledge.languageIds().join(', ')}`})` +
              (noneLeft ? '; no supported id is left, so "languages" is ignored and every language stays analysed' : ''),
          });
      });
      if (!noneLeft) layer.languages = supported;
    }
  }
  if (dependencyWords !== undefined) {
    if (!isStringArray(dependencyWords))
      problems.push({ path: ['dependencyWords'], message: `ignoring "dependencyWords": expected an array of strings, got ${typeName(dependencyWords)}` });
    else layer.dependencyWords = dependencyWords;
  }
  return { layer, problems };
}

/**
 * `settings` with `layer` on top: rule severities per rule id, `languages` replaced, `dependencyWords` added
 * to (extra words only ever widen the vocabulary, so every source's words count).
 */
export function applySettingsLayer(settings: Settings, layer: SettingsLayer): Settings {
  return {
    rules: layer.rules ? { ...settings.rules, ...layer.rules } : settings.rules,
    languages: layer.languages ? [...layer.languages] : settings.languages,
    dependencyWords: layer.dependencyWords?.length
      ? [...new Set([...settings.dependencyWords, ...layer.dependencyWords])]
      : settings.dependencyWords,
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

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
  /** The options of the rules that take any, as ESLint's `"rule": ["severity", { options }]`. */
  ruleOptions: RuleOptions;
  languages: string[];
  dependencyWords: string[];
  /** Specs pinned to the handlers they describe (a config file's `specs`), outermost config first. */
  specs: SpecPin[];
}

/** Which codes a `default` response key declares: every code, the 4xx and 5xx ones, or none. */
export const DEFAULT_COVERS = ['all', 'errors', 'none'] as const;
export type DefaultCovers = (typeof DEFAULT_COVERS)[number];

export interface RuleOptions {
  'status-not-in-spec': { defaultCovers: DefaultCovers };
  'spec-status-never-returned': { exempt: number[] };
}

/** One entry of a config file's `specs`: its patterns are .gitignore-style, relative to `base`. */
export interface SpecPin {
  /** The config file's folder (a path; a uri in the web). */
  base: string;
  /** Where the spec is (usually one path). */
  spec: string[];
  /** The handler files it describes. */
  handlers: string[];
}

export interface ResolvedSettings {
  settings: Settings;
  /** One line per problem found, empty when the input was valid. */
  problems: string[];
}

/** What one source sets; a key left out leaves the value below it alone. */
export interface SettingsLayer {
  rules?: Partial<Record<RuleId, Severity>>;
  ruleOptions?: { [K in keyof RuleOptions]?: Partial<RuleOptions[K]> };
  languages?: string[];
  dependencyWords?: string[];
  /** Read from a config file only (its patterns are relative to the file's folder). */
  specs?: SpecPin[];
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
  return {
    rules: { ...defaultSeverities },
    ruleOptions: defaultRuleOptions(),
    languages: knowledge.languageIds(),
    dependencyWords: [],
    specs: [],
  };
}

export function defaultRuleOptions(): RuleOptions {
  return {
    'status-not-in-spec': { defaultCovers: 'all' },
    // Codes frameworks and middleware answer with on their own (data/routes.json).
    'spec-status-never-returned': { exempt: [...knowledge.frameworkCodes].sort((a, b) => a - b) },
  };
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
      for (const [id, value] of Object.entries(rules)) {
        if (!(ruleIds as string[]).includes(id)) {
          problems.push({
            path: ['rules', id],
            key: true,
            message: `ignoring "${id}" in "rules" (not a rule id${didYouMean(id, ruleIds) || `; the rules are ${ruleIds.join(', ')}`})`,
          });
          continue;
        }
        // ESLint's form: a severity, or [severity, options].
        const [severity, options] = Array.isArray(value) ? value : [value];
        const at = Array.isArray(value) ? ['rules', id, 0] : ['rules', id];
        if (Array.isArray(value) && (value.length < 1 || value.length > 2))
          problems.push({
            path: ['rules', id],
            message: `ignoring "rules.${id}": expected a severity or [severity, options], got an array of ${value.length}; the rule keeps its severity ("${defaultSeverities[id as RuleId]}" by default)`,
          });
        else if (typeof severity !== 'string' || !(severities as string[]).includes(severity))
          problems.push({
            path: at,
            message: `ignoring "rules.${id}": ${JSON.stringify(severity)} is not a severity (${severities.join(', ')}${typeof severity === 'string' ? didYouMean(severity, severities) : ''}); the rule keeps its severity ("${defaultSeverities[id as RuleId]}" by default)`,
          });
        else layer.rules[id as RuleId] = severity as Severity;
        if (Array.isArray(value) && value.length === 2) readRuleOptions(id as RuleId, options, layer, problems);
      }
    }
  }
  if (languages !== undefined) {
    if (!isStringArray(languages))
      problems.push({
        path: ['languages'],
        message: `ignoring "languages": expected an array of language ids, got ${typeName(languages)}`,
      });
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
      problems.push({
        path: ['dependencyWords'],
        message: `ignoring "dependencyWords": expected an array of strings, got ${typeName(dependencyWords)}`,
      });
    else layer.dependencyWords = dependencyWords;
  }
  return { layer, problems };
}

/** The options of one rule (`rules.<id>[1]`): each valid one is kept, each invalid one reported and left out. */
function readRuleOptions(id: RuleId, options: unknown, layer: SettingsLayer, problems: SettingsProblem[]): void {
  const path = ['rules', id, 1];
  const known = id in defaultRuleOptions() ? Object.keys(defaultRuleOptions()[id as keyof RuleOptions]) : [];
  if (known.length === 0) {
    problems.push({ path, message: `ignoring the options of "rules.${id}": the rule takes no options` });
    return;
  }
  if (!isObject(options)) {
    problems.push({ path, message: `ignoring the options of "rules.${id}": expected an object, got ${typeName(options)}` });
    return;
  }
  for (const [key, value] of Object.entries(options)) {
    const where = [...path, key];
    if (!known.includes(key)) {
      problems.push({
        path: where,
        key: true,
        message: `ignoring "${key}" in the options of "rules.${id}" (not an option of the rule${didYouMean(key, known) || `; its options are ${known.join(', ')}`})`,
      });
    } else if (key === 'defaultCovers') {
      if (typeof value === 'string' && (DEFAULT_COVERS as readonly string[]).includes(value))
        layer.ruleOptions = { ...layer.ruleOptions, 'status-not-in-spec': { defaultCovers: value as DefaultCovers } };
      else
        problems.push({
          path: where,
          message: `ignoring "defaultCovers" of "rules.${id}": ${JSON.stringify(value)} is not one of ${DEFAULT_COVERS.join(', ')}${typeof value === 'string' ? didYouMean(value, DEFAULT_COVERS) : ''}; a \`default\` response keeps covering every code`,
        });
    } else if (key === 'exempt') {
      if (!Array.isArray(value)) {
        problems.push({
          path: where,
          message: `ignoring "exempt" of "rules.${id}": expected an array of status codes, got ${typeName(value)}`,
        });
        continue;
      }
      const codes: number[] = [];
      value.forEach((code, index) => {
        if (Number.isInteger(code) && code >= 100 && code <= 599) codes.push(code);
        else
          problems.push({
            path: [...where, index],
            message: `ignoring ${JSON.stringify(code)} in "exempt" of "rules.${id}": expected a status code (a number from 100 to 599)`,
          });
      });
      layer.ruleOptions = { ...layer.ruleOptions, 'spec-status-never-returned': { exempt: [...new Set(codes)] } };
    }
  }
}

/**
 * `settings` with `layer` on top: rule severities and options per rule id, `languages` replaced,
 * `dependencyWords` added to (extra words only ever widen the vocabulary, so every source's words count),
 * `specs` added to (each config file pins the specs below its folder).
 */
export function applySettingsLayer(settings: Settings, layer: SettingsLayer): Settings {
  const options = layer.ruleOptions;
  return {
    rules: layer.rules ? { ...settings.rules, ...layer.rules } : settings.rules,
    // An option replaces the one below it (an `exempt` list is the whole list, as in ESLint).
    ruleOptions: options
      ? {
          'status-not-in-spec': { ...settings.ruleOptions['status-not-in-spec'], ...options['status-not-in-spec'] },
          'spec-status-never-returned': { ...settings.ruleOptions['spec-status-never-returned'], ...options['spec-status-never-returned'] },
        }
      : settings.ruleOptions,
    specs: layer.specs?.length ? [...settings.specs, ...layer.specs] : settings.specs,
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

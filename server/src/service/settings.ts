/**
 * Settings, from VS Code (`httpStatusLens.*`) or `.http-status-lens.json`: the same shape. Anything invalid
 * is reported and replaced by its default; settings never stop the service.
 */
import * as knowledge from '../knowledge';
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

export function defaultSettings(): Settings {
  return { rules: { ...defaultSeverities }, languages: knowledge.languageIds(), dependencyWords: [] };
}

/** Reads raw settings of unknown shape; `where` names their source in messages. */
export function resolveSettings(raw: unknown, where = 'settings'): ResolvedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) return { settings, problems: [`${where}: expected an object, got ${typeName(raw)}; using the defaults`] };

  const { rules, languages, dependencyWords } = raw;
  if (rules !== undefined) {
    if (!isObject(rules)) problems.push(`${where}: "rules" must be an object of rule id -> severity; using the defaults`);
    else {
      for (const [id, severity] of Object.entries(rules)) {
        if (!(ruleIds as string[]).includes(id)) problems.push(`${where}: unknown rule "${id}" in "rules" (known: ${ruleIds.join(', ')})`);
        else if (typeof severity !== 'string' || !(severities as string[]).includes(severity))
          problems.push(`${where}: "rules.${id}" must be one of ${severities.join(', ')}; keeping "${defaultSeverities[id as RuleId]}"`);
        else settings.rules[id as RuleId] = severity as Severity;
      }
    }
  }
  if (languages !== undefined) {
    if (!isStringArray(languages)) problems.push(`${where}: "languages" must be an array of language ids; using the defaults`);
    else {
      const unknown = languages.filter((id) => !knowledge.language(id));
      if (unknown.length > 0) problems.push(`${where}: unsupported language ids in "languages": ${unknown.join(', ')}`);
      settings.languages = languages.filter((id) => knowledge.language(id));
    }
  }
  if (dependencyWords !== undefined) {
    if (!isStringArray(dependencyWords)) problems.push(`${where}: "dependencyWords" must be an array of strings; ignoring it`);
    else settings.dependencyWords = dependencyWords;
  }
  return { settings, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'an array' : typeof value;
}

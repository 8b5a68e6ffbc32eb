/**
 * One `.http-status-lens.json`: parsed (comments and trailing commas tolerated, like tsconfig.json) and
 * validated. Every problem carries the offset of the offending text so the editor can underline it; an
 * invalid value is left out (its default applies), a file that is not JSON counts as empty.
 */
import { type Node, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { SETTINGS_KEYS, type SettingsLayer, type SpecPin, didYouMean, isObject, readSettingsLayer, typeName } from '../service';

export const CONFIG_FILE_NAME = '.http-status-lens.json';

/** Keys of the file beyond the settings shared with VS Code. */
const FILE_KEYS = ['$schema', 'root', 'ignore', 'specs'] as const;
export const CONFIG_KEYS: readonly string[] = [...FILE_KEYS, ...SETTINGS_KEYS];

export interface ConfigProblem {
  message: string;
  /** Where in the file (UTF-16 offsets), for a diagnostic; 0/0 when the file could not be read. */
  offset: number;
  length: number;
  /** Syntax and read errors make the whole file count as empty; other problems drop one value. */
  fatal: boolean;
}

export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Its text as read ('' when unreadable), for turning problem offsets into positions. */
  text: string;
  /** Its directory: `ignore` patterns are relative to it. */
  directory: string;
  settings: SettingsLayer;
  /** .gitignore-style patterns, relative to `directory`. */
  ignore: string[];
  /** Stop looking for config files in parent directories. */
  root: boolean;
  problems: ConfigProblem[];
}

/** `file` is the file's path (or uri, in the web); `directory` its folder, which `ignore` patterns are relative to. */
export function parseConfig(text: string, file: string, directory = parentOf(file)): ConfigFile {
  const config = emptyConfig(file, text, directory);
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  let raw: unknown;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
    raw = tree && getNodeValue(tree);
  } catch (error) {
    // jsonc-parser recurses: a hostile file nested ~10^4 deep overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    config.problems.push({ message: 'nested too deeply to read; the file is ignored', offset: 0, length: 0, fatal: true });
    return config;
  }
  if (errors.length > 0 || !tree) {
    for (const error of errors) {
      config.problems.push({
        message: `not valid JSON (${printParseErrorCode(error.error)}); the file is ignored`,
        offset: error.offset,
        length: error.length,
        fatal: true,
      });
    }
    if (errors.length === 0) config.problems.push({ message: 'the file is empty; expected an object', offset: 0, length: 0, fatal: true });
    return config;
  }
  if (!isObject(raw)) {
    config.problems.push({
      message: `expected an object, got ${typeName(raw)}; the file is ignored`,
      offset: tree.offset,
      length: tree.length,
      fatal: true,
    });
    return config;
  }
  const at = (where: (string | number)[], key = false) => locate(tree, where, key);

  for (const key of Object.keys(raw)) {
    if (!CONFIG_KEYS.includes(key))
      config.problems.push({
        message: `ignoring unknown setting "${key}" (${didYouMean(key, CONFIG_KEYS).slice(2) || `known: ${CONFIG_KEYS.join(', ')}`})`,
        ...at([key], true),
        fatal: false,
      });
  }
  const { layer, problems } = readSettingsLayer(raw);
  config.settings = layer;
  for (const problem of problems)
    config.problems.push({
      message: problem.message,
      ...at(problem.path, problem.key === true),
      fatal: false,
    });

  if (raw.root !== undefined) {
    if (typeof raw.root === 'boolean') config.root = raw.root;
    else
      config.problems.push({
        message: `ignoring "root": expected true or false, got ${typeName(raw.root)}`,
        ...at(['root']),
        fatal: false,
      });
  }
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore))
      config.problems.push({
        message: `ignoring "ignore": expected an array of .gitignore-style patterns, got ${typeName(raw.ignore)}`,
        ...at(['ignore']),
        fatal: false,
      });
    else {
      raw.ignore.forEach((pattern, index) => {
        if (typeof pattern === 'string' && pattern.trim() !== '') config.ignore.push(pattern);
        else
          config.problems.push({
            message: 'ignoring this "ignore" entry: expected a non-empty string (a .gitignore-style pattern)',
            ...at(['ignore', index]),
            fatal: false,
          });
      });
    }
  }
  if (raw.specs !== undefined) {
    const specs = readSpecs(raw.specs, directory, (message, where, key = false) =>
      config.problems.push({ message, ...at(['specs', ...where], key), fatal: false }),
    );
    if (specs.length > 0) config.settings = { ...config.settings, specs };
  }
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string')
    config.problems.push({ message: 'ignoring "$schema": expected a string', ...at(['$schema']), fatal: false });
  return config;
}

const SPEC_KEYS = ['spec', 'handlers'];

/**
 * `specs`: each entry pins a spec to the handler files it describes, as .gitignore-style patterns relative to
 * the file's folder. An entry without a usable `spec` or any usable `handlers` pattern is left out whole (a
 * half-read pin would join handlers to the wrong spec); an unknown key is left out alone.
 */
function readSpecs(raw: unknown, base: string, problem: (message: string, where: (string | number)[], key?: boolean) => void): SpecPin[] {
  const shape = '{ "spec": "path/to/openapi.yaml", "handlers": ["src/**"] }';
  if (!Array.isArray(raw)) {
    problem(`ignoring "specs": expected an array of ${shape}, got ${typeName(raw)}`, []);
    return [];
  }
  const pins: SpecPin[] = [];
  raw.forEach((entry, index) => {
    if (!isObject(entry)) return problem(`ignoring this "specs" entry: expected ${shape}, got ${typeName(entry)}`, [index]);
    for (const key of Object.keys(entry))
      if (!SPEC_KEYS.includes(key))
        problem(
          `ignoring "${key}" in a "specs" entry (${didYouMean(key, SPEC_KEYS).slice(2) || 'an entry has "spec" and "handlers"'})`,
          [index, key],
          true,
        );
    const { spec, handlers } = entry;
    if (typeof spec !== 'string' || spec.trim() === '')
      return problem(
        `ignoring this "specs" entry: "spec" must be the spec's path relative to this file (a non-empty string), got ${spec === undefined ? 'nothing' : typeName(spec)}; its handlers join with any spec`,
        spec === undefined ? [index] : [index, 'spec'],
      );
    if (!Array.isArray(handlers) || handlers.length === 0)
      return problem(
        `ignoring this "specs" entry: "handlers" must be a non-empty array of .gitignore-style patterns (for example ["services/orders/**"]), got ${handlers === undefined ? 'nothing' : typeName(handlers)}; ${spec} joins with any handler`,
        handlers === undefined ? [index] : [index, 'handlers'],
      );
    const patterns = handlers.filter((pattern, at) => {
      const ok = typeof pattern === 'string' && pattern.trim() !== '';
      if (!ok)
        problem('ignoring this "handlers" pattern: expected a non-empty string (a .gitignore-style pattern)', [index, 'handlers', at]);
      return ok;
    }) as string[];
    if (patterns.length > 0) pins.push({ base, spec: [spec], handlers: patterns });
  });
  return pins;
}

export function emptyConfig(file: string, text: string, directory = parentOf(file)): ConfigFile {
  return { path: file, text, directory, settings: {}, ignore: [], root: false, problems: [] };
}

/** The folder of a path or uri, either separator (this module also runs in the web, without node:path). */
function parentOf(file: string): string {
  const end = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return end <= 0 ? file.slice(0, end + 1) : file.slice(0, end);
}

/** 0-based line and UTF-16 column of `offset` in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: Math.max(0, offset - lineStart) };
}

/** The text range of the value at `where` (or of its key), falling back to the nearest enclosing node. */
function locate(tree: Node, where: (string | number)[], key: boolean): { offset: number; length: number } {
  for (let depth = where.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, where.slice(0, depth));
    if (!node) continue;
    const target = key && depth === where.length && node.parent?.type === 'property' ? node.parent.children![0] : node;
    return { offset: target.offset, length: target.length };
  }
  return { offset: tree.offset, length: 0 };
}

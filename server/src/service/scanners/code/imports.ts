/**
 * What a source file imports, by local name, for spellings that count only where the framework's name is
 * imported (data/spellings.json `imports`): `from werkzeug.exceptions import NotFound`, `import { ConflictException }
 * from '@nestjs/common'`, `use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;`. Read from the text
 * once per file, and only when the file names one of the modules; every quantifier is bounded, so the
 * expressions stay linear on any input.
 */

/** A local name and what it is bound to. */
export interface Binding {
  /** The module the name comes from (`werkzeug.exceptions`, `@nestjs/common`, `Symfony\Component\...\Exception`). */
  module: string;
  /** The imported member (`from M import X`), or undefined when the name is the module itself (`import M as m`). */
  name?: string;
  /** Where an import of another member from the same module can be written: `before + member + after` at `offset`. */
  insert?: { offset: number; before: string; after: string };
}

export interface Imports {
  /** Local name -> binding. */
  bindings: Map<string, Binding>;
  /** The import statements, in order: names inside them are not uses. */
  statements: { start: number; end: number }[];
  /** PHP: the file's namespace, against which a name that is not fully qualified resolves. */
  namespace?: string;
}

const pythonFrom = /^[ \t]*from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#;]{1,2000})/gm;
const pythonImport = /^[ \t]*import[ \t]+([\w. \t,]{1,2000})/gm;
const jsNamed = /\bimport\s{1,100}(?:type\s{1,100})?\{([^}]{0,4000})\}\s{0,100}from\s{0,100}['"]([^'"\n]{1,200})['"]/g;
const jsNamespace = /\bimport\s{1,100}\*\s{0,100}as\s{1,100}([\w$]{1,100})\s{1,100}from\s{0,100}['"]([^'"\n]{1,200})['"]/g;
const jsRequire = /\b(?:const|let|var)\s{1,100}\{([^}]{0,4000})\}\s{0,100}=\s{0,100}require\(\s{0,100}['"]([^'"\n]{1,200})['"]\s{0,100}\)/g;
const phpUse = /^[ \t]*use[ \t]+\\?([\w\\]{1,300})(?:[ \t]+as[ \t]+(\w{1,100}))?[ \t]*;/gm;
const phpNamespace = /^[ \t]*namespace[ \t]+([\w\\]{1,300})[ \t]*[;{]/m;
const phpGroup = /^[ \t]*use[ \t]+\\?([\w\\]{1,300})\\\{([^}]{0,4000})\}[ \t]*;/gm;

/**
 * The file's imports, when its text names one of `modules` at all (its first or last part: `from rest_framework
 * import exceptions`, `from .exceptions import NotFound`); else none, and the common case costs a few indexOfs.
 * `uri` resolves Python's relative imports inside a framework's own package (`from .exceptions import NotFound`
 * in werkzeug/utils.py is werkzeug.exceptions).
 */
export function readImports(text: string, family: string, modules: readonly string[], uri = ''): Imports {
  const imports: Imports = { bindings: new Map(), statements: [] };
  const parts = modules.map((m) => m.split(/[./\\]/));
  if (!parts.some((p) => text.includes(p[0]) || text.includes(p[p.length - 1]))) return imports;
  if (family === 'python') python(text, imports, modules, uri);
  else if (family === 'javascript') javascript(text, imports);
  else if (family === 'php') php(text, imports);
  imports.statements.sort((a, b) => a.start - b.start);
  return imports;
}

/**
 * PHP: the fully qualified name of a class name as written (`DAV\Exception\Forbidden` after `use Sabre\DAV;`,
 * `Exception\Forbidden` in `namespace Sabre\DAV;`, `\Sabre\DAV\Exception\Forbidden`), by PHP's rules: a leading
 * `\` is absolute, a first part imported with `use` is replaced by what it imports, else the namespace comes first.
 */
export function resolvePhpName(imports: Imports, written: string): string {
  if (written.startsWith('\\')) return written.slice(1);
  const cut = written.indexOf('\\');
  const first = cut < 0 ? written : written.slice(0, cut);
  const binding = imports.bindings.get(first);
  if (binding) return (binding.name === undefined ? binding.module : `${binding.module}\\${binding.name}`) + written.slice(first.length);
  return imports.namespace ? `${imports.namespace}\\${written}` : written;
}

/** Whether an offset lies inside an import statement. */
export function inImportStatement(imports: Imports, offset: number): boolean {
  let low = 0;
  let high = imports.statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = imports.statements[mid];
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return true;
  }
  return false;
}

function python(text: string, imports: Imports, modules: readonly string[], uri: string): void {
  for (const m of text.matchAll(pythonFrom)) {
    const module = m[1].startsWith('.') ? relative(m[1], uri, modules) : m[1];
    const listStart = m.index + m[0].length - m[2].length;
    imports.statements.push({ start: m.index, end: m.index + m[0].length });
    names(m[2], listStart, ' as ', (name, local, end) =>
      imports.bindings.set(local, { module, name, insert: { offset: end, before: ', ', after: '' } }),
    );
  }
  for (const m of text.matchAll(pythonImport)) {
    imports.statements.push({ start: m.index, end: m.index + m[0].length });
    for (const part of m[1].split(',')) {
      const [path, as, alias] = words(part);
      if (!path || (as !== undefined && as !== 'as')) continue;
      // `import a.b` binds `a` (and `a.b.X` is written in full); `import a.b as c` binds `c` to `a.b`.
      if (alias) imports.bindings.set(alias.trim(), { module: path });
      else imports.bindings.set(path.split('.')[0], { module: path.split('.')[0] });
    }
  }
}

/** `.exceptions` in `.../werkzeug/utils.py` is `werkzeug.exceptions` when that is one of the modules; else left as written. */
function relative(module: string, uri: string, modules: readonly string[]): string {
  const dots = module.length - module.replace(/^\.+/, '').length;
  const folders = uri.split(/[?#]/)[0].split('/').slice(0, -1);
  const base = folders.slice(0, folders.length - (dots - 1));
  const resolved = [
    ...base,
    ...module
      .slice(dots)
      .split('.')
      .filter((p) => p !== ''),
  ].join('.');
  return modules.find((m) => resolved === m || resolved.endsWith(`.${m}`)) ?? module;
}

function javascript(text: string, imports: Imports): void {
  for (const [pattern, separator] of [
    [jsNamed, ' as '],
    [jsRequire, ':'],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const module = m[2];
      const listStart = m.index + m[0].indexOf('{') + 1;
      imports.statements.push({ start: m.index, end: m.index + m[0].length });
      names(m[1], listStart, separator, (name, local, end) =>
        imports.bindings.set(local, { module, name, insert: { offset: end, before: ', ', after: '' } }),
      );
    }
  }
  for (const m of text.matchAll(jsNamespace)) {
    imports.statements.push({ start: m.index, end: m.index + m[0].length });
    imports.bindings.set(m[1], { module: m[2] });
  }
}

function php(text: string, imports: Imports): void {
  imports.namespace = phpNamespace.exec(text)?.[1];
  for (const m of text.matchAll(phpUse)) {
    const path = m[1];
    const cut = path.lastIndexOf('\\');
    const end = m.index + m[0].length;
    imports.statements.push({ start: m.index, end });
    const indent = /^[ \t]*/.exec(m[0])![0];
    const module = path.slice(0, Math.max(cut, 0));
    const name = path.slice(cut + 1);
    imports.bindings.set(m[2] ?? name, { module, name, insert: { offset: end, before: `\n${indent}use ${module}\\`, after: ';' } });
  }
  for (const m of text.matchAll(phpGroup)) {
    const module = m[1];
    imports.statements.push({ start: m.index, end: m.index + m[0].length });
    names(m[2], m.index + m[0].indexOf('{') + 1, ' as ', (name, local, end) =>
      imports.bindings.set(local, { module, name, insert: { offset: end, before: ', ', after: '' } }),
    );
  }
}

/**
 * The names of an import list (`A, B as C`, `(A,\n B)`, `{ A, B: C }`), each with its local name and where
 * the list item ends (where `, New` can be written).
 */
/** The words of a text, split at whitespace (without a regex that could backtrack on long runs of blanks). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function names(list: string, listStart: number, aliasSeparator: string, found: (name: string, local: string, end: number) => void): void {
  let offset = 0;
  for (const part of list.split(',')) {
    const at = offset;
    offset += part.length + 1;
    // Comments and brackets become blanks, so offsets in the item stay offsets in the list.
    const item = part.replace(/(#|\/\/)[^\n]*/g, (c) => ' '.repeat(c.length)).replace(/[()]/g, ' ');
    const trimmed = item.trim();
    if (trimmed === '') continue;
    // `A`, `A as B`, `type A` (TypeScript), `A: B` (a destructured require)
    const parts = words(aliasSeparator === ':' ? trimmed.replace(':', ' : ') : trimmed).filter((w) => w !== 'type');
    const name = parts[0];
    const local = parts.length === 3 && parts[1] === aliasSeparator.trim() ? parts[2] : name;
    if (!/^[\w$]+$/.test(name) || !/^[\w$]+$/.test(local)) continue;
    const end = listStart + at + item.trimEnd().length;
    found(name, local, end);
  }
}

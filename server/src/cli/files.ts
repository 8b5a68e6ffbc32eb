/** Finds the files to lint under the given paths. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as knowledge from '../knowledge';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', 'vendor']);

export class PathError extends Error {}

/** Every lintable file under the paths, sorted, each once. Throws PathError for a path that cannot be read. */
export function collectFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      throw new PathError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (stat.isDirectory()) walk(given, files);
    else files.add(given);
  }
  return [...files].sort();
}

function walk(directory: string, files: Set<string>): void {
  const entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(full, files);
    } else if (entry.isFile() && knowledge.languageForFile(entry.name)) {
      files.add(full);
    }
  }
}

/** Reading one `.http-status-lens.json` from disk (the CLI and the desktop server; the web server gets the text from its client). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ConfigFile, emptyConfig, parseConfig } from './file';

/** Reads and validates the config file at `file`; an unreadable file is a problem, never an exception. */
export function loadConfigFile(file: string): ConfigFile {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    const empty = emptyConfig(absolute, '', path.dirname(absolute));
    empty.problems.push({
      message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      offset: 0,
      length: 0,
      fatal: true,
    });
    return empty;
  }
  return parseConfig(text, absolute, path.dirname(absolute));
}

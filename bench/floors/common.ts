/**
 * Shared by the floor programs: each is bundled on its own (bench/setup.ts) so that a floor pays only for
 * the code it measures, and is run as a whole process, like the CLI it is compared with.
 */
import * as fs from 'node:fs';

export function readText(): string {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node floor.js FILE');
  return fs.readFileSync(file, 'utf8');
}

/** Prints a small result so no work can be skipped as unused. */
export function report(value: number): void {
  process.stdout.write(`${value}\n`);
}

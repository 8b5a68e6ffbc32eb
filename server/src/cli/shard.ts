/**
 * `--shard i/n`: the files split into n groups, the same way on every machine and run, so a CI matrix of n jobs
 * lints each file exactly once. A file's group follows from its path relative to the working directory alone
 * (FNV-1a), so adding a file never moves the others to another shard (their --cache entries stay useful).
 */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` as a shard; undefined unless 1 <= i <= n. */
export function readShard(raw: string): Shard | undefined {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(raw);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return hash(relativePath.split('\\').join('/')) % shard.count === shard.index - 1;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * What the desktop extension adds to the language server's environment.
 *
 * glibc gives each thread that allocates while another does an arena of its own, and keeps what is freed
 * there for later instead of giving it back. The server's threads (the scan worker, the index worker, V8's
 * compiler threads) so left 4-17 MB more resident with GitHub's 13 MB spec open and edited, alone or in a
 * workspace of 5,000 files (issue 19: peak 198 -> 189-190 MB, 201 -> 184 MB, alternating sessions). Two
 * arenas serve them as fast. Other C libraries and systems ignore the variable; a value the user set is kept.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}

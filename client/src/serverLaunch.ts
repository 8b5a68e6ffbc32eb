/**
 * How the desktop extension starts the language server: what it adds to its command line and environment.
 * docs/editors.md gives other editors the same command.
 */

/**
 * `--expose-gc`: the server collects its thread's garbage before a large document goes to the scan worker
 * (server/src/large/collect.ts); Node offers that only with this flag. Reading GitHub's 13 MB spec otherwise
 * left 12-25 MB more at the peak (issue 19); the flag costs ~7 ms of start-up (Node's own modules are then
 * compiled without their code cache). The server works the same without it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];

/**
 * glibc gives each thread that allocates while another does an arena of its own, and keeps what is freed
 * there for later instead of giving it back. The server's threads (the scan worker, the index worker, V8's
 * compiler threads) so left 4-17 MB more resident with GitHub's 13 MB spec open and edited, alone or in a
 * workspace of 5,000 files (issue 19: peak 198 -> 189-190 MB, 201 -> 184 MB, alternating sessions). Two
 * arenas serve them as fast. Other C libraries and systems ignore the variable; a value the user set is kept.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}

/**
 * A load-independent measure of work for growth tests: while `run` runs, the string, regex and array search
 * builtins count the elements they look at (an upper bound). A path that searches or slices the whole input
 * once per item shows up as quadratic growth of the count, whatever the machine's load.
 */
/** Runs `run` with the builtins counting; returns its result and the count. */
export function countingBuiltins<T>(run: () => T): { result: T; steps: number } {
  const counted = startCounting();
  try {
    return { result: run(), steps: counted.steps() };
  } finally {
    counted.stop();
  }
}

/** As countingBuiltins, for async work. */
export async function countingBuiltinsAsync<T>(run: () => Promise<T>): Promise<{ result: T; steps: number }> {
  const counted = startCounting();
  try {
    return { result: await run(), steps: counted.steps() };
  } finally {
    counted.stop();
  }
}

function startCounting(): { steps: () => number; stop: () => void } {
  let steps = 0;
  const S = String.prototype;
  const R = RegExp.prototype;
  const A = Array.prototype;
  const saved = { charCodeAt: S.charCodeAt, slice: S.slice, indexOf: S.indexOf, lastIndexOf: S.lastIndexOf, exec: R.exec };
  const arrayIndexOf = A.indexOf;
  A.indexOf = function (this: unknown[], item: unknown, from = 0) {
    const at = arrayIndexOf.call(this, item, from);
    steps += 1 + (at < 0 ? this.length : at) - Math.max(0, from);
    return at;
  };
  S.charCodeAt = function (this: string, i: number) {
    steps++;
    return saved.charCodeAt.call(this, i);
  };
  S.slice = function (this: string, start?: number, end?: number) {
    const out = saved.slice.call(this, start, end);
    steps += 1 + out.length;
    return out;
  };
  S.indexOf = function (this: string, search: string, from = 0) {
    const at = saved.indexOf.call(this, search, from);
    steps += 1 + (at < 0 ? this.length : at) - Math.max(0, from);
    return at;
  };
  S.lastIndexOf = function (this: string, search: string, from = Infinity) {
    const at = saved.lastIndexOf.call(this, search, from);
    steps += 1 + Math.min(this.length, from) - Math.max(0, at);
    return at;
  };
  R.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = saved.exec.call(this, input);
    // A sticky or global search looks from lastIndex on; a plain one may look at all of the input.
    steps += 1 + (this.sticky ? (match?.[0].length ?? 0) : (match ? match.index + match[0].length : input.length) - from);
    return match;
  };
  return {
    steps: () => steps,
    stop: () => {
      Object.assign(S, { charCodeAt: saved.charCodeAt, slice: saved.slice, indexOf: saved.indexOf, lastIndexOf: saved.lastIndexOf });
      R.exec = saved.exec;
      A.indexOf = arrayIndexOf;
    },
  };
}

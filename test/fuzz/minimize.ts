/**
 * Delta debugging (ddmin) on text: the smallest input that still fails the same way, so a report carries a
 * reproduction a person can read. Tries removing chunks of lines, then of characters.
 */

/** `fails(text)` must be deterministic; `budget` bounds the number of attempts. */
export function minimize(text: string, fails: (text: string) => boolean, budget = 4000): string {
  let attempts = 0;
  const tryIt = (candidate: string) => attempts++ < budget && fails(candidate);
  let current = text;
  for (const unit of ['line', 'char'] as const) {
    let parts = unit === 'line' ? current.split(/(?<=\n)/) : [...current];
    let granularity = 2;
    while (parts.length >= 2 && attempts < budget) {
      const chunk = Math.ceil(parts.length / granularity);
      let reduced = false;
      for (let start = 0; start < parts.length; start += chunk) {
        const candidate = [...parts.slice(0, start), ...parts.slice(start + chunk)];
        if (tryIt(candidate.join(''))) {
          parts = candidate;
          granularity = Math.max(granularity - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (granularity >= parts.length) break;
        granularity = Math.min(granularity * 2, parts.length);
      }
    }
    current = parts.join('');
  }
  return current;
}

/** The first line of an error message with the numbers taken out: failures that differ only there are one bug. */
export function signature(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/\d+/g, 'N').slice(0, 200);
}

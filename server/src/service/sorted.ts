/** Binary searches over offsets kept in order (tokens, strings, line starts, chunk starts). */

/** The index of the first item starting at or after `offset`; `items.length` when none does. */
export function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the last value at or before `offset` (a line or chunk start); -1 when none is. */
export function lastAtOrBefore(values: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * A unified diff (as `git diff` prints it: a/ and b/ prefixes, 3 lines of context) of two versions of a
 * file, for --fix-dry-run. Applies with `git apply` or `patch -p1`.
 */

interface Op {
  kind: ' ' | '-' | '+';
  /** The line with its line break, if it has one. */
  line: string;
}

export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk runs from `context` lines before this change to `context` lines after the last change that
    // is no more than 2 * context unchanged lines from the one before it.
    const start = Math.max(0, i - context);
    let lastChange = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') lastChange = j;
      else if (j - lastChange > 2 * context) break;
    }
    const end = Math.min(ops.length, lastChange + context + 1);
    const [oldStart, newStart] = lineNumbersAt(ops, start);
    const hunk = ops.slice(start, end);
    out.push(
      `@@ -${range(oldStart, hunk.filter((op) => op.kind !== '+').length)} +${range(newStart, hunk.filter((op) => op.kind !== '-').length)} @@`,
    );
    for (const op of hunk) {
      const ended = op.line.endsWith('\n');
      out.push(op.kind + (ended ? op.line.slice(0, -1) : op.line));
      if (!ended) out.push('\\ No newline at end of file');
    }
    i = end;
  }
  return out.join('\n') + '\n';
}

function lineNumbersAt(ops: readonly Op[], index: number): [number, number] {
  let oldLine = 1;
  let newLine = 1;
  for (let k = 0; k < index; k++) {
    if (ops[k].kind !== '+') oldLine++;
    if (ops[k].kind !== '-') newLine++;
  }
  return [oldLine, newLine];
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' O(ND) diff on lines, with the common head and tail trimmed first. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (line: string): Op => ({ kind: ' ', line });
  return [
    ...a.slice(0, head).map(same),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map(same),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // The furthest x on each diagonal k (-d..d) after step d; kept per step for the walk back (O(D²) memory).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= n + m; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (v[offset + n - m] >= n && (n - m + d) % 2 === 0 && Math.abs(n - m) <= d) return walkBack(trace, a, b);
  }
  return [];
}

function walkBack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1];
    const at = (k: number) => previous[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) (ops.push({ kind: ' ', line: a[--x] }), y--);
    if (down) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0) ops.push({ kind: ' ', line: a[--x] });
  return ops.reverse();
}

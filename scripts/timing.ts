// Timing for the measure-*.ts scripts: a first run timed apart (what a one-shot CLI sees, before the JIT
// has optimized much), then the median, min and max of `runs` more; and a visitor that only counts events.
import type { OutlineVisitor } from '../server/src/service/outline';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Prints one line for `run` (which returns how many items it saw) and returns the median in ms. */
export function measure(label: string, sizeBytes: number, runs: number, run: () => number): number {
  const first = performance.now();
  run();
  const firstMs = performance.now() - first;
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    count = run();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  const mbPerS = sizeBytes / 1e6 / (ms / 1000);
  console.log(
    `${label.padEnd(30)} ${ms.toFixed(1).padStart(8)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})` +
      `  ${mbPerS.toFixed(0).padStart(4)} MB/s  first run ${firstMs.toFixed(1).padStart(6)} ms  ${count} ${count === 1 ? 'result' : 'items'}`,
  );
  return ms;
}

/** Callbacks for every outline event (jsonc-parser's visit takes the same names) that only count them. */
export function countingVisitor(counter: { n: number }): Record<keyof OutlineVisitor, () => void> {
  const inc = () => {
    counter.n++;
  };
  return {
    onDocumentBegin: inc,
    onObjectBegin: inc,
    onObjectProperty: inc,
    onObjectEnd: inc,
    onArrayBegin: inc,
    onArrayEnd: inc,
    onLiteralValue: inc,
    onAlias: inc,
    onComment: inc,
    onError: inc,
  };
}

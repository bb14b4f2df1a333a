/**
 * One point of the bench's scaling table, in its own process so that its peak RSS is its own:
 * trains src/fast (the fused kernel, cost recorded every epoch) on a bank-shaped synthetic
 * matrix and prints one JSON line. Run by scripts/bench.ts (with --expose-gc, so that each run's
 * WebAssembly copy of X is collected before the next and the peak is that of one training run);
 * arguments: ROWS COLS EPOCHS RUNS.
 */
import { gradientDescent } from "../../src/fast/index.js";
import { median } from "./timing.js";
import { bankShaped } from "./synthetic.js";

const [rows, cols, epochs, runs] = process.argv.slice(2).map(Number);
const { X, y } = bankShaped(rows, cols);
const dataRssMiB = process.memoryUsage().rss / 2 ** 20;
const seconds: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  gradientDescent(X, y, new Float64Array(cols), 0, { alpha: 0.1, epochs, costHistory: [] });
  seconds.push((performance.now() - start) / 1000);
  (globalThis as { gc?: () => void }).gc?.();
}
const best = median(seconds);
process.stdout.write(
  JSON.stringify({
    rows,
    cols,
    epochs,
    seconds,
    median: best,
    nsPerElementEpoch: (best / (epochs * rows * cols)) * 1e9,
    dataRssMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + "\n",
);

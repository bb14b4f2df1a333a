/**
 * `npx tsx scripts/bench-python.ts [module.py]`: calls per second over the pipes to a Python
 * module (src/python), for two calls: `sigmoid(0.5)` (a number each way) and
 * `compute_gradients_vectorized` on 100 × 10 (8 KB of arrays in, 80 bytes out). Prints one line each.
 */
import { resolve } from "node:path";
import type { Matrix } from "../src/contract.js";
import { loadPythonModule } from "../src/python/load.js";

const modulePath = resolve(process.argv[2] ?? "fixtures/python/logreg.py");
const python = loadPythonModule(modulePath);

function rate(label: string, call: () => unknown): void {
  for (let i = 0; i < 100; i++) call(); // warm up
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < 2000) {
    call();
    calls++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${Math.round(calls / seconds)} calls/s (${calls} calls in ${seconds.toFixed(2)} s)`,
  );
}

const X: Matrix = {
  rows: 100,
  cols: 10,
  data: Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i)),
};
const y = Float64Array.from({ length: 100 }, (_, i) => i % 2);
const w = new Float64Array(10).fill(0.1);
rate("sigmoid(0.5)", () => python.sigmoid(0.5));
rate("compute_gradients_vectorized(X 100 × 10, y, w, b)", () =>
  python.computeGradientsVectorized(X, y, w, 0),
);
process.exit(0);

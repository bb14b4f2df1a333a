import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Matrix } from "../../src/contract.js";

const script = resolve(dirname(fileURLToPath(import.meta.url)), "numpy_baseline.py");

export interface NumpyRun {
  seconds: number[];
  cpuSeconds: number[];
  finalCost: number;
  numpy: string;
}

/** True when `python` runs and imports numpy. */
export function hasNumpy(python: string): boolean {
  const probe = spawnSync(python, ["-c", "import numpy"], { stdio: "ignore" });
  return probe.status === 0;
}

/**
 * Writes X and y as raw little-endian float64 to a temporary directory, for numpy_baseline.py to
 * time the very same matrix; returns the paths and a function that removes the directory.
 */
export function writeMatrix(X: Matrix, y: Float64Array) {
  const dir = mkdtempSync(join(tmpdir(), "logreg-bench-"));
  const files = { x: join(dir, "X.f64"), y: join(dir, "y.f64") };
  writeFileSync(files.x, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(files.y, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
  return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the article's numpy gradient descent `runs` times on the written matrix. */
export function runNumpy(
  python: string,
  files: { x: string; y: string },
  shape: { rows: number; cols: number },
  training: { epochs: number; alpha: number },
  runs: number,
): NumpyRun {
  const args = [files.x, files.y, shape.rows, shape.cols, training.epochs, training.alpha, runs];
  const result = spawnSync(python, [script, ...args.map(String)], { encoding: "utf8" });
  if (result.status !== 0) {
    const why = result.error?.message ?? result.stderr.trim().split("\n").at(-1);
    throw new Error(`the numpy baseline failed (${python} ${script}): ${why}`);
  }
  return JSON.parse(result.stdout) as NumpyRun;
}

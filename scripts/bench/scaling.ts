import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const child = resolve(dirname(fileURLToPath(import.meta.url)), "scaling-child.ts");

export interface ScalingPoint {
  rows: number;
  cols: number;
  epochs: number;
  seconds: number[];
  median: number;
  nsPerElementEpoch: number;
  dataRssMiB: number;
  peakRssMiB: number;
}

/** Bank-shaped sizes: rows 1e3 … 1e6 at 45 columns, and columns 5 … 180 at 11,162 rows. */
export const ROW_COUNTS = [1_000, 10_000, 100_000, 1_000_000];
export const COLUMN_COUNTS = [5, 15, 45, 90, 180];

/** Enough epochs for each run to take a measurable time: about 1e9 matrix elements, 10…1000. */
function epochsFor(rows: number, cols: number): number {
  return Math.max(10, Math.min(1000, Math.round(1e9 / (rows * cols))));
}

/** Runs one scaling point in a fresh Node process (scaling-child.ts) and returns its figures. */
export function measure(rows: number, cols: number, runs: number): ScalingPoint {
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    child,
    ...[rows, cols, epochsFor(rows, cols), runs].map(String),
  ];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) {
    const why = result.error?.message ?? result.stderr.trim().split("\n").at(-1);
    throw new Error(`scaling point ${rows} × ${cols} failed: ${why}`);
  }
  return JSON.parse(result.stdout) as ScalingPoint;
}

/**
 * npm run bench:learn — how long a learner waits for `npm run learn` after a save.
 *
 * In a scratch copy of the project (node_modules linked, src/impl = the reference's step 1,
 * stubs for the rest, as a learner has it after finishing step 1), starts `npm run learn` in
 * watch mode, then saves src/impl/2-cost.ts five times, alternating a version with a bug and
 * the stub, and times each save until the report's "steps done" line. Prints each time and the
 * median; checks that each report shows what was saved (so invalidation really happened).
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const saves = 5;

const buggyCost = `import type { Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { predict, sigmoid } from "./1-model.js";

export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    const s = sigmoid(predict(rowView(X, i), w, b));
    sum += -(y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s));
  }
  return sum / X.rows;
}

export function computeCostVectorized(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  return computeCost(X, y, w, b);
}
`;

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "logreg-bench-learn-"));
  for (const entry of ["src", "properties", "scripts", "vitest.config.ts", "package.json"]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  cpSync(join(root, "tsconfig.json"), join(dir, "tsconfig.json"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  // A learner who has finished step 1: the reference's step 1, stubs for the rest.
  cpSync(join(root, "src", "impl-stubs"), join(dir, "src", "impl"), { recursive: true });
  cpSync(join(root, "src", "impl", "1-model.ts"), join(dir, "src", "impl", "1-model.ts"));
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<number> {
  const dir = scratchCopy();
  const child = spawn(join(dir, "node_modules", ".bin", "tsx"), ["scripts/learn.ts"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let waiting: ((text: string) => void) | undefined;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    const end = output.indexOf("watching src/impl");
    if (end >= 0 && waiting) {
      const report = output.slice(0, end);
      output = output.slice(output.indexOf("\n", end) + 1);
      waiting(report);
    } else if (end >= 0) output = output.slice(output.indexOf("\n", end) + 1);
  });
  const nextReport = () => new Promise<string>((done) => (waiting = done));
  try {
    const started = performance.now();
    const first = await nextReport();
    console.log(
      `start-up and first report: ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    if (!first.includes("steps done: 1 of")) throw new Error(`unexpected report:\n${first}`);
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const buggy = i % 2 === 0;
      await new Promise((r) => setTimeout(r, 300));
      const saved = performance.now();
      const report = nextReport();
      const stub = join(root, "src", "impl-stubs", "2-cost.ts");
      if (buggy) writeFileSync(join(dir, "src", "impl", "2-cost.ts"), buggyCost);
      else cpSync(stub, join(dir, "src", "impl", "2-cost.ts"));
      const text = await report;
      const seconds = (performance.now() - saved) / 1000;
      times.push(seconds);
      const shows = buggy
        ? /blames\s+computeCost/.test(text)
        : /not implemented yet: computeCost/.test(text);
      console.log(
        `save ${i + 1} (${buggy ? "a bug in computeCost" : "the stub"}): ${seconds.toFixed(2)} s` +
          (shows ? "" : "  — the report does not show what was saved!"),
      );
      if (!shows) {
        console.log(text);
        return 1;
      }
    }
    console.log(`median of ${saves} saves: ${median(times).toFixed(2)} s`);
    return 0;
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();

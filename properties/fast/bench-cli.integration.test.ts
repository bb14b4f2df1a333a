import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

/**
 * One bench run: tsx's start-up, the fixture's load and a few epochs of each variant, about 2 s
 * at load 7 on 2 cores; 60 s is 30 times that, and a run stopped there fails with its stderr.
 */
const BENCH_TIMEOUT_MS = 60_000;

/** Each test starts one bench run; spawnSync holds the test until it ends or is stopped. */
const TEST_TIMEOUT_MS = BENCH_TIMEOUT_MS + 10_000;

/** `npm run bench` as a user runs it (tsx), on the bundled fixture with tiny settings. */
function bench(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", ...args], {
    encoding: "utf8",
    timeout: BENCH_TIMEOUT_MS,
  });
}

interface BenchJson {
  data: { path: string; rows: number; cols: number; sha256: string };
  failed: Record<string, string>;
  variants: { name: string; seconds: number[]; median: number; finalCost: number }[];
  kernelOverNumpy?: number;
  scaling?: unknown;
}

test(
  "npm run bench -- --json times every variant on the same data, and every variant reaches the same final cost",
  () => {
    const run = bench(
      "--data",
      "fixtures/bank.csv",
      "--epochs",
      "3",
      "--runs",
      "2",
      "--no-scaling",
      "--json",
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as BenchJson;
    expect(result.data.path).toBe("fixtures/bank.csv");
    expect(result.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    // a stubbed src/impl (npm run exercise) is reported under `failed`, not timed
    const names = [...result.variants.map((v) => v.name), ...Object.keys(result.failed)];
    expect(names.sort()).toEqual([
      "fast",
      "impl loop",
      "impl vectorized",
      "reference loop",
      "reference vectorized",
    ]);
    expect(Object.keys(result.failed).filter((name) => !name.startsWith("impl"))).toEqual([]);
    // The reference's and the fast variants must agree (loop and vectorized sums round
    // differently, the kernel's loss by a few ulps: 1e-12 relative after 3 epochs); src/impl is
    // the learner's and is only required to be present.
    const spec = result.variants.find((v) => v.name === "reference vectorized")?.finalCost ?? NaN;
    for (const variant of result.variants) {
      expect(variant.seconds).toHaveLength(2);
      if (variant.name.startsWith("impl")) continue;
      expect(Math.abs(variant.finalCost - spec) / spec, variant.name).toBeLessThan(1e-12);
    }
    expect(result.kernelOverNumpy).toBeUndefined();
    expect(result.scaling).toBeUndefined();
  },
  TEST_TIMEOUT_MS,
);

test(
  "npm run bench -- --impl fast --impl reference times only those implementations' variants",
  () => {
    const run = bench(
      ...["--data", "fixtures/bank.csv", "--epochs", "2", "--runs", "1", "--no-scaling", "--json"],
      ...["--impl", "fast", "--impl", "reference"],
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as BenchJson;
    const names = [...result.variants.map((v) => v.name), ...Object.keys(result.failed)];
    expect(names.sort()).toEqual(["fast", "reference loop", "reference vectorized"]);
  },
  TEST_TIMEOUT_MS,
);

test(
  "npm run bench -- --impl with an unknown implementation exits 2 naming the choices",
  () => {
    const run = bench("--impl", "numpy", "--no-scaling");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--impl must be one of impl, reference, fast, got "numpy"');
    expect(run.stderr).toContain("usage: npm run bench");
  },
  TEST_TIMEOUT_MS,
);

test(
  "npm run bench with a bad option exits 2 with the reason and the usage, and no stack trace",
  () => {
    const run = bench("--runs", "zero");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--runs must be a positive integer, got "zero"');
    expect(run.stderr).toContain("usage: npm run bench");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  },
  TEST_TIMEOUT_MS,
);

test(
  "npm run bench on a missing data file exits 3 naming the file, with no stack trace",
  () => {
    const run = bench("--data", "no/such/bank.csv", "--no-scaling");
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("no/such/bank.csv");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  },
  TEST_TIMEOUT_MS,
);

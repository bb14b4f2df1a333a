import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { watchModule } from "../../src/watchdog/watchdog.js";
import { learnerModule, root } from "./learner-modules.js";

/**
 * Learner code that never returns, in the three places learner code runs: a LOGREG_IMPL test
 * run, `npm run learn` and `train --impl impl`. Each run must end by itself, naming the function
 * and its step, and go on to report; the learner's console output before the loop is shown.
 *
 * Every run waits out the watchdog's 10 s once; the limits below allow for vitest's or tsx's
 * start-up on a loaded 2-core machine.
 */
const RUN_MS = 150_000;

/** A sigmoid that prints, then loops for ever. */
const loopingSigmoid = `export function sigmoid(z: number): number {
  console.log("debug: sigmoid got", z);
  for (;;) {}
}`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
    timeout: RUN_MS - 10_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const vitestArgs = [
  "vitest",
  "run",
  "--project",
  "LOGREG_IMPL",
  "properties/model/1-model.test.ts",
];

describe("watchModule, with a 3 s limit", () => {
  test(
    "a looping call fails after the limit and later calls of it fail at once; the module's other functions still run; a call that records a cost per epoch may run past the limit",
    () => {
      const learner = watchModule(
        learnerModule(`${loopingSigmoid}
export function slowDescent(_X: unknown, _y: unknown, _w: unknown, _b: number, options: { epochs: number; costHistory: number[] }) {
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const until = Date.now() + 400;
    while (Date.now() < until) {}
    options.costHistory.push(epoch);
  }
  return { w: new Float64Array(0), b: 0 };
}`),
        { seconds: 3, onOutput: () => {} },
      );
      const verdict = "sigmoid did not return within 3 s (an infinite loop?) — article step 1";
      let started = performance.now();
      expect(() => learner.sigmoid(1)).toThrow(verdict);
      expect(performance.now() - started).toBeGreaterThanOrEqual(3000);
      started = performance.now();
      expect(() => learner.sigmoid(2)).toThrow(`${verdict} (at an earlier call`);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(learner.predict(new Float64Array([2]), new Float64Array([3]), 1)).toBe(7);
      // 12 epochs of 0.4 s: 4.8 s in all, never 3 s without a recorded cost.
      const costHistory: number[] = [];
      learner.slowDescent(null, null, null, 0, { epochs: 12, costHistory });
      expect(costHistory).toEqual([...Array(12).keys()]);
    },
    RUN_MS,
  );
});

describe("LOGREG_IMPL test runs", () => {
  test(
    "an infinite loop in sigmoid fails its tests with the function, the time and the step, the other tests run, and its output is shown",
    () => {
      const { status, output } = run("npx", vitestArgs, root, {
        LOGREG_IMPL: learnerModule(loopingSigmoid), // the watchdog is the default here
      });
      expect(status).toBe(1);
      expect(output).toContain(
        "sigmoid did not return within 10 s (an infinite loop?) — article step 1",
      );
      expect(output).toContain("(at an earlier call: it is not called again in this run)");
      expect(output).toContain("debug: sigmoid got");
      expect(output).toMatch(/Tests +\d+ failed \| \d+ passed/);
    },
    RUN_MS,
  );

  test(
    "an infinite loop at import fails the file, naming the module",
    () => {
      const module = learnerModule("for (;;) {}");
      const { status, output } = run("npx", vitestArgs, root, {
        LOGREG_IMPL: module,
      });
      expect(status).toBe(1);
      expect(output).toContain(
        `${module} did not finish loading within 10 s (an infinite loop at import?)`,
      );
    },
    RUN_MS,
  );
});

describe("a copy of the kit whose src/impl loops in sigmoid", () => {
  let kit: string;

  beforeAll(() => {
    kit = mkdtempSync(join(tmpdir(), "watchdog-kit-"));
    for (const entry of [
      "src",
      "properties",
      "scripts",
      "fixtures",
      "package.json",
      "tsconfig.json",
      "vitest.config.ts",
    ]) {
      cpSync(join(root, entry), join(kit, entry), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(kit, "node_modules"));
    const model = join(kit, "src/impl/1-model.ts");
    const source = readFileSync(model, "utf8");
    writeFileSync(
      model,
      source.replace(/export function sigmoid[\s\S]*?\n}\n/, `${loopingSigmoid}\n`),
    );
  });

  test(
    "npm run learn -- --run reports step 1 with the loop, and exits 1",
    () => {
      const { status, output } = run("npx", ["tsx", "scripts/learn.ts", "--run"], kit);
      expect(status).toBe(1);
      expect(output).toContain(
        "sigmoid did not return within 10 s (an infinite loop?) — article step 1",
      );
      expect(output).toContain("steps done: 0 of");
    },
    RUN_MS,
  );

  test(
    "train --impl impl stops with the loop's message and exit 4, writing nothing",
    () => {
      const out = join(mkdtempSync(join(tmpdir(), "watchdog-out-")), "report");
      const { status, output } = run(
        "npx",
        ["tsx", "scripts/train.ts", "--impl", "impl", "--out", out],
        kit,
      );
      expect(status).toBe(4);
      expect(output).toMatch(
        /error: \w+ did not return within 10 s \(an infinite loop\?\) — article step \d/,
      );
      expect(output).toContain("debug: sigmoid got");
    },
    RUN_MS,
  );
});

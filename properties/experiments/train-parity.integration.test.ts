import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const directory = mkdtempSync(join(tmpdir(), "logreg-experiment-parity-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Two full runs on the 11,162-row fixture under a loaded 2-core machine: generous. */
const TIMEOUT_MS = 240_000;

function tsx(script: string, argv: string[]) {
  const result = spawnSync("npx", ["tsx", script, ...argv], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;

interface TrainReport {
  training: { costHistory: number[] };
  model: { bias: number; weights: Record<string, number> };
}
interface ExperimentReport {
  runs: { alpha: number; costHistory: number[]; bias: number; weights: number[] }[];
}

describe("npm run experiment against npm run train, on the fixture", () => {
  test(
    "the α = 0.1 run of learning-rate and the standardized run of scaling are train's run: final w, b and every cost, bit for bit",
    () => {
      const trainOut = join(directory, "train");
      const train = tsx("scripts/train.ts", ["--out", trainOut, "--quiet"]);
      expect(train.stderr).toBe("");
      expect(train.code).toBe(0);
      const out = join(directory, "lr");
      const run = tsx("scripts/experiment.ts", ["learning-rate", "--alphas", "0.1", "--out", out]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const trained = readJson<TrainReport>(join(trainOut, "report.json"));
      const [experiment] = readJson<ExperimentReport>(join(out, "report.json")).runs;
      // JSON writes each double with the shortest text that reads back as the same double.
      expect(experiment.costHistory).toEqual(trained.training.costHistory);
      expect(experiment.weights).toEqual(Object.values(trained.model.weights));
      expect(experiment.bias).toBe(trained.model.bias);
      expect(experiment.costHistory).toHaveLength(1000);
      const scalingOut = join(directory, "scaling");
      const scaling = tsx("scripts/experiment.ts", ["scaling", "--out", scalingOut, "--quiet"]);
      expect(scaling.code).toBe(0);
      const [standard] = readJson<ExperimentReport>(join(scalingOut, "report.json")).runs;
      expect(standard.costHistory).toEqual(trained.training.costHistory);
      expect(standard.weights).toEqual(Object.values(trained.model.weights));
      expect(standard.bias).toBe(trained.model.bias);
    },
    TIMEOUT_MS,
  );

  test(
    "the same command twice gives byte-identical report.md, SVG and report.json (run metadata aside)",
    () => {
      const outs = ["a", "b"].map((name) => join(directory, `same-${name}`));
      for (const out of outs) {
        const run = tsx("scripts/experiment.ts", ["learning-rate", "--epochs", "50", "--out", out]);
        expect(run.code).toBe(0);
      }
      const read = (out: string, name: string) => readFileSync(join(out, name), "utf8");
      const stable = (text: string) => text.replace(/\n {2}"run": \{[^]*$/, "");
      for (const name of ["report.md", "learning-rate.svg"])
        expect(read(outs[1], name)).toBe(read(outs[0], name));
      expect(stable(read(outs[1], "report.json"))).toBe(stable(read(outs[0], "report.json")));
    },
    TIMEOUT_MS,
  );

  test(
    "a usage error from the command line: exit 2 and the usage, no stack",
    () => {
      const run = tsx("scripts/experiment.ts", ["no-such-lesson"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown experiment "no-such-lesson"');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT_MS,
  );
});

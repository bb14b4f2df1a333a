import { beforeAll, describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import * as fast from "../../src/fast/index.js";
import { loadDataset } from "../../src/experiments/dataset.js";
import type { Dataset } from "../../src/experiments/dataset.js";
import { learningRateExperiment } from "../../src/experiments/learning-rate.js";
import type { LearningRateRun } from "../../src/experiments/learning-rate.js";
import type { ExperimentConfig } from "../../src/experiments/cli.js";
import type { ExperimentOutcome } from "../../src/experiments/outcome.js";
import { reportFiles } from "../../src/experiments/report.js";
import { divergenceWatch } from "../../src/train/divergence.js";
import { runGradientDescent } from "../../src/train/gradient-descent-run.js";
import { writeTemp } from "../support/bank-csv.js";

/** 300 rows of the fixture's generator (another seed): small enough for the kit project. */
let dataset: Dataset;
/** α = 0.1 descends; 5, 40 and 1e6 go up the cost at some epoch or overflow to non-finite. */
const config: ExperimentConfig = {
  experiment: "learning-rate",
  data: "small.csv",
  epochs: 60,
  alphas: [0.1, 5, 40, 1e6],
};
let outcome: ExperimentOutcome;
let runs: LearningRateRun[];

beforeAll(async () => {
  dataset = await loadDataset(writeTemp([...fixtureCsvChunks({ rows: 300, seed: 11 })].join("")));
  outcome = learningRateExperiment(dataset, config);
  runs = outcome.runs as LearningRateRun[];
});

const metadata = { startedAt: "t", durationMs: 0, command: "c" };

describe("the learning-rate experiment", () => {
  test("each run is the train script's run at its α: same weights, bias and costs, bit for bit", () => {
    for (const run of runs) {
      const train = runGradientDescent(fast, dataset.X, dataset.y, {
        alpha: run.alpha,
        epochs: config.epochs,
        gradientFunction: undefined,
      });
      expect(run.costHistory).toEqual(train.costHistory);
      expect(run.weights).toEqual(Array.from(train.model.w));
      expect(Object.is(run.bias, train.model.b)).toBe(true);
    }
  });

  test("divergence marks follow train's rule (divergenceWatch), and both verdicts occur", () => {
    const names = dataset.transform.featureNames;
    for (const run of runs) {
      const initial = fast.computeCostVectorized(
        dataset.X,
        dataset.y,
        new Float64Array(dataset.X.cols),
        0,
      );
      const watch = divergenceWatch(dataset.X.rows, initial, names, () => {});
      run.costHistory.forEach((cost, k) => watch.epoch(k + 1, cost));
      const record = watch.finish(
        { w: Float64Array.from(run.weights), b: run.bias },
        config.epochs,
      );
      expect(run.diverged).toBe(record !== null);
      expect(run.divergedAtEpoch).toBe(record?.epoch ?? null);
    }
    expect(runs.map((r) => r.diverged)).toContain(true);
    expect(runs.map((r) => r.diverged)).toContain(false);
    const svg = outcome.pictures[0].content;
    const marks = [...svg.matchAll(/: diverged at epoch (\d+)<\/title><\/path>/g)].map((m) =>
      Number(m[1]),
    );
    expect(marks).toEqual(runs.filter((r) => r.diverged).map((r) => r.divergedAtEpoch));
  });

  test("the gap and the epochs to within 1e-3 are measured against Newton's optimum", () => {
    const optimum = (outcome.results.optimum as { cost: number }).cost;
    for (const run of runs) {
      expect(run.gap).toBe(run.finalCost - optimum);
      const k = run.epochsToNearOptimum;
      if (k === null) expect(run.costHistory.every((c) => !(c - optimum <= 1e-3))).toBe(true);
      else {
        expect(run.costHistory[k - 1] - optimum).toBeLessThanOrEqual(1e-3);
        expect(run.costHistory.slice(0, k - 1).every((c) => c - optimum > 1e-3)).toBe(true);
      }
    }
  });

  test("report.json: data SHA-256, configuration and a runs array of the documented shape", () => {
    const files = reportFiles(dataset, config, outcome, metadata);
    expect(files.map((f) => f.name)).toEqual(["learning-rate.svg", "report.md", "report.json"]);
    const json = JSON.parse(files[2].content) as Record<string, unknown>;
    expect(json).toMatchObject({
      schemaVersion: 1,
      experiment: "learning-rate",
      config,
      data: { file: dataset.file, sha256: dataset.sha256, rows: 300 },
    });
    expect(dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    const jsonRuns = json.runs as Record<string, unknown>[];
    expect(jsonRuns.map((r) => r.alpha)).toEqual(config.alphas);
    for (const run of jsonRuns) {
      expect(typeof run.finalCost === "number" || run.finalCost === null).toBe(true);
      expect(typeof run.diverged).toBe("boolean");
      expect(run.divergedAtEpoch === null || Number.isInteger(run.divergedAtEpoch)).toBe(true);
      expect(run.costHistory).toHaveLength(config.epochs);
    }
  });

  test("the same inputs give byte-identical files, run metadata aside", () => {
    const again = learningRateExperiment(dataset, config);
    const first = reportFiles(dataset, config, outcome, metadata);
    const second = reportFiles(dataset, config, again, { ...metadata, durationMs: 5 });
    const stable = (text: string) => text.replace(/\n {2}"run": \{[^]*$/, "");
    expect(second.map((f) => stable(f.content))).toEqual(first.map((f) => stable(f.content)));
  });
});

import { beforeAll, describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import * as fast from "../../src/fast/index.js";
import type { ExperimentConfig } from "../../src/experiments/cli.js";
import { conditionNumber, symmetricEigenvalues } from "../../src/experiments/condition-number.js";
import { loadDataset } from "../../src/experiments/dataset.js";
import type { Dataset } from "../../src/experiments/dataset.js";
import { reportFiles } from "../../src/experiments/report.js";
import { minMaxScaled, scalingExperiment } from "../../src/experiments/scaling.js";
import type { ScalingRun } from "../../src/experiments/scaling.js";
import { matrixFromRows } from "../../src/matrix.js";
import { runGradientDescent } from "../../src/train/gradient-descent-run.js";
import { writeTemp } from "../support/bank-csv.js";

let dataset: Dataset;
const config: ExperimentConfig = {
  experiment: "scaling",
  data: "s.csv",
  epochs: 40,
  alphas: [0.1],
};
let runs: ScalingRun[];
let json: { runs: Record<string, unknown>[]; data: { sha256: string } };

beforeAll(async () => {
  dataset = await loadDataset(writeTemp([...fixtureCsvChunks({ rows: 300, seed: 5 })].join("")));
  const outcome = scalingExperiment(dataset, config);
  runs = outcome.runs as ScalingRun[];
  const files = reportFiles(dataset, config, outcome, {
    startedAt: "",
    durationMs: 0,
    command: "",
  });
  json = JSON.parse(files[files.length - 1].content) as typeof json;
});

describe("the scaling experiment", () => {
  test("the standardized run is train's run (α = 0.1 from zero on train's matrix), bit for bit", () => {
    const train = runGradientDescent(fast, dataset.X, dataset.y, {
      alpha: 0.1,
      epochs: config.epochs,
      gradientFunction: undefined,
    });
    expect(runs[0].scaling).toBe("standard");
    expect(runs[0].costHistory).toEqual(train.costHistory);
    expect(runs[0].weights).toEqual(Array.from(train.model.w));
  });

  test("report.json runs: standard, none, minmax with final cost, divergence and history", () => {
    expect(json.runs.map((r) => r.scaling)).toEqual(["standard", "none", "minmax"]);
    for (const run of json.runs) {
      expect(typeof run.diverged).toBe("boolean");
      expect(run.costHistory).toHaveLength(config.epochs);
      expect(run).toHaveProperty("finalCost");
      expect(run).toHaveProperty("conditionNumber");
      expect(run).toHaveProperty("largestWeight.name");
    }
    expect(json.data.sha256).toBe(dataset.sha256);
  });

  test("unscaled features are far worse conditioned than standardized ones", () => {
    const [standard, none] = runs;
    expect(none.conditionNumber).toBeGreaterThan(1e3 * standard.conditionNumber);
  });
});

describe("min-max scaling and the condition number", () => {
  test("min-max maps each column onto [0, 1] exactly at its extremes; a constant column to 0", () => {
    const X = matrixFromRows([
      [3, -1e300, 7],
      [5, 1e300, 7],
      [4, 0, 7],
    ]);
    expect(Array.from(minMaxScaled(X).data)).toEqual([0, 0, 0, 1, 1, 0, 0.5, 0.5, 0]);
  });

  test("Jacobi eigenvalues of QDQᵀ are D, within 1e-13 of the largest (about 100 u‖A‖)", () => {
    // Q: the Householder reflection I − 2vvᵀ/vᵀv, exactly orthogonal up to rounding.
    const v = [1, -2, 0.5, 3];
    const n = v.length;
    const vv = v.reduce((s, x) => s + x * x, 0);
    const Q = (i: number, j: number) => (i === j ? 1 : 0) - (2 * v[i] * v[j]) / vv;
    const d = [1e-3, 0.5, 2, 40];
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) A[i * n + j] += Q(i, k) * d[k] * Q(j, k);
    const eigenvalues = symmetricEigenvalues(A, n);
    d.forEach((value, k) => expect(Math.abs(eigenvalues[k] - value)).toBeLessThan(1e-13 * 40));
  });

  test("a singular XᵀX/m (a repeated column) has an infinite or enormous condition number", () => {
    const X = matrixFromRows([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(conditionNumber(X)).toBeGreaterThan(1e15);
    expect(
      conditionNumber(
        matrixFromRows([
          [1, 0],
          [0, 2],
        ]),
      ),
    ).toBe(4);
  });
});

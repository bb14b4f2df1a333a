import { beforeAll, describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import type { ExperimentConfig } from "../../src/experiments/cli.js";
import { CLIP_EPSILON, clippedLoss, clippingExperiment } from "../../src/experiments/clipping.js";
import { loadDataset } from "../../src/experiments/dataset.js";
import type { Dataset } from "../../src/experiments/dataset.js";
import type { ExperimentOutcome } from "../../src/experiments/outcome.js";
import * as reference from "../../src/reference/index.js";
import { runGradientDescent } from "../../src/train/gradient-descent-run.js";
import { writeTemp } from "../support/bank-csv.js";

let dataset: Dataset;
const config: ExperimentConfig = {
  experiment: "clipping",
  data: "c.csv",
  epochs: 30,
  alphas: [0.1],
};
let outcome: ExperimentOutcome;
interface ClippingRun {
  largestDifference: number;
  largestDifferenceAtEpoch: number;
  exactCostHistory: number[];
  clippedCostHistory: number[];
}

beforeAll(async () => {
  dataset = await loadDataset(writeTemp([...fixtureCsvChunks({ rows: 300, seed: 9 })].join("")));
  outcome = clippingExperiment(dataset, config);
});

describe("the clipping experiment", () => {
  test("its exact costs are the article's run's, epoch by epoch, bit for bit (one epoch per call)", () => {
    const [run] = outcome.runs as ClippingRun[];
    const whole = runGradientDescent(reference, dataset.X, dataset.y, {
      alpha: 0.1,
      epochs: config.epochs,
      gradientFunction: undefined,
    });
    expect(run.exactCostHistory).toEqual(whole.costHistory);
  });

  test("the largest difference is the largest |clipped − exact| over the run, at its epoch", () => {
    const [run] = outcome.runs as ClippingRun[];
    const gaps = run.clippedCostHistory.map((c, k) => Math.abs(c - run.exactCostHistory[k]));
    expect(Math.abs(run.largestDifference)).toBe(Math.max(...gaps));
    expect(gaps[run.largestDifferenceAtEpoch - 1]).toBe(Math.max(...gaps));
  });

  test("a wrong-side saturated logit: the clipped loss stops at −log ε (y = 1) while the exact one grows as |z|", () => {
    for (const z of [-40, -100, -800]) {
      expect(clippedLoss(z, 1)).toBe(-Math.log(CLIP_EPSILON));
      expect(reference.loss(z, 1)).toBeCloseTo(-z, 10); // log(1 + e^−z) = −z + log(1 + e^z), e^z < 5e-18
    }
  });

  test("a right-side saturated logit: the clipped loss never falls below −log(1 − ε) ≈ 1e-15", () => {
    const floor = -Math.log(1 - CLIP_EPSILON);
    for (const z of [37, 40, 100, 800]) {
      expect(clippedLoss(z, 1)).toBe(floor);
      expect(clippedLoss(-z, 0)).toBe(floor);
      expect(reference.loss(z, 1)).toBeLessThan(floor);
    }
  });

  test("the saturation table and the scaled optimum are recorded with clipped − exact", () => {
    const { saturated, scaledOptimum } = outcome.results as {
      saturated: { z: number; y: number; exact: number; clipped: number; difference: number }[];
      scaledOptimum: { factor: number; difference: number }[];
    };
    expect(saturated.length).toBeGreaterThan(20);
    for (const row of saturated) expect(row.difference).toBe(row.clipped - row.exact);
    expect(scaledOptimum.map((row) => row.factor)).toEqual([1, 10, 100, 1000]);
  });
});

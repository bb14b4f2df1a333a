import { describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import type { ExperimentConfig } from "../../src/experiments/cli.js";
import { loadDataset } from "../../src/experiments/dataset.js";
import { vectorizationExperiment } from "../../src/experiments/vectorization.js";
import type { VectorizationRun } from "../../src/experiments/vectorization.js";
import { writeTemp } from "../support/bank-csv.js";

const config: ExperimentConfig = {
  experiment: "vectorization",
  data: "v.csv",
  epochs: 5,
  alphas: [0.1],
};

describe("the vectorization experiment", () => {
  test("times loop, vectorized and fast at each m up to the data's rows; same final weights", async () => {
    const dataset = await loadDataset(
      writeTemp([...fixtureCsvChunks({ rows: 600, seed: 4 })].join("")),
    );
    const outcome = vectorizationExperiment(dataset, config);
    const runs = outcome.runs as VectorizationRun[];
    expect([...new Set(runs.map((r) => r.m))]).toEqual([250, 500, 600]);
    expect(runs.map((r) => r.implementation).slice(0, 3)).toEqual(["loop", "vectorized", "fast"]);
    for (const run of runs) {
      expect(run.msPerEpoch).toBeGreaterThan(0);
      // The fast kernel's w and b are the reference's bit for bit (src/fast); the loop's
      // gradient sums each component in the same row order as the vectorized one.
      expect(run.maxWeightDifference).toBe(0);
      expect(run.biasDifference).toBe(0);
    }
    const svg = outcome.pictures[0].content;
    expect(svg).toContain(">m (rows)</text>");
    expect(svg.match(/<polyline /g)).toHaveLength(3);
  });
});

import { loadavg } from "node:os";
import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import * as fast from "../fast/index.js";
import * as reference from "../reference/index.js";
import { renderLossChartSvg } from "../train/svg.js";
import type { ExperimentConfig } from "./cli.js";
import type { Dataset } from "./dataset.js";
import { baseName, logScaleFor, markdownTable, textTable } from "./outcome.js";
import type { ExperimentOutcome } from "./outcome.js";

/** The row counts timed (those up to the data's size, and the whole data). */
const SIZES = [250, 500, 1000, 2000, 4000, 8000];

/** The three ways to run the article's gradient descent, in the order drawn. */
const IMPLEMENTATIONS: {
  name: string;
  descend: (X: Matrix, y: Float64Array, options: GradientDescentOptions) => Model;
}[] = [
  {
    name: "loop",
    descend: (X, y, options) =>
      reference.gradientDescent(X, y, new Float64Array(X.cols), 0, {
        ...options,
        gradientFunction: reference.computeGradients,
      }),
  },
  {
    name: "vectorized",
    descend: (X, y, options) =>
      reference.gradientDescent(X, y, new Float64Array(X.cols), 0, options),
  },
  {
    name: "fast",
    descend: (X, y, options) => fast.gradientDescent(X, y, new Float64Array(X.cols), 0, options),
  },
];

/** One timed run, as report.json's `runs` holds it. */
export interface VectorizationRun {
  implementation: string;
  m: number;
  /** Wall time of the whole gradientDescent call over the epochs, per epoch (a timing). */
  msPerEpoch: number;
  /** max |w − w_vectorized| and |b − b_vectorized| after the run: 0 means the same model, bit for bit. */
  maxWeightDifference: number;
  biasDifference: number;
  finalCost: number;
}

/** The first m rows of X and y, sharing their storage. */
function firstRows(X: Matrix, y: Float64Array, m: number): { X: Matrix; y: Float64Array } {
  return {
    X: { rows: m, cols: X.cols, data: X.data.subarray(0, m * X.cols) },
    y: y.subarray(0, m),
  };
}

/**
 * The vectorization lesson: the article's run (α, from zero) on the first m standardized rows,
 * for growing m, by the per-example loop (computeGradients), the vectorized reference and the
 * fast kernel; the time per epoch of each, and how far its final weights are from the
 * vectorized run's. Timings depend on the machine and its load (recorded as the load average).
 */
export function vectorizationExperiment(
  dataset: Dataset,
  config: ExperimentConfig,
): ExperimentOutcome {
  const sizes = [...new Set([...SIZES.filter((m) => m < dataset.X.rows), dataset.X.rows])];
  const options = { alpha: config.alphas[0], epochs: config.epochs };
  const loadBefore = loadavg()[0];
  const runs = sizes.flatMap((m) => {
    const { X, y } = firstRows(dataset.X, dataset.y, m);
    const timed = IMPLEMENTATIONS.map(({ name, descend }) => {
      const costHistory: number[] = [];
      const start = performance.now();
      const model = descend(X, y, { ...options, costHistory });
      return {
        name,
        model,
        ms: performance.now() - start,
        cost: costHistory[costHistory.length - 1],
      };
    });
    const vectorized = timed[1].model;
    return timed.map((t): VectorizationRun => ({
      implementation: t.name,
      m,
      msPerEpoch: t.ms / config.epochs,
      maxWeightDifference: Math.max(...t.model.w.map((w, j) => Math.abs(w - vectorized.w[j]))),
      biasDifference: Math.abs(t.model.b - vectorized.b),
      finalCost: t.cost,
    }));
  });
  const load = { before: loadBefore, after: loadavg()[0] };
  return {
    runs,
    results: { alpha: options.alpha, sizes, loadAverage1min: load },
    markdown: markdown(runs, load),
    pictures: [{ name: "vectorization.svg", content: picture(runs, sizes, dataset.file) }],
    summary: `${textTable(HEADER, rows(runs)).join("\n")}\n${loadLine(load)}\n`,
  };
}

function picture(
  runs: readonly VectorizationRun[],
  sizes: readonly number[],
  file: string,
): string {
  return renderLossChartSvg({
    title: `Time per epoch over m: ${baseName(file)}`,
    series: IMPLEMENTATIONS.map(({ name }) => ({
      label: name,
      costHistory: runs.filter((r) => r.implementation === name).map((r) => r.msPerEpoch),
    })),
    optimum: null,
    logScale: logScaleFor(runs.map((r) => r.msPerEpoch)),
    yLabel: "milliseconds per epoch",
    xValues: sizes,
    xLabel: "m (rows)",
  });
}

const HEADER = [
  "m",
  "implementation",
  "ms per epoch",
  "max |w − w_vectorized|",
  "|b − b_vectorized|",
  "final cost",
];

function rows(runs: readonly VectorizationRun[]): string[][] {
  return runs.map((r) => [
    String(r.m),
    r.implementation,
    r.msPerEpoch.toPrecision(3),
    r.maxWeightDifference.toExponential(2),
    r.biasDifference.toExponential(2),
    String(r.finalCost),
  ]);
}

function loadLine(load: { before: number; after: number }): string {
  return `Timings under a 1-minute load average of ${load.before.toFixed(2)} (before) and ${load.after.toFixed(2)} (after); they vary from run to run, the weights do not.`;
}

function markdown(
  runs: readonly VectorizationRun[],
  load: { before: number; after: number },
): string {
  return [
    "The article's run on the first m rows, by the per-example loop (computeGradients), the vectorized reference and the fast WebAssembly kernel. The weight columns compare each final model with the vectorized run's: 0 is the same model bit for bit.",
    "",
    ...markdownTable(HEADER, rows(runs)),
    "",
    loadLine(load),
    "",
    "![Time per epoch over m](vectorization.svg)",
    "",
  ].join("\n");
}

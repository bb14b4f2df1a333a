import type { Matrix } from "../contract.js";
import * as fast from "../fast/index.js";
import { newtonOptimum } from "../optimum/index.js";
import { renderLossChartSvg } from "../train/svg.js";
import type { ExperimentConfig } from "./cli.js";
import { conditionNumber } from "./condition-number.js";
import type { Dataset } from "./dataset.js";
import { baseName, figure, logScaleFor, markdownTable, textTable } from "./outcome.js";
import type { ExperimentOutcome } from "./outcome.js";
import { finalCost, watchedRun } from "./watched-run.js";

export type ScalingName = "standard" | "none" | "minmax";

/** One run of the scaling experiment, as report.json's `runs` holds it. */
export interface ScalingRun {
  scaling: ScalingName;
  finalCost: number;
  /** finalCost − the optimum's cost (null when Newton did not converge). */
  gap: number | null;
  diverged: boolean;
  divergedAtEpoch: number | null;
  divergence: string | null;
  /** The weight of largest magnitude and its feature. */
  largestWeight: { name: string; value: number };
  /** λmax/λmin of XᵀX/m for this run's features (condition-number.ts). */
  conditionNumber: number;
  bias: number;
  weights: number[];
  costHistory: number[];
}

/** Each column mapped to [0, 1] by its minimum and maximum over all rows; a constant column to 0. */
export function minMaxScaled(X: Matrix): Matrix {
  const { rows, cols } = X;
  const data = new Float64Array(X.data.length);
  for (let j = 0; j < cols; j++) {
    let [lo, hi] = [Infinity, -Infinity];
    for (let i = 0; i < rows; i++) {
      lo = Math.min(lo, X.data[i * cols + j]);
      hi = Math.max(hi, X.data[i * cols + j]);
    }
    const range = hi - lo;
    for (let i = 0; i < rows; i++)
      data[i * cols + j] = range > 0 ? (X.data[i * cols + j] - lo) / range : 0;
  }
  return { rows, cols, data };
}

/**
 * The feature-scaling lesson: the article's run (α = 0.1, from zero, the fast implementation)
 * on the standardized features (train's run), on the unscaled features and on min-max scaled
 * ones. Scaling a column by a constant and shifting it (the bias absorbs the shift) does not
 * move the lowest cost, so Newton's optimum on the standardized features is every run's target.
 */
export function scalingExperiment(dataset: Dataset, config: ExperimentConfig): ExperimentOutcome {
  const { X, y, transform, table } = dataset;
  const raw = transform.encode(table);
  const matrices: [ScalingName, Matrix][] = [
    ["standard", X],
    ["none", raw],
    ["minmax", minMaxScaled(raw)],
  ];
  const optimum = newtonOptimum(X, y);
  const optimumCost = optimum.converged ? optimum.cost : null;
  const names = transform.featureNames;
  const runs = matrices.map(([scaling, features]): ScalingRun => {
    const run = watchedRun(fast, features, y, names, {
      alpha: config.alphas[0],
      epochs: config.epochs,
    });
    const j = run.model.w.reduce(
      (best, w, k, all) => (Math.abs(w) > Math.abs(all[best]) ? k : best),
      0,
    );
    const last = finalCost(run);
    return {
      scaling,
      finalCost: last,
      gap: optimumCost === null ? null : last - optimumCost,
      diverged: run.divergence !== null,
      divergedAtEpoch: run.divergence?.epoch ?? null,
      divergence: run.divergence?.description ?? null,
      largestWeight: { name: names[j], value: run.model.w[j] },
      conditionNumber: conditionNumber(features),
      bias: run.model.b,
      weights: Array.from(run.model.w),
      costHistory: run.costHistory,
    };
  });
  const svg = renderLossChartSvg({
    title: `Feature scaling, α = ${config.alphas[0]}: ${baseName(dataset.file)}`,
    series: runs.map((r) => ({
      label: `${r.scaling}${r.diverged ? ` (diverged at epoch ${r.divergedAtEpoch})` : ""}`,
      costHistory: r.costHistory,
      divergedAt: r.divergedAtEpoch,
    })),
    optimum: optimumCost,
    logScale: logScaleFor(runs.flatMap((r) => r.costHistory)),
  });
  return {
    runs,
    results: {
      alpha: config.alphas[0],
      optimum: {
        method: "Newton's method (src/optimum), standardized features",
        converged: optimum.converged,
        cost: optimum.cost,
      },
    },
    markdown: markdown(runs, optimumCost),
    pictures: [{ name: "scaling.svg", content: svg }],
    summary: `${textTable(HEADER, rows(runs)).join("\n")}\n${explanation(runs)}\n`,
  };
}

const HEADER = [
  "scaling",
  "final cost",
  "gap to optimum",
  "largest |w|",
  "cond(XᵀX/m)",
  "divergence",
];

function rows(runs: readonly ScalingRun[]): string[][] {
  return runs.map((r) => [
    r.scaling,
    figure(r.finalCost),
    r.gap === null ? "—" : r.gap.toExponential(2),
    `${figure(Math.abs(r.largestWeight.value), 4)} (${r.largestWeight.name})`,
    r.conditionNumber.toExponential(2),
    r.diverged ? `diverged at epoch ${r.divergedAtEpoch}` : "descended",
  ]);
}

/** What these runs show, in numbers they produced. */
function explanation(runs: readonly ScalingRun[]): string {
  const [standard, none, minmax] = runs;
  return [
    `Unscaled, XᵀX/m has condition number ${none.conditionNumber.toExponential(2)} against ${standard.conditionNumber.toExponential(2)} standardized and ${minmax.conditionNumber.toExponential(2)} min-max:`,
    `one learning rate cannot suit directions whose curvatures differ that much.`,
    `Final cost: unscaled ${figure(none.finalCost)} (${none.diverged ? `diverged at epoch ${none.divergedAtEpoch} by train's rule` : "descended"}), min-max ${figure(minmax.finalCost)}, standardized ${figure(standard.finalCost)};`,
    `the unscaled run ends ${figure(none.finalCost - standard.finalCost, 3)} above the standardized one, with its largest weight |${none.largestWeight.name}| = ${figure(Math.abs(none.largestWeight.value), 4)}.`,
  ].join("\n");
}

function markdown(runs: readonly ScalingRun[], optimum: number | null): string {
  return [
    `The article's run (from zero, the fast implementation) on three versions of the same features. The optimum (Newton, on the standardized features; scaling does not move the lowest cost): ${optimum ?? "not converged"}.`,
    "",
    ...markdownTable(HEADER, rows(runs)),
    "",
    explanation(runs),
    "",
    "![The loss curves with and without scaling](scaling.svg)",
    "",
  ].join("\n");
}

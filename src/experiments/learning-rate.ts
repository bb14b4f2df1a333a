import * as fast from "../fast/index.js";
import { newtonOptimum } from "../optimum/index.js";
import { terminalLossCurve } from "../train/progress.js";
import { renderLossChartSvg } from "../train/svg.js";
import type { ExperimentConfig } from "./cli.js";
import type { Dataset } from "./dataset.js";
import { baseName, figure, logScaleFor, markdownTable, textTable } from "./outcome.js";
import type { ExperimentOutcome } from "./outcome.js";
import { finalCost, watchedRun } from "./watched-run.js";

/** "Within reach of the optimum": a cost at most this far above it (the issue's 1e-3). */
export const NEAR_OPTIMUM = 1e-3;

/** One run of the sweep, as report.json's `runs` holds it. */
export interface LearningRateRun {
  alpha: number;
  finalCost: number;
  /** finalCost − the optimum's cost (null when Newton did not converge). */
  gap: number | null;
  /** The first epoch whose cost is within {@link NEAR_OPTIMUM} of the optimum's, else null. */
  epochsToNearOptimum: number | null;
  diverged: boolean;
  /** Train's divergence rule: the first epoch where a cost rose or became non-finite. */
  divergedAtEpoch: number | null;
  divergence: string | null;
  bias: number;
  weights: number[];
  costHistory: number[];
}

/**
 * The learning-rate lesson: from w = 0, b = 0, `epochs` of batch gradient descent on the
 * standardized features at each α, with the fast implementation as `npm run train` uses it
 * (so the α = 0.1 run is train's run), each run judged by train's divergence rule and measured
 * against the exact optimum.
 */
export function learningRateExperiment(
  dataset: Dataset,
  config: ExperimentConfig,
): ExperimentOutcome {
  const { X, y, transform } = dataset;
  const optimum = newtonOptimum(X, y);
  const optimumCost = optimum.converged ? optimum.cost : null;
  const runs = config.alphas.map((alpha): LearningRateRun => {
    const run = watchedRun(fast, X, y, transform.featureNames, { alpha, epochs: config.epochs });
    const last = finalCost(run);
    const near =
      optimumCost === null ? -1 : run.costHistory.findIndex((c) => c - optimumCost <= NEAR_OPTIMUM);
    return {
      alpha,
      finalCost: last,
      gap: optimumCost === null ? null : last - optimumCost,
      epochsToNearOptimum: near < 0 ? null : near + 1,
      diverged: run.divergence !== null,
      divergedAtEpoch: run.divergence?.epoch ?? null,
      divergence: run.divergence?.description ?? null,
      bias: run.model.b,
      weights: Array.from(run.model.w),
      costHistory: run.costHistory,
    };
  });
  return {
    runs,
    results: {
      optimum: {
        method: "Newton's method (src/optimum)",
        converged: optimum.converged,
        cost: optimum.cost,
      },
      nearOptimum: NEAR_OPTIMUM,
    },
    markdown: markdown(runs, optimumCost, config),
    pictures: [{ name: "learning-rate.svg", content: picture(runs, optimumCost, dataset.file) }],
    summary: summary(runs, optimumCost),
  };
}

function picture(runs: readonly LearningRateRun[], optimum: number | null, file: string): string {
  return renderLossChartSvg({
    title: `Learning-rate sweep: ${baseName(file)}`,
    series: runs.map((r) => ({
      label: `α = ${r.alpha}${r.diverged ? ` (diverged at epoch ${r.divergedAtEpoch})` : ""}`,
      costHistory: r.costHistory,
      divergedAt: r.divergedAtEpoch,
    })),
    optimum,
    logScale: logScaleFor(runs.flatMap((r) => r.costHistory)),
  });
}

function rows(runs: readonly LearningRateRun[]): string[][] {
  return runs.map((r) => [
    String(r.alpha),
    figure(r.finalCost),
    r.gap === null ? "—" : r.gap.toExponential(2),
    r.epochsToNearOptimum === null ? "never" : String(r.epochsToNearOptimum),
    r.diverged ? `diverged at epoch ${r.divergedAtEpoch}` : "descended",
  ]);
}

const HEADER = ["α", "final cost", "gap to optimum", "epochs to within 1e-3", "divergence"];

function markdown(
  runs: readonly LearningRateRun[],
  optimum: number | null,
  config: ExperimentConfig,
): string {
  const diverged = runs.filter((r) => r.diverged).map((r) => r.alpha);
  return [
    `Each run starts from w = 0, b = 0 and takes ${config.epochs} epochs of batch gradient descent on the standardized features (the fast implementation, as \`npm run train\` runs it). The optimum (Newton): ${optimum === null ? "not converged" : optimum}.`,
    "",
    ...markdownTable(HEADER, rows(runs)),
    "",
    diverged.length === 0
      ? "No α diverged by the train script's rule (a cost that rose beyond rounding, or a non-finite cost or weight)."
      : `Diverged by the train script's rule (a cost that rose beyond rounding, or a non-finite cost or weight): α = ${diverged.join(", ")}.`,
    "",
    "![The loss curves of the sweep](learning-rate.svg)",
    "",
  ].join("\n");
}

function summary(runs: readonly LearningRateRun[], optimum: number | null): string {
  const best = runs.reduce((a, b) =>
    Number.isFinite(b.finalCost) && !(a.finalCost <= b.finalCost) ? b : a,
  );
  return [
    ...textTable(HEADER, rows(runs)),
    `optimum (Newton): ${optimum ?? "not converged"}`,
    "",
    `the lowest final cost, α = ${best.alpha}:`,
    terminalLossCurve(best.costHistory),
    "",
  ].join("\n");
}

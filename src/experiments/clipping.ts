import type { Matrix, Model } from "../contract.js";
import * as fast from "../fast/index.js";
import { newtonOptimum } from "../optimum/index.js";
import { computeCostVectorized, logits, loss, sigmoid } from "../reference/index.js";
import { renderLossChartSvg } from "../train/svg.js";
import type { ExperimentConfig } from "./cli.js";
import type { Dataset } from "./dataset.js";
import { baseName, markdownTable, textTable } from "./outcome.js";
import type { ExperimentOutcome } from "./outcome.js";

/** The article's clip: σ(z) is held in [ε, 1 − ε] before its log is taken. */
export const CLIP_EPSILON = 1e-15;

/** The logits of the saturation table (for y = 1; y = 0 is listed too). */
const SATURATED_LOGITS = [-800, -100, -40, -37, -35, -30, -20, 0, 20, 30, 35, 37, 40, 100, 800];
/** The optimum's weights and bias scaled by these factors push the data's logits into saturation. */
const SCALE_FACTORS = [1, 10, 100, 1000];

/** The article's loss of one example: σ(z) clipped to [1e-15, 1 − 1e-15], then the log-loss. */
export function clippedLoss(z: number, y: number): number {
  const p = Math.min(Math.max(sigmoid(z), CLIP_EPSILON), 1 - CLIP_EPSILON);
  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
}

/** The article's clipped mean cost at (w, b). */
export function clippedCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const z = logits(X, w, b);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += clippedLoss(z[i], y[i]);
  return sum / z.length;
}

/** One comparison point: the exact cost (reference), the clipped one, and clipped − exact. */
interface Comparison {
  exact: number;
  clipped: number;
  difference: number;
}

function compare(exact: number, clipped: number): Comparison {
  return { exact, clipped, difference: clipped - exact };
}

/**
 * The numerical-issues lesson: the article's clipped cost against the exact one (the
 * reference's, computed from the logit with log1pexp), (1) at every epoch of the article's run
 * (α, from zero, the fast implementation, one epoch per call: the same w and b as one call),
 * (2) for one example at saturated logits, (3) on the data at the optimum scaled up until the
 * logits saturate.
 */
export function clippingExperiment(dataset: Dataset, config: ExperimentConfig): ExperimentOutcome {
  const { X, y } = dataset;
  const alpha = config.alphas[0];
  const along: (Comparison & { epoch: number })[] = [];
  let model: Model = { w: new Float64Array(X.cols), b: 0 };
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    model = fast.gradientDescent(X, y, model.w, model.b, { alpha, epochs: 1 });
    along.push({
      epoch,
      ...compare(
        computeCostVectorized(X, y, model.w, model.b),
        clippedCost(X, y, model.w, model.b),
      ),
    });
  }
  const largest = along.reduce((a, b) => (Math.abs(b.difference) > Math.abs(a.difference) ? b : a));
  const saturated = [1, 0].flatMap((label) =>
    SATURATED_LOGITS.map((z) => ({
      z,
      y: label,
      ...compare(loss(z, label), clippedLoss(z, label)),
    })),
  );
  const optimum = newtonOptimum(X, y);
  const scaled = SCALE_FACTORS.map((factor) => {
    const w = optimum.w.map((v) => v * factor);
    const b = optimum.b * factor;
    return { factor, ...compare(computeCostVectorized(X, y, w, b), clippedCost(X, y, w, b)) };
  });
  const run = {
    alpha,
    largestDifference: largest.difference,
    largestDifferenceAtEpoch: largest.epoch,
    exactCostHistory: along.map((c) => c.exact),
    clippedCostHistory: along.map((c) => c.clipped),
  };
  return {
    runs: [run],
    results: { clip: CLIP_EPSILON, saturated, scaledOptimum: scaled },
    markdown: markdown(run, saturated, scaled),
    pictures: [{ name: "clipping.svg", content: picture(along, dataset.file) }],
    summary: summary(run, saturated, scaled),
  };
}

function picture(along: readonly (Comparison & { epoch: number })[], file: string): string {
  return renderLossChartSvg({
    title: `|clipped − exact cost| along the article's run: ${baseName(file)}`,
    series: [{ label: "|clipped − exact|", costHistory: along.map((c) => Math.abs(c.difference)) }],
    optimum: null,
    logScale: true,
    yLabel: "|clipped cost − exact cost| (0 not drawn)",
  });
}

type Saturated = { z: number; y: number } & Comparison;
type Scaled = { factor: number } & Comparison;

const number = (value: number) => (Number.isFinite(value) ? value.toPrecision(6) : String(value));
const SATURATED_HEADER = ["z", "y", "exact loss", "clipped loss", "clipped − exact"];
const SCALED_HEADER = ["(w, b) = k × optimum, k", "exact cost", "clipped cost", "clipped − exact"];

function saturatedRows(rows: readonly Saturated[]): string[][] {
  return rows.map((r) => [
    String(r.z),
    String(r.y),
    number(r.exact),
    number(r.clipped),
    number(r.difference),
  ]);
}

function scaledRows(rows: readonly Scaled[]): string[][] {
  return rows.map((r) => [
    String(r.factor),
    number(r.exact),
    number(r.clipped),
    number(r.difference),
  ]);
}

function headline(run: {
  largestDifference: number;
  largestDifferenceAtEpoch: number;
  alpha: number;
}): string {
  return `Along the article's run (α = ${run.alpha}, from zero), the largest |clipped − exact| is ${Math.abs(run.largestDifference).toExponential(2)}, at epoch ${run.largestDifferenceAtEpoch}.`;
}

function markdown(
  run: Parameters<typeof headline>[0],
  saturated: readonly Saturated[],
  scaled: readonly Scaled[],
): string {
  return [
    `The article clips σ(z) to [${CLIP_EPSILON}, 1 − ${CLIP_EPSILON}] before taking logs; the reference computes the loss from the logit z with log1pexp, exact to a few ulps for every finite z. ${headline(run)}`,
    "",
    "![|clipped − exact| along the run](clipping.svg)",
    "",
    "One example at saturated logits:",
    "",
    ...markdownTable(SATURATED_HEADER, saturatedRows(saturated)),
    "",
    "On the data, at the optimum's weights and bias multiplied by k (larger k saturates more logits):",
    "",
    ...markdownTable(SCALED_HEADER, scaledRows(scaled)),
    "",
  ].join("\n");
}

function summary(
  run: Parameters<typeof headline>[0],
  saturated: readonly Saturated[],
  scaled: readonly Scaled[],
): string {
  return [
    headline(run),
    "",
    ...textTable(SATURATED_HEADER, saturatedRows(saturated)),
    "",
    ...textTable(SCALED_HEADER, scaledRows(scaled)),
    "",
  ].join("\n");
}

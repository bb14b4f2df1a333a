import type { ConfusionMatrix } from "../../src/contract.js";
import { gamma } from "../../src/numerics/rounding.js";

/** The four ratio metrics of step 9, each as its numerator and denominator of the counts. */
export type RatioMetric = "accuracy" | "precision" | "recall" | "f1";

const formulas: Record<RatioMetric, string> = {
  accuracy: "(TP + TN)/(TP + FP + TN + FN)",
  precision: "TP/(TP + FP)",
  recall: "TP/(TP + FN)",
  f1: "2TP/(2TP + FP + FN)",
};

/** A metric's numerator and denominator on the counts c. */
function parts(metric: RatioMetric, c: ConfusionMatrix): [number, number] {
  const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = c;
  switch (metric) {
    case "accuracy":
      return [tp + tn, tp + fp + tn + fn];
    case "precision":
      return [tp, tp + fp];
    case "recall":
      return [tp, tp + fn];
    case "f1":
      return [2 * tp, 2 * tp + fp + fn];
  }
}

/** The metric's exact value on c (one division of integers), or null when its denominator is 0. */
function value(metric: RatioMetric, c: ConfusionMatrix): number | null {
  const [num, den] = parts(metric, c);
  return den === 0 ? null : num / den;
}

/** Within the property's bound for a ratio of integers, 4γ₂ relative. */
const near = (a: number, b: number) => Math.abs(a - b) <= 4 * gamma(2) * Math.abs(b);

/**
 * The hint for a ratio metric that returned `actual` on the counts c, from the counts themselves:
 * null where the denominator is not 0 (for F1, a null precision or recall passed on), a number
 * where it is 0, or a value that is another known formula on these counts (the arithmetic mean of
 * precision and recall for F1; recall's ratio for precision and the reverse). Otherwise a neutral
 * hint with the formula and its numbers here.
 */
export function ratioMetricHint(
  metric: RatioMetric,
  c: ConfusionMatrix,
  actual: number | null,
): string {
  const [num, den] = parts(metric, c);
  const here = `${metric} = ${formulas[metric]} = ${num}/${den} here`;
  if (actual === null && den !== 0) {
    const p = value("precision", c);
    const r = value("recall", c);
    if (metric === "f1" && (p === null || r === null)) {
      return `${here}, a number, although ${p === null ? "precision" : "recall"} is null (its denominator is 0): F1 written on the counts is defined whenever TP + FP + FN > 0 — compute it from the counts, not from a null precision or recall`;
    }
    return `${here}: the denominator is not 0, so the ratio is a number; null only when the denominator is 0`;
  }
  if (actual !== null && den === 0) {
    return `the denominator of ${metric}, ${formulas[metric].split("/")[1]}, is 0 here: the ratio is undefined, so return null (not ${actual}, and never NaN)`;
  }
  if (actual !== null) {
    const p = value("precision", c);
    const r = value("recall", c);
    if (metric === "f1" && p !== null && r !== null && near(actual, (p + r) / 2)) {
      return `${actual} is the arithmetic mean of precision ${p} and recall ${r}, (p + r)/2: F1 is their harmonic mean, 2pr/(p + r) = ${formulas.f1} = ${num}/${den}`;
    }
    const swapped = metric === "precision" ? "recall" : metric === "recall" ? "precision" : null;
    const other = swapped && value(swapped, c);
    if (swapped && other !== null && other !== num / den && near(actual, other)) {
      return `${actual} is ${swapped}'s ratio, ${formulas[swapped]}: ${here}`;
    }
  }
  return `${here}: evaluate it on these four counts (0.5 is a positive prediction; a ratio whose denominator is 0 is null)`;
}

import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the prediction written as !(p < threshold): the same as p >= threshold for numbers, but a NaN probability is counted positive",
  step: 9,
  overrides: "confusionMatrix",
};

/** Counts at pᵢ ≥ threshold — BUG: tested as !(pᵢ < threshold), true for NaN. */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  const counts = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    if (!(probabilities[i] < threshold)) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

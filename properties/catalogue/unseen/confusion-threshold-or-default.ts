import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the default threshold written `threshold || 0.5`: a threshold of 0 (falsy) is replaced by 0.5",
  step: 9,
  overrides: "confusionMatrix",
};

/** Counts at pᵢ ≥ threshold — BUG: `threshold || 0.5` turns 0 into 0.5. */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold?: number,
): ConfusionMatrix {
  const t = threshold || 0.5;
  const counts = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    if (probabilities[i] >= t) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

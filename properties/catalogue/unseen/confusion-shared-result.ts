import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "one module-level counts object, reset and returned by every call: an earlier confusion matrix changes under its caller",
  step: 9,
  overrides: "confusionMatrix",
};

const counts: ConfusionMatrix = {
  truePositives: 0,
  falsePositives: 0,
  trueNegatives: 0,
  falseNegatives: 0,
};

/** Counts at pᵢ ≥ threshold — BUG: the same object every call. */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  counts.truePositives = counts.falsePositives = counts.trueNegatives = counts.falseNegatives = 0;
  for (let i = 0; i < y.length; i++) {
    if (probabilities[i] >= threshold) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

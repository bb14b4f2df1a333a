import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "confusionMatrix predicts positive only when p > 0.5, so a probability of exactly 0.5 is negative",
  step: 9,
  overrides: "confusionMatrix",
};

/** confusion_matrix(y, p >= 0.5) — BUG: p > 0.5. */
export function confusionMatrix(
  y: Float64Array,
  probabilities: Float64Array,
  threshold = 0.5,
): ConfusionMatrix {
  const counts = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < y.length; i++) {
    const predicted = probabilities[i] > threshold;
    if (predicted) counts[y[i] === 1 ? "truePositives" : "falsePositives"]++;
    else counts[y[i] === 1 ? "falseNegatives" : "trueNegatives"]++;
  }
  return counts;
}

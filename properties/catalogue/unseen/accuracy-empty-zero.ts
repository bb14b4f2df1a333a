import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "accuracy guarded against 0/0 with a 0: an empty confusion matrix scores 0 instead of NaN",
  step: 9,
  overrides: "accuracy",
};

/** (TP + TN) / m — BUG: 0 for m = 0. */
export function accuracy(c: ConfusionMatrix): number {
  const m = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
  return m === 0 ? 0 : (c.truePositives + c.trueNegatives) / m;
}

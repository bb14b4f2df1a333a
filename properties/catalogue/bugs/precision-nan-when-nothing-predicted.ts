import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "precision divides 0 by 0 and returns NaN when nothing is predicted positive, instead of null",
  step: 9,
  overrides: "precision",
};

/** precision_score: TP / (TP + FP) — BUG: no case for TP + FP = 0. */
export function precision(c: ConfusionMatrix): number | null {
  return c.truePositives / (c.truePositives + c.falsePositives);
}

import type { ConfusionMatrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { precision, recall } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "f1 is the arithmetic mean of precision and recall instead of their harmonic mean",
  step: 9,
  overrides: "f1",
};

/** f1_score — BUG: (precision + recall) / 2. */
export function f1(c: ConfusionMatrix): number | null {
  const p = precision(c);
  const r = recall(c);
  if (p === null || r === null) return null;
  return (p + r) / 2;
}

import log1pexp from "@stdlib/math-base-special-log1pexp";
import type { Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the cost's two terms paired with the wrong labels: y log(1 − σ) + (1 − y) log σ",
  step: 2,
  overrides: "computeCostVectorized",
};

/**
 * J(w, b) = mean(y log(1 + e^(−z)) + (1 − y) log(1 + e^z)), z = X w + b — BUG: the terms are
 * swapped, y log(1 + e^z) + (1 − y) log(1 + e^(−z)), which is the cost of the labels 1 − y.
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  return mean(z.map((zi, i) => y[i] * log1pexp(zi) + (1 - y[i]) * log1pexp(-zi)));
}

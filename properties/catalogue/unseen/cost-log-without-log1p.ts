import type { Matrix } from "../../../src/contract.js";
import { logits, mean } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loss from the logit as log(1 + e^(∓z)) with Math.log, not log1p: safe from overflow, but 1 + e^(−40) rounds to 1, so a small loss (4.2e-18) comes out 0",
  step: 2,
  overrides: "computeCostVectorized",
};

/** log(1 + eᵗ), overflow-safe for large t — BUG: Math.log(1 + …) instead of Math.log1p(…). */
function softplus(t: number): number {
  return t > 0 ? t + Math.log(1 + Math.exp(-t)) : Math.log(1 + Math.exp(t));
}

/** J(w, b) = mean(y log(1 + e^(−z)) + (1 − y) log(1 + e^z)) — BUG: softplus without log1p. */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  return mean(z.map((zi, i) => (y[i] === 1 ? softplus(-zi) : softplus(zi))));
}

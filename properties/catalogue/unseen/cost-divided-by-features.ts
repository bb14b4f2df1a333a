import type { Matrix } from "../../../src/contract.js";
import { logits, loss } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized cost divided by X.cols instead of X.rows (m read from the wrong dimension)",
  step: 2,
  overrides: "computeCostVectorized",
};

/** J(w, b) = (1/m) Σᵢ L(zᵢ, yᵢ) — BUG: divided by the number of features. */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += loss(z[i], y[i]) / X.cols;
  return sum;
}

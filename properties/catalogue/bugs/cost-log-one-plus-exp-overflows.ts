import type { Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { mean, predict } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loss as Math.log(1 + Math.exp(±z)), right on paper, but e^(±z) overflows: Infinity for |z| > 709.78 although the loss is finite",
  step: 2,
  overrides: "computeCost",
};

/**
 * J(w, b) = mean over i of yᵢ log(1 + e^(−zᵢ)) + (1 − yᵢ) log(1 + e^(zᵢ)) — BUG: log(1 + e^t) is
 * evaluated as written, so e^t = Infinity for t > 709.78 makes the loss Infinity, not ≈ t.
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const losses = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const z = predict(rowView(X, i), w, b);
    losses[i] = y[i] === 1 ? Math.log(1 + Math.exp(-z)) : Math.log(1 + Math.exp(z));
  }
  return mean(losses);
}

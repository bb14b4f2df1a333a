import type { Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { mean, predict, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the cost as −[y log σ + (1 − y) log(1 − σ)] with no guard: log(0) = −∞ and 0 · −∞ = NaN once σ rounds to 0 or 1",
  step: 2,
  overrides: "computeCost",
};

/**
 * J(w, b) = −(1/m) Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))] — BUG: evaluated as written, so
 * σ(z) = 1 (from z ≈ 37 on) gives log(0) = −∞, and for y = 1 the product 0 · −∞ is NaN.
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const losses = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const yPred = sigmoid(predict(rowView(X, i), w, b));
    losses[i] = -y[i] * Math.log(yPred) - (1 - y[i]) * Math.log(1 - yPred);
  }
  return mean(losses);
}

import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized db averages z − y (σ forgotten in the bias term only), while dw is right",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(Xw + b) − y, ∂J/∂w = (1/m) Xᵀe, ∂J/∂b = mean(e) — BUG: db from z − y. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const { rows: m, cols: n, data } = X;
  const z = logits(X, w, b);
  const error = z.map((zi, i) => sigmoid(zi) - y[i]);
  const dw = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) dw[j] += data[i * n + j] * error[i];
  }
  for (let j = 0; j < n; j++) dw[j] /= m;
  return { dw, db: mean(z.map((zi, i) => zi - y[i])) };
}

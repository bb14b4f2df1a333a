import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the article's clip np.clip(y_pred, 1e-15, 1 − 1e-15), copied from the cost into the vectorized gradient: a saturated error σ(z) − y of 4.2e-18 becomes 1e-15",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y) — BUG: σ clipped to [1e-15, 1 − 1e-15] first. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const { rows: m, cols: n, data } = X;
  const z = logits(X, w, b);
  const error = z.map((zi, i) => Math.min(Math.max(sigmoid(zi), 1e-15), 1 - 1e-15) - y[i]);
  const dw = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) dw[j] += data[i * n + j] * error[i];
  }
  for (let j = 0; j < n; j++) dw[j] /= m;
  return { dw, db: mean(error) };
}

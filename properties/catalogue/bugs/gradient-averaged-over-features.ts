import type { Gradients, Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "m taken from the wrong dimension (numpy: `n, m = X.shape`): the gradient divided by the feature count",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = (1/m) Σ e — BUG: m = X.cols, not X.rows. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.cols;
  const error = logits(X, w, b).map((zi, i) => sigmoid(zi) - y[i]);
  const dw = new Float64Array(X.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) dw[j] += X.data[i * X.cols + j] * error[i];
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: error.reduce((sum, e) => sum + e, 0) / m };
}

import type { Gradients, Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the error written y − ŷ instead of ŷ − y: the gradient's sign flips and descent climbs",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = mean(e) — BUG: e = y − σ(X w + b). */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const error = logits(X, w, b).map((zi, i) => y[i] - sigmoid(zi));
  const dw = new Float64Array(X.cols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < X.cols; j++) dw[j] += X.data[i * X.cols + j] * error[i];
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: mean(error) };
}

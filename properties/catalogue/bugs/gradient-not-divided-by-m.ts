import type { Gradients, Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the vectorized ∂J/∂w computed as Xᵀe, the / m forgotten",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = mean(e) — BUG: ∂J/∂w = Xᵀ e. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const error = logits(X, w, b).map((zi, i) => sigmoid(zi) - y[i]);
  const dw = new Float64Array(X.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) dw[j] += X.data[i * X.cols + j] * error[i];
  }
  return { dw, db: mean(error) };
}

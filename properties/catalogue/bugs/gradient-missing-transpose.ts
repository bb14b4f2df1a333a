import type { Gradients, Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the vectorized ∂J/∂w computed as X e instead of Xᵀ e (the transpose missing)",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/**
 * e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = mean(e) — BUG: ∂J/∂w = (1/m) X e, written
 * with the same row-times-vector helper as X w; it has m entries instead of n, and reads e
 * past its end when n > m.
 */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const error = logits(X, w, b).map((zi, i) => sigmoid(zi) - y[i]);
  const dw = logits(X, error, 0).map((sum) => sum / m);
  return { dw, db: mean(error) };
}

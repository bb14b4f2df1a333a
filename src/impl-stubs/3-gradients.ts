import type { Gradients, Matrix } from "../contract.js";

/**
 * Article step 3 — the gradients of the mean cost, one example at a time:
 *
 *     eᵢ = σ(w·xᵢ + b) − yᵢ
 *     ∂J/∂wⱼ = (1/m) Σᵢ eᵢ xᵢⱼ,    ∂J/∂b = (1/m) Σᵢ eᵢ
 *
 * Returns `{ dw, db }`: dw has one entry per feature (X.cols).
 */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  throw new Error("not implemented yet: computeGradients (article step 3)");
}

/**
 * Article step 3 — the same gradients, over whole arrays:
 *
 *     e = σ(X w + b) − y,    ∂J/∂w = (1/m) Xᵀ e,    ∂J/∂b = (1/m) Σᵢ eᵢ
 *
 * numpy: `dw = np.dot(X.T, (y_pred - y)) / m`. It must agree with `computeGradients` to rounding.
 */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  throw new Error("not implemented yet: computeGradientsVectorized (article step 3)");
}

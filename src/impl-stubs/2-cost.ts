import type { Matrix } from "../contract.js";

/**
 * Article step 2 — the mean binary cross-entropy, one example at a time:
 *
 *     J(w, b) = −(1/m) Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))],   zᵢ = w·xᵢ + b
 *
 * X has m = X.rows examples (rows) of X.cols features, stored row-major: `rowView(X, i)` from
 * ../matrix.js is row i without copying. It must hold for every logit, however large.
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  throw new Error("not implemented yet: computeCost (article step 2)");
}

/**
 * Article step 2 — the same mean binary cross-entropy, over whole arrays:
 *
 *     z = X w + b,    J(w, b) = −mean(y log σ(z) + (1 − y) log(1 − σ(z)))
 *
 * numpy: `z = np.dot(X, w) + b`. It must agree with `computeCost` to rounding.
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  throw new Error("not implemented yet: computeCostVectorized (article step 2)");
}

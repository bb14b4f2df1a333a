import type { Matrix } from "../contract.js";

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

import type { GradientDescentOptions, Matrix, Model } from "../contract.js";

/**
 * Article step 4 — batch gradient descent, `options.epochs` full-batch updates:
 *
 *     dw, db = gradients(X, y, w, b)        (options.gradientFunction, default: the vectorized one)
 *     w ← w − α dw,    b ← b − α db         (α = options.alpha)
 *     append J(w, b) to options.costHistory, when one is given
 *
 * Returns the trained `{ w, b }`. Unlike the article's `w -= alpha * dw`, it must not change
 * the caller's w.
 */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  throw new Error("not implemented yet: gradientDescent (article step 4)");
}

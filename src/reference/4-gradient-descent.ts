import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { computeCostVectorized } from "./2-cost.js";
import { computeGradientsVectorized } from "./3-gradients.js";

/**
 * Article step 4 — batch gradient descent, `epochs` full-batch updates:
 *
 *     w ← w − α ∂J/∂w,    b ← b − α ∂J/∂b
 *
 * Both gradients are taken at the same (w, b) before either is updated. After each update the
 * cost J(w, b) is appended to `costHistory` when one is given (as the article records it).
 * Works on a copy: the caller's `w` is never modified (the article's `w -= alpha * dw` would).
 */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  const { alpha, epochs, gradientFunction = computeGradientsVectorized, costHistory } = options;
  const weights = Float64Array.from(w);
  let bias = b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

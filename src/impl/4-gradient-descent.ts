import type { GradientDescentOptions, Matrix, Model } from "../contract.js";
import { computeCostVectorized } from "./2-cost.js";
import { computeGradientsVectorized } from "./3-gradients.js";

/**
 * Article step 4 — batch gradient descent:
 *
 *     repeat epochs times:
 *       dw, db = gradients(X, y, w, b)
 *       w = w − α dw
 *       b = b − α db
 *       record cost(X, y, w, b)
 *
 * The article writes `w -= alpha * dw`, which changes the caller's numpy array in place. Here
 * the weights are copied first, so the caller's array is left as it was.
 */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  const gradientFunction = options.gradientFunction ?? computeGradientsVectorized;
  let weights = Float64Array.from(w);
  let bias = b;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, weights, bias);
    weights = weights.map((wj, j) => wj - options.alpha * dw[j]);
    bias = bias - options.alpha * db;
    options.costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "options.gradientFunction ignored: every update uses the vectorized gradient, so asking for the loop changes nothing",
  step: 4,
  overrides: "gradientDescent",
};

/**
 * Batch gradient descent: epochs × (w ← w − α ∂J/∂w, b ← b − α ∂J/∂b, record J(w, b)), the
 * gradients from `options.gradientFunction` (default: the vectorized one) — BUG: always calls
 * computeGradientsVectorized, whatever the caller asked for.
 */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  const { alpha, epochs, costHistory } = options;
  const weights = Float64Array.from(w);
  let bias = b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = computeGradientsVectorized(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

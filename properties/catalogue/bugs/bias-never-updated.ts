import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the update loop changes w but never b (the bias stays where it started)",
  step: 4,
  overrides: "gradientDescent",
};

/**
 * Batch gradient descent: epochs × (w ← w − α ∂J/∂w, b ← b − α ∂J/∂b, record J(w, b)), both
 * gradients taken at the same (w, b), on a copy of w — BUG: b is never updated.
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
  const bias = b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

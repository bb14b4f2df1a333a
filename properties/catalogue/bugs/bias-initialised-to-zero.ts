import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the bias initialised to 0 inside gradientDescent (as the article does before calling it): the caller's b is ignored",
  step: 4,
  overrides: "gradientDescent",
};

/**
 * Batch gradient descent: epochs × (w ← w − α ∂J/∂w, b ← b − α ∂J/∂b, record J(w, b)), both
 * gradients taken at the same (w, b), on a copy of w — BUG: starts from b = 0, ignoring the b passed in.
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
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

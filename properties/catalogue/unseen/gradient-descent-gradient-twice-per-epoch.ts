import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "two gradient calls per epoch, one for dw and one for db (both at the same point, so the model is right): twice the work, and a given gradientFunction is called 2 × epochs times",
  step: 4,
  overrides: "gradientDescent",
};

/** Batch gradient descent — BUG: gradientFunction called twice per epoch. */
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
    const { dw } = gradientFunction(X, y, weights, bias);
    const { db } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

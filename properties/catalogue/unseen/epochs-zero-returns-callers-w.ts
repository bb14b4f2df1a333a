import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    'with epochs = 0 gradientDescent returns the caller\'s own w array ("nothing to do"), so the model aliases the argument',
  step: 4,
  overrides: "gradientDescent",
};

export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  const { alpha, epochs, gradientFunction = computeGradientsVectorized, costHistory } = options;
  if (epochs === 0) return { w, b };
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

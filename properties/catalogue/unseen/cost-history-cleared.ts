import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "gradientDescent empties options.costHistory before filling it (costHistory.length = 0): the caller's earlier entries are lost",
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
  const weights = Float64Array.from(w);
  let bias = b;
  if (costHistory) costHistory.length = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

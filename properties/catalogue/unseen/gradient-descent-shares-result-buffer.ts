import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "gradientDescent trains in one module-level weights buffer and returns it: the next call overwrites the previous model",
  step: 4,
  overrides: "gradientDescent",
};

let weights = new Float64Array(0);

export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  const { alpha, epochs, gradientFunction = computeGradientsVectorized, costHistory } = options;
  if (weights.length !== w.length) weights = new Float64Array(w.length);
  weights.set(w);
  let bias = b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, weights, bias);
    for (let j = 0; j < weights.length; j++) weights[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, weights, bias));
  }
  return { w: weights, b: bias };
}

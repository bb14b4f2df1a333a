import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { computeCostVectorized, computeGradientsVectorized } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the article's `w -= alpha * dw` on the caller's w, then a copy returned: the result is fresh, but the caller's w has moved",
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
  let bias = b;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { dw, db } = gradientFunction(X, y, w, bias);
    for (let j = 0; j < w.length; j++) w[j] -= alpha * dw[j];
    bias -= alpha * db;
    costHistory?.push(computeCostVectorized(X, y, w, bias));
  }
  return { w: Float64Array.from(w), b: bias };
}

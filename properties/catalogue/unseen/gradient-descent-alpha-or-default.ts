import type { GradientDescentOptions, Matrix, Model } from "../../../src/contract.js";
import { gradientDescent as referenceDescent } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "a default learning rate written `alpha || 0.1`: α = 0 (falsy) is replaced by 0.1",
  step: 4,
  overrides: "gradientDescent",
};

/** Batch gradient descent — BUG: α = 0 becomes 0.1. */
export function gradientDescent(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  options: GradientDescentOptions,
): Model {
  return referenceDescent(X, y, w, b, { ...options, alpha: options.alpha || 0.1 });
}

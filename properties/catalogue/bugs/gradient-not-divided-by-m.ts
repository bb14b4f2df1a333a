import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, map, transposeTimes } from "../../../src/reference/linalg.js";
import { mean } from "../../../src/reference/mean.js";
import { sigmoid } from "../../../src/reference/sigmoid.js";
import type { CatalogueBug } from "../bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the vectorized ∂J/∂w computed as Xᵀe, the / m forgotten",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = mean(e) — BUG: ∂J/∂w = Xᵀ e. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const error = map(logits(X, w, b), (zi, i) => sigmoid(zi) - y[i]);
  return { dw: transposeTimes(X, error), db: mean(error) };
}

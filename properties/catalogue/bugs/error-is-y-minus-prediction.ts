import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, map, transposeTimes } from "../../../src/reference/linalg.js";
import { mean } from "../../../src/reference/mean.js";
import { sigmoid } from "../../../src/reference/sigmoid.js";
import type { CatalogueBug } from "../bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the error written y − ŷ instead of ŷ − y: the gradient's sign flips and descent climbs",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** e = σ(X w + b) − y, ∂J/∂w = (1/m) Xᵀ e, ∂J/∂b = mean(e) — BUG: e = y − σ(X w + b). */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const error = map(logits(X, w, b), (zi, i) => y[i] - sigmoid(zi));
  const dw = map(transposeTimes(X, error), (sum) => sum / m);
  return { dw, db: mean(error) };
}

import type { Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the article's clipped cost: σ clipped to [1e-15, 1 − 1e-15] makes the cost flat past |z| ≈ 34.5, where the gradient is not",
  step: 2,
  overrides: "computeCostVectorized",
};

/**
 * J(w, b) = −mean(y log ŷ + (1 − y) log(1 − ŷ)) with ŷ = clip(σ(X w + b), 1e-15, 1 − 1e-15), as
 * the article writes it — BUG: the clip caps every loss at −log(1e-15) ≈ 34.5 and freezes it
 * once |z| > 34.5, so the cost no longer matches its gradient there.
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const epsilon = 1e-15;
  const yPred = logits(X, w, b).map((z) => Math.min(Math.max(sigmoid(z), epsilon), 1 - epsilon));
  return -mean(yPred.map((p, i) => y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)));
}

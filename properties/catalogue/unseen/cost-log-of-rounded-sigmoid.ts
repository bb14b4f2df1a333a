import type { Matrix } from "../../../src/contract.js";
import { logits, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loss as −log of the probability of the label, from a rounded σ: −log(1 − σ(z)) is −log 0 = Infinity once σ(z) rounds to 1 (z ≳ 36.7)",
  step: 2,
  overrides: "computeCostVectorized",
};

/** J(w, b) = −mean(log p(yᵢ)) — BUG: p taken from σ(z) rounded to a double. */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const s = sigmoid(z[i]);
    sum += -Math.log(y[i] === 1 ? s : 1 - s);
  }
  return sum / z.length;
}

import type { Matrix } from "../../../src/contract.js";
import { logits, loss } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized cost keeps its losses in a Float32Array (a memory-saving port): every loss rounded to 7 digits",
  step: 2,
  overrides: "computeCostVectorized",
};

/** J(w, b) = mean(L(Xw + b, y)) — BUG: the losses stored as float32. */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  const losses = new Float32Array(z.length);
  for (let i = 0; i < z.length; i++) losses[i] = loss(z[i], y[i]);
  let sum = 0;
  for (let i = 0; i < losses.length; i++) sum += losses[i] / losses.length;
  return sum;
}

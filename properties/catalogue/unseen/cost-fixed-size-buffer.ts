import type { Matrix } from "../../../src/contract.js";
import { logits, loss, mean } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the losses kept in a scratch buffer of 128 entries (enough for every example tried): past 128 rows the extra losses are dropped and the mean is of the first 128",
  step: 2,
  overrides: "computeCostVectorized",
};

const scratch = new Float64Array(128);

/** J(w, b) = mean(L(Xw + b, y)) — BUG: at most 128 losses fit in the buffer. */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  for (let i = 0; i < z.length; i++) scratch[i] = loss(z[i], y[i]);
  return mean(scratch.subarray(0, z.length));
}

import type { Matrix } from "../../../src/contract.js";
import { logits, loss, mean } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized cost memoised by the identity of X and w: changing w in place returns the stale cost",
  step: 2,
  overrides: "computeCostVectorized",
};

const cache = new WeakMap<Matrix, WeakMap<Float64Array, number>>();

/** J(w, b) = mean(L(Xw + b, y)) — BUG: cached by X and w themselves (not their values, nor b or y). */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  let byW = cache.get(X);
  if (!byW) cache.set(X, (byW = new WeakMap()));
  const hit = byW.get(w);
  if (hit !== undefined) return hit;
  const z = logits(X, w, b);
  const cost = mean(z.map((zi, i) => loss(zi, y[i])));
  byW.set(w, cost);
  return cost;
}

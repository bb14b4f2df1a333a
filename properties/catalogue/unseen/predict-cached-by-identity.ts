import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the logit memoised by the identity of x and w (a WeakMap): a w changed in place returns the stale logit",
  step: 1,
  overrides: "predict",
};

const cache = new WeakMap<Float64Array, WeakMap<Float64Array, Map<number, number>>>();

/** z = w·x + b — BUG: cached by the arrays' identity, so in-place changes are not seen. */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  let byW = cache.get(x);
  if (!byW) cache.set(x, (byW = new WeakMap()));
  let byB = byW.get(w);
  if (!byB) byW.set(w, (byB = new Map()));
  const hit = byB.get(b);
  if (hit !== undefined) return hit;
  let z = b;
  for (let j = 0; j < w.length; j++) z += w[j] * x[j];
  byB.set(b, z);
  return z;
}

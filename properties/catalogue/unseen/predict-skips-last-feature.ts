import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the logit's loop runs j < w.length − 1: the last feature never enters z",
  step: 1,
  overrides: "predict",
};

/** z = w·x + b — BUG: the loop stops one feature short. */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  let z = b;
  for (let j = 0; j < w.length - 1; j++) z += w[j] * x[j];
  return z;
}

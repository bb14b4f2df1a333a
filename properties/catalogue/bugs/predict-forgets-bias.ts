import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the logit of one example computed as w·x, the bias b forgotten",
  step: 1,
  overrides: "predict",
};

/** z = w·x + b — BUG: returns w·x without b. */
export function predict(x: Float64Array, w: Float64Array, _b: number): number {
  let z = 0;
  for (let j = 0; j < w.length; j++) z += w[j] * x[j];
  return z;
}

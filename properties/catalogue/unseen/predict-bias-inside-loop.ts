import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the bias added inside the feature loop: z = Σⱼ (wⱼ xⱼ + b), b counted n times",
  step: 1,
  overrides: "predict",
};

/** z = w·x + b — BUG: b added once per feature. */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  let z = 0;
  for (let j = 0; j < w.length; j++) z += w[j] * x[j] + b;
  return z;
}

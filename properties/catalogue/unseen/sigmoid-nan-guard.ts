import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "a guard for non-finite z in σ: `if (!Number.isFinite(z)) return z > 0 ? 1 : 0` turns a NaN logit into 0",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = 1 / (1 + e^(−z)) — BUG: NaN (not > 0) is answered 0 instead of NaN. */
export function sigmoid(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

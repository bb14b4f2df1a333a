import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "σ cut off for speed: exactly 1 for z > 20 and 0 for z < −20, although σ(20) = 1 − 2.1e-9",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = 1 / (1 + e^(−z)) — BUG: saturated early, at |z| > 20. */
export function sigmoid(z: number): number {
  if (z > 20) return 1;
  if (z < -20) return 0;
  return 1 / (1 + Math.exp(-z));
}

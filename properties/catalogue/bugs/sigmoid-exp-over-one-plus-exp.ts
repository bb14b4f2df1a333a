import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "σ written as e^z / (1 + e^z): equal on paper, but ∞/∞ = NaN once e^z overflows (z > 709.78)",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = e^z / (1 + e^z) — BUG: NaN for z > 709.78, where Math.exp(z) is Infinity. */
export function sigmoid(z: number): number {
  const ez = Math.exp(z);
  return ez / (1 + ez);
}

import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "σ written as 1 / (1 + e^z), the minus sign of e^(−z) dropped: σ becomes 1 − σ",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = 1 / (1 + e^(−z)) — BUG: written with e^(+z), which is σ(−z) = 1 − σ(z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(z));
}

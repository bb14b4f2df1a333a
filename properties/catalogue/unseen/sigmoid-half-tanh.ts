import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "σ written as ½(1 + tanh(z/2)): equal on paper and never overflows, but 1 + tanh(z/2) cancels for z ≪ 0: σ(−40) comes out 0 instead of 4.2e-18",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = ½(1 + tanh(z/2)) — BUG: loses every tiny σ(z) to the cancellation 1 + (−1 + ε). */
export function sigmoid(z: number): number {
  return 0.5 * (1 + Math.tanh(z / 2));
}

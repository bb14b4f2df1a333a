import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "σ computed through a Float32Array (as a GPU or WebGL port would): about 7 significant digits",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = 1 / (1 + e^(−z)) — BUG: rounded to float32. */
export function sigmoid(z: number): number {
  if (z >= 0) return Math.fround(1 / (1 + Math.exp(-z)));
  const e = Math.exp(z);
  return Math.fround(e / (1 + e));
}

import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the article's clip moved into σ: σ clamped to [1e-15, 1 − 1e-15], so σ(±∞) is never 0 or 1",
  step: 1,
  overrides: "sigmoid",
};

/** σ(z) = 1 / (1 + e^(−z)) — BUG: clamped to [1e-15, 1 − 1e-15]. */
export function sigmoid(z: number): number {
  const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  return Math.min(1 - 1e-15, Math.max(1e-15, s));
}

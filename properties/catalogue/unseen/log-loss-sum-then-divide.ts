import { loss } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "log-loss as Σ Lᵢ / m: each loss is right, but the sum of losses near 1e308 overflows to Infinity before the division",
  step: 9,
  overrides: "logLoss",
};

/** (1/m) Σᵢ L(zᵢ, yᵢ) — BUG: summed first, divided last. */
export function logLoss(y: Float64Array, logits: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += loss(logits[i], y[i]);
  return sum / logits.length;
}

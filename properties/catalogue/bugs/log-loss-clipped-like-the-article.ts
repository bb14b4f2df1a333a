import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { sigmoid } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "logLoss clips σ(z) to [1e-15, 1 − 1e-15] as the article's cost does, so saturated logits lose their loss",
  step: 9,
  overrides: "logLoss",
};

/** log_loss(y, σ(z)) — BUG: σ(z) clipped before the log. */
export function logLoss(y: Float64Array, logits: Float64Array): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(logits[i])));
    total += -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
  }
  return total / y.length;
}

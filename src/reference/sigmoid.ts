import expit from "@stdlib/math-base-special-expit";

/**
 * Article step 1 — the logistic function:
 *
 *     σ(z) = 1 / (1 + e^(−z))
 *
 * Delegated to @stdlib's `expit`, which never forms e^(−z) where it would overflow, so σ is
 * finite and in [0, 1] for every double, ±Infinity included (σ(±∞) = 1 or 0; σ(NaN) = NaN).
 */
export function sigmoid(z: number): number {
  return expit(z);
}

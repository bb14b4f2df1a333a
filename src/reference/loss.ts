import log1pexp from "@stdlib/math-base-special-log1pexp";

/**
 * Article step 2 — the binary cross-entropy of one example, written in terms of its logit z:
 *
 *     L(z, y) = −[y log σ(z) + (1 − y) log(1 − σ(z))]
 *             = y log(1 + e^(−z)) + (1 − y) log(1 + e^(z))
 *
 * using −log σ(z) = log(1 + e^(−z)) and −log(1 − σ(z)) = log(1 + e^(z)). `log1pexp` evaluates
 * log(1 + eᵗ) without overflow, so L is exact to a few ulps for every finite z, with no clipping
 * (and no kink where a clip would start). Branching on y keeps the unused term out: for y = 1
 * and z = +∞ the loss is 0, not 0 · ∞ = NaN. Labels other than 0 and 1 use the general formula.
 */
export function loss(z: number, y: number): number {
  if (y === 1) return log1pexp(-z);
  if (y === 0) return log1pexp(z);
  return y * log1pexp(-z) + (1 - y) * log1pexp(z);
}

import { gamma } from "../../src/numerics/rounding.js";

/**
 * When can a logit z = w·x + b overflow, and when can it become NaN?
 *
 * Even for finite x, w and b, float64 can make z infinite (a product or a partial sum passes
 * ±1.8e308) or NaN (one partial sum reaches +∞ and another −∞: ∞ − ∞). Which one happens can
 * depend on the summation order, and implementations add in different orders (the loop version
 * through `predict`, the vectorized one through its own dot product). So the suite states its
 * premises for every order at once, from the positive part P = Σ max(tⱼ, 0) and the negative
 * part N = Σ max(−tⱼ, 0) of the summands t = (w₁x₁, …, wₙxₙ, b): a partial sum in any order
 * is at most P·(1 + γₙ₊₁) above zero and N·(1 + γₙ₊₁) below it.
 */

/** The largest part that, grown by its rounding in any order, still stays below Number.MAX_VALUE. */
function safeLimit(terms: number): number {
  return Number.MAX_VALUE / (1 + gamma(terms)) ** 2;
}

function summandParts(x: Float64Array, w: Float64Array, b: number) {
  let positive = Math.max(b, 0);
  let negative = Math.max(-b, 0);
  for (let j = 0; j < w.length; j++) {
    const t = w[j] * x[j];
    if (t > 0) positive += t;
    else negative -= t;
  }
  return { positive, negative, limit: safeLimit(w.length + 1) };
}

/** True when w·x + b is finite in every summation order (neither part can overflow). */
export function logitIsFiniteInEveryOrder(x: Float64Array, w: Float64Array, b: number): boolean {
  const { positive, negative, limit } = summandParts(x, w, b);
  return positive <= limit && negative <= limit;
}

/**
 * True when w·x + b cannot be NaN in any summation order: at most one of its parts can
 * overflow, so it may be ±∞ but never ∞ − ∞.
 */
export function logitCannotBeNaN(x: Float64Array, w: Float64Array, b: number): boolean {
  const { positive, negative, limit } = summandParts(x, w, b);
  return positive <= limit || negative <= limit;
}

import fc from "fast-check";
import { UNIT_ROUNDOFF } from "../../src/numerics/rounding.js";
import type { Dataset } from "./arbitraries.js";
import { finiteValue } from "./arbitraries.js";
import type { Tolerance } from "./expectations.js";

/**
 * The tail-accuracy policy (docs/learners.md, "Tail accuracy"): σ(z), the loss of one example
 * and a saturated gradient are each checked within a few ulps *relative* to the exact value,
 * wherever that value is a normal number; an absolute floor applies only where the exact value
 * is below the smallest normal, 2⁻¹⁰²² ≈ 2.2e-308, where float64 itself has no relative precision.
 */

/** The smallest normal double, 2⁻¹⁰²² ≈ 2.2250738585072014e-308. */
export const MIN_NORMAL = 2 ** -1022;

/**
 * |actual − exact| ≤ k·u·|exact| where |exact| is normal, ≤ 2⁻¹⁰²² (the smallest normal) below:
 * `k` units of roundoff (k/2 to k ulps), and `why` says where they come from.
 */
export function relativeTolerance(exact: number, k: number, why: string): Tolerance {
  if (Math.abs(exact) >= MIN_NORMAL) {
    return { bound: k * UNIT_ROUNDOFF * Math.abs(exact), reason: `${k}u relative: ${why}` };
  }
  return {
    bound: MIN_NORMAL,
    reason: "the exact value is below the smallest normal 2.2e-308: an absolute floor of 2.2e-308",
  };
}

/**
 * Logits where the tails live: the middle range densely, saturation (|z| ≈ 15…40), the far
 * negative tail down to where σ(z) leaves the normal numbers (z ≈ −708.4) and past it, large
 * positive logits, and every finite double.
 */
export const tailLogit: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: -40, max: 40, noNaN: true }),
  fc.integer({ min: -60, max: 60 }),
  fc.double({ min: -750, max: -15, noNaN: true }),
  fc.double({ min: 15, max: 800, noNaN: true }),
  fc.constantFrom(-708.39, -708.4, -709.78, -745, -40, -36.7, 36.7, 40, 709.78),
  finiteValue,
);

/**
 * One example whose logit w·x + b is exactly `z` in every summation order (every product and
 * partial sum is exact): x = 1 and w = z, or x = z and w = 1, or x = 0 and b = z, or a second
 * feature that is 0. So a one-row cost or gradient can be held to the tail policy: nothing but
 * the loss (or σ) itself is rounded.
 */
export function exactLogitRow(): fc.Arbitrary<Dataset & { z: number }> {
  return fc
    .record({ z: tailLogit, y: fc.constantFrom(0, 1), shape: fc.integer({ min: 0, max: 3 }) })
    .map(({ z, y, shape }) => {
      const [x, w, b] = [
        [[1], [z], 0],
        [[z], [1], 0],
        [[0], [5], z],
        [[1, 0], [z, -3], 0],
      ][shape] as [number[], number[], number];
      return {
        X: { rows: 1, cols: x.length, data: Float64Array.from(x) },
        y: Float64Array.of(y),
        w: Float64Array.from(w),
        b,
        z,
      };
    });
}

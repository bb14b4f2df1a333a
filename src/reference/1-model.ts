import expit from "@stdlib/math-base-special-expit";
import type { Matrix } from "../contract.js";

/**
 * Article step 1 — the model: a logit z = w·x + b squashed by the logistic function σ.
 */

/**
 * The logit of one example:
 *
 *     z = w·x + b = Σⱼ wⱼ xⱼ + b
 *
 * `x` and `w` must have the same length.
 */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  let z = b;
  for (let j = 0; j < w.length; j++) z += w[j] * x[j];
  return z;
}

/**
 * The logistic function:
 *
 *     σ(z) = 1 / (1 + e^(−z))
 *
 * Delegated to @stdlib's `expit`, which returns NaN for NaN and otherwise computes exactly that
 * formula, 1 / (1 + exp(−z)), with stdlib's `exp`. For z < −709.78… (−ln of the largest double)
 * e^(−z) overflows to +Infinity and the quotient is exactly 0; the true σ(z) ≈ e^z there is below
 * 5.6e-309 (subnormal, or 0 past z ≈ −745.13), so the absolute error is under 5.6e-309 and σ stays
 * in [0, 1] and monotone. For every double σ is in [0, 1]: σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
 */
export function sigmoid(z: number): number {
  return expit(z);
}

/**
 * The logits of every row at once, each summed in {@link predict}'s order:
 *
 *     z = X w + b        (numpy: `np.dot(X, w) + b`)
 */
export function logits(X: Matrix, w: Float64Array, b: number): Float64Array {
  const { rows, cols, data } = X;
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let zi = b;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) zi += data[offset + j] * w[j];
    z[i] = zi;
  }
  return z;
}

import type { Matrix } from "../contract.js";

/**
 * Article step 1 — the linear part of the model for one example:
 *
 *     z = w·x + b
 *
 * numpy: `np.dot(x, w) + b`
 */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  let z = 0;
  for (let j = 0; j < w.length; j++) {
    z += x[j] * w[j];
  }
  return z + b;
}

/**
 * Article step 1 — the sigmoid:
 *
 *     σ(z) = 1 / (1 + e^(−z))
 *
 * numpy: `1 / (1 + np.exp(-z))`
 *
 * Written this way round on purpose. The other common form, e^z / (1 + e^z), is the same
 * function on paper but gives ∞/∞ = NaN for z > 709 (where e^z overflows). Here a large
 * negative z makes e^(−z) = ∞ and 1/∞ = 0, which is the right limit.
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The logits of every example at once:
 *
 *     z = X w + b
 *
 * numpy: `np.dot(X, w) + b`
 */
export function logits(X: Matrix, w: Float64Array, b: number): Float64Array {
  const { rows, cols, data } = X;
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      sum += data[i * cols + j] * w[j];
    }
    z[i] = sum + b;
  }
  return z;
}

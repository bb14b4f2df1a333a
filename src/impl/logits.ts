import type { Matrix } from "../contract.js";

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

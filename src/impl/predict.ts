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

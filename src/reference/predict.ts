/**
 * Article step 1 — the linear part of the model, for one example:
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

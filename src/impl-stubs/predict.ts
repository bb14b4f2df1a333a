/**
 * Article step 1 — the linear part of the model for one example:
 *
 *     z = w·x + b = Σⱼ wⱼ xⱼ + b
 *
 * numpy: `np.dot(x, w) + b`
 */
export function predict(x: Float64Array, w: Float64Array, b: number): number {
  throw new Error("not implemented yet: predict (article step 1)");
}

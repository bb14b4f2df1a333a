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

/**
 * Article step 1 — the sigmoid:
 *
 *     σ(z) = 1 / (1 + e^(−z))
 *
 * numpy: `1 / (1 + np.exp(-z))`. It must hold for every double z, ±Infinity included.
 */
export function sigmoid(z: number): number {
  throw new Error("not implemented yet: sigmoid (article step 1)");
}

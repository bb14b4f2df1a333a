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

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

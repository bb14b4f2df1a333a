import type { Matrix } from "../contract.js";
import { logits, map } from "./linalg.js";
import { loss } from "./loss.js";
import { mean } from "./mean.js";

/**
 * Article step 2 — the mean binary cross-entropy, over whole arrays:
 *
 *     z = X w + b,    J(w, b) = mean(L(z, y))
 *
 * where L is the per-example {@link loss} applied elementwise.
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  return mean(map(z, (zi, i) => loss(zi, y[i])));
}

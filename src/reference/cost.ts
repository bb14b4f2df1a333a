import type { Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { loss } from "./loss.js";
import { mean } from "./mean.js";
import { predict } from "./predict.js";

/**
 * Article step 2 — the mean binary cross-entropy, one example at a time:
 *
 *     J(w, b) = (1/m) Σᵢ L(w·xᵢ + b, yᵢ)
 *
 * where L is the per-example {@link loss}.
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const losses = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    losses[i] = loss(predict(rowView(X, i), w, b), y[i]);
  }
  return mean(losses);
}

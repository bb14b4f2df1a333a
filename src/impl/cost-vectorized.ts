import type { Matrix } from "../contract.js";
import { logits } from "./logits.js";
import { softplus } from "./softplus.js";

/**
 * Article step 2 — binary cross-entropy over whole arrays:
 *
 *     z = X w + b,    J = mean(y · softplus(−z) + (1 − y) · softplus(z))
 *
 * numpy (article): `-np.mean(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred))` with
 * y_pred = clip(σ(z), 1e-15, 1 − 1e-15). See cost.ts for why the loss is computed from z and
 * why only the term the label selects is evaluated.
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const m = X.rows;
  const z = logits(X, w, b);
  let cost = 0;
  for (let i = 0; i < m; i++) {
    const loss = y[i] === 1 ? softplus(-z[i]) : softplus(z[i]);
    cost += loss / m;
  }
  return cost;
}

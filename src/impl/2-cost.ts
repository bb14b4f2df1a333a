import type { Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { logits, predict } from "./1-model.js";

/**
 * softplus(t) = log(1 + e^t), the building block of the cost:
 *
 *     −log σ(z) = softplus(−z),    −log(1 − σ(z)) = softplus(z)
 *
 * For t > 0 it uses log(1 + e^t) = t + log(1 + e^(−t)) so that e^t is never formed where it
 * would overflow; Math.log1p keeps log(1 + tiny) accurate.
 */
export function softplus(t: number): number {
  if (t > 0) {
    return t + Math.log1p(Math.exp(-t));
  }
  return Math.log1p(Math.exp(t));
}

/**
 * Article step 2 — binary cross-entropy, one example at a time:
 *
 *     J(w, b) = −(1/m) Σᵢ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))],   zᵢ = w·xᵢ + b
 *
 * The article computes σ(z), clips it to [1e-15, 1 − 1e-15] and takes the log. That clip makes
 * the cost flat once |z| > 34.5 while the true cost (and the gradient) keeps changing, so a
 * finite-difference check fails there. Instead each term is computed from z directly:
 * −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z). Only the term the label selects is
 * computed, so y = 1 with z = +∞ gives 0 rather than 0 · ∞ = NaN. Each loss is divided by m
 * before it is added, so the sum cannot overflow when every loss is finite.
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const m = X.rows;
  let cost = 0;
  for (let i = 0; i < m; i++) {
    const z = predict(rowView(X, i), w, b);
    const loss = y[i] === 1 ? softplus(-z) : softplus(z);
    cost += loss / m;
  }
  return cost;
}

/**
 * Article step 2 — binary cross-entropy over whole arrays:
 *
 *     z = X w + b,    J = mean(y · softplus(−z) + (1 − y) · softplus(z))
 *
 * numpy (article): `-np.mean(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred))` with
 * y_pred = clip(σ(z), 1e-15, 1 − 1e-15). See computeCost for why the loss is computed from z and
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

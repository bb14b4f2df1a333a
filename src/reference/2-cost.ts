import log1pexp from "@stdlib/math-base-special-log1pexp";
import type { Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { logits, predict } from "./1-model.js";

/**
 * Article step 2 — the binary cross-entropy cost, the mean of one loss per example.
 */

/**
 * The binary cross-entropy of one example, written in terms of its logit z:
 *
 *     L(z, y) = −[y log σ(z) + (1 − y) log(1 − σ(z))]
 *             = y log(1 + e^(−z)) + (1 − y) log(1 + e^(z))
 *
 * using −log σ(z) = log(1 + e^(−z)) and −log(1 − σ(z)) = log(1 + e^(z)). `log1pexp` evaluates
 * log(1 + eᵗ) without overflow, so L is exact to a few ulps for every finite z, with no clipping
 * (and no kink where a clip would start). Branching on y keeps the unused term out: for y = 1
 * and z = +∞ the loss is 0, not 0 · ∞ = NaN. Labels other than 0 and 1 use the general formula.
 */
export function loss(z: number, y: number): number {
  if (y === 1) return log1pexp(-z);
  if (y === 0) return log1pexp(z);
  return y * log1pexp(-z) + (1 - y) * log1pexp(z);
}

/**
 * The mean of `values`:
 *
 *     mean(v) = (1/m) Σᵢ vᵢ
 *
 * summed plainly, and, if that sum overflows although every vᵢ is finite, summed again as
 * Σᵢ (vᵢ/m), whose partial sums are bounded by maxᵢ |vᵢ| and so cannot overflow. An empty
 * array has mean NaN (0/0), as in numpy.
 */
export function mean(values: Float64Array): number {
  const m = values.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += values[i];
  if (Number.isFinite(sum) || !values.every(Number.isFinite)) return sum / m;
  let scaled = 0;
  for (let i = 0; i < m; i++) scaled += values[i] / m;
  return scaled;
}

/**
 * The mean cost, one example at a time:
 *
 *     J(w, b) = (1/m) Σᵢ L(w·xᵢ + b, yᵢ)
 */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const losses = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    losses[i] = loss(predict(rowView(X, i), w, b), y[i]);
  }
  return mean(losses);
}

/**
 * The mean cost over whole arrays:
 *
 *     z = X w + b,    J(w, b) = mean(L(z, y))
 *
 * with L applied elementwise (numpy: `np.mean(...)` over the vector of losses).
 */
export function computeCostVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): number {
  const z = logits(X, w, b);
  const losses = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) losses[i] = loss(z[i], y[i]);
  return mean(losses);
}

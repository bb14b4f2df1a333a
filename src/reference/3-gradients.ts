import type { Gradients, Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { logits, predict, sigmoid } from "./1-model.js";
import { mean } from "./2-cost.js";

/**
 * Article step 3 — the gradients of the mean cost. With the error eᵢ = σ(w·xᵢ + b) − yᵢ:
 *
 *     ∂J/∂wⱼ = (1/m) Σᵢ eᵢ xᵢⱼ,    ∂J/∂b = (1/m) Σᵢ eᵢ
 */

/** The gradients, one example at a time: each eᵢ xᵢ added to dw and eᵢ to db, then / m. */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const dw = new Float64Array(X.cols);
  let db = 0;
  for (let i = 0; i < m; i++) {
    const xi = rowView(X, i);
    const error = sigmoid(predict(xi, w, b)) - y[i];
    for (let j = 0; j < X.cols; j++) dw[j] += error * xi[j];
    db += error;
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: db / m };
}

/**
 * The gradients over whole arrays:
 *
 *     e = σ(X w + b) − y,    ∂J/∂w = (1/m) Xᵀ e,    ∂J/∂b = mean(e)
 *
 * numpy: `dw = np.dot(X.T, y_pred - y) / m`, `db = np.mean(y_pred - y)`. Xᵀ e is accumulated
 * row by row (X is row-major), so each dwⱼ sums its terms in the same order as the loop.
 */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const { rows: m, cols: n, data } = X;
  const z = logits(X, w, b);
  const error = new Float64Array(m);
  for (let i = 0; i < m; i++) error[i] = sigmoid(z[i]) - y[i];
  const dw = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) dw[j] += data[i * n + j] * error[i];
  }
  for (let j = 0; j < n; j++) dw[j] /= m;
  return { dw, db: mean(error) };
}

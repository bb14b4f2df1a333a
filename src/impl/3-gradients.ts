import type { Gradients, Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { logits, predict, sigmoid } from "./1-model.js";

/**
 * Article step 3 — gradients of the cost, one example at a time:
 *
 *     error = σ(w·xᵢ + b) − yᵢ
 *     dw += error · xᵢ,   db += error,   then dw /= m, db /= m
 */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const n = X.cols;
  const dw = new Float64Array(n);
  let db = 0;
  for (let i = 0; i < m; i++) {
    const xi = rowView(X, i);
    const error = sigmoid(predict(xi, w, b)) - y[i];
    for (let j = 0; j < n; j++) {
      dw[j] += error * xi[j];
    }
    db += error;
  }
  for (let j = 0; j < n; j++) {
    dw[j] /= m;
  }
  return { dw, db: db / m };
}

/**
 * Article step 3 — gradients over whole arrays:
 *
 *     error = σ(X w + b) − y,    dw = (1/m) Xᵀ error,    db = (1/m) Σ error
 *
 * numpy: `dw = np.dot(X.T, (y_pred - y)) / m`, `db = np.sum(y_pred - y) / m`
 */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const error = logits(X, w, b).map((zi, i) => sigmoid(zi) - y[i]);
  const dw = new Float64Array(X.cols);
  for (let j = 0; j < X.cols; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) {
      sum += X.data[i * X.cols + j] * error[i];
    }
    dw[j] = sum / m;
  }
  const db = error.reduce((sum, e) => sum + e, 0) / m;
  return { dw, db };
}

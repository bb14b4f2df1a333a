import type { Gradients, Matrix } from "../contract.js";
import { rowView } from "../matrix.js";
import { predict } from "./predict.js";
import { sigmoid } from "./sigmoid.js";

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

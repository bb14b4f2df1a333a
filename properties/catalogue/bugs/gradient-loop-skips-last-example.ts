import type { Gradients, Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { predict, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the gradient loop runs i < m − 1 and skips the last example (still divides by m)",
  step: 3,
  overrides: "computeGradients",
};

/** eᵢ = σ(w·xᵢ + b) − yᵢ, ∂J/∂wⱼ = (1/m) Σᵢ eᵢ xᵢⱼ, ∂J/∂b = (1/m) Σᵢ eᵢ — BUG: i stops at m − 2. */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const dw = new Float64Array(X.cols);
  let db = 0;
  for (let i = 0; i < m - 1; i++) {
    const xi = rowView(X, i);
    const error = sigmoid(predict(xi, w, b)) - y[i];
    for (let j = 0; j < X.cols; j++) dw[j] += error * xi[j];
    db += error;
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: db / m };
}

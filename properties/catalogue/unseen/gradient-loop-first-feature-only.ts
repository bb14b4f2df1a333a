import type { Gradients, Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import { predict, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the loop multiplies the error by xᵢ[0] for every dwⱼ (the feature index left out)",
  step: 3,
  overrides: "computeGradients",
};

/** ∂J/∂w, ∂J/∂b one example at a time — BUG: every dwⱼ uses the first feature. */
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
    for (let j = 0; j < X.cols; j++) dw[j] += error * xi[0];
    db += error;
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: db / m };
}

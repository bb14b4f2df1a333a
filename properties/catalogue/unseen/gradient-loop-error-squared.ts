import type { Gradients, Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import { predict, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loop's error taken from the squared loss's derivative, (σ − y) σ (1 − σ) (the chain rule applied twice)",
  step: 3,
  overrides: "computeGradients",
};

/** ∂J/∂w, ∂J/∂b one example at a time — BUG: error multiplied by σ′. */
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
    const s = sigmoid(predict(xi, w, b));
    const error = (s - y[i]) * s * (1 - s);
    for (let j = 0; j < X.cols; j++) dw[j] += error * xi[j];
    db += error;
  }
  for (let j = 0; j < X.cols; j++) dw[j] /= m;
  return { dw, db: db / m };
}

import type { Gradients, Matrix } from "../../../src/contract.js";
import { predict, sigmoid } from "../../../src/reference/index.js";
import { rowView } from "../../../src/matrix.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loop gradient returns dw as a plain number[] (new Array(n).fill(0)), not the Float64Array the contract promises",
  step: 3,
  overrides: "computeGradients",
};

/** ∂J/∂w, ∂J/∂b one example at a time — BUG: dw is a number[]. */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const dw: number[] = new Array<number>(X.cols).fill(0);
  let db = 0;
  for (let i = 0; i < m; i++) {
    const xi = rowView(X, i);
    const error = sigmoid(predict(xi, w, b)) - y[i];
    for (let j = 0; j < X.cols; j++) dw[j] += error * xi[j];
    db += error;
  }
  return { dw: dw.map((v) => v / m) as unknown as Float64Array, db: db / m };
}

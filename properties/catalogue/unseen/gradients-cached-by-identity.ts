import type { Gradients, Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import { predict, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loop's gradient memoised by the identity of X and w: a w changed in place returns the stale gradient",
  step: 3,
  overrides: "computeGradients",
};

const cache = new WeakMap<Matrix, WeakMap<Float64Array, Gradients>>();

/** ∂J/∂w, ∂J/∂b one example at a time — BUG: cached by the arrays' identity. */
export function computeGradients(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  let byW = cache.get(X);
  if (!byW) cache.set(X, (byW = new WeakMap()));
  const hit = byW.get(w);
  if (hit) return { dw: Float64Array.from(hit.dw), db: hit.db };
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
  const result = { dw, db: db / m };
  byW.set(w, { dw: Float64Array.from(dw), db: result.db });
  return result;
}

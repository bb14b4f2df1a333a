import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized gradient reuses one dw buffer across calls (to save allocations): an earlier result changes under the caller",
  step: 3,
  overrides: "computeGradientsVectorized",
};

let buffer = new Float64Array(0);

/** ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y) — BUG: dw is a module-level buffer, returned every call. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const { rows: m, cols: n, data } = X;
  const z = logits(X, w, b);
  const error = z.map((zi, i) => sigmoid(zi) - y[i]);
  if (buffer.length !== n) buffer = new Float64Array(n);
  const dw = buffer;
  dw.fill(0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) dw[j] += data[i * n + j] * error[i];
  }
  for (let j = 0; j < n; j++) dw[j] /= m;
  return { dw, db: mean(error) };
}

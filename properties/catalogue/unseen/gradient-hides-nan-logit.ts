import type { Gradients, Matrix } from "../../../src/contract.js";
import { logits, sigmoid } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    'the vectorized gradient skips an example whose logit is not finite ("bad row"): a NaN logit gives finite zeros where the cost says NaN',
  step: 3,
  overrides: "computeGradientsVectorized",
};

/** ∂J/∂w = (1/m) Xᵀ(σ(Xw + b) − y) — BUG: rows with a non-finite logit are skipped. */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const { rows: m, cols: n, data } = X;
  const z = logits(X, w, b);
  const dw = new Float64Array(n);
  let db = 0;
  for (let i = 0; i < m; i++) {
    if (Number.isNaN(z[i])) continue;
    const error = sigmoid(z[i]) - y[i];
    for (let j = 0; j < n; j++) dw[j] += data[i * n + j] * error;
    db += error;
  }
  for (let j = 0; j < n; j++) dw[j] /= m;
  return { dw, db: db / m };
}

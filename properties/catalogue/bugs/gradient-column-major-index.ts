import type { Gradients, Matrix } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { logits, mean, sigmoid } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the vectorized ∂J/∂w reads X[i][j] as data[j·rows + i] (column-major) although X is stored row-major",
  step: 3,
  overrides: "computeGradientsVectorized",
};

/**
 * e = σ(X w + b) − y, ∂J/∂wⱼ = (1/m) Σᵢ xᵢⱼ eᵢ, ∂J/∂b = mean(e) — BUG: xᵢⱼ is read at
 * `data[j * rows + i]`, its column-major position; right only when X is square and symmetric.
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
    for (let i = 0; i < m; i++) sum += X.data[j * X.rows + i] * error[i];
    dw[j] = sum / m;
  }
  return { dw, db: mean(error) };
}

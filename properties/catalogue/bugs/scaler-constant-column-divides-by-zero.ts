import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "fitScaler keeps a constant column's std of 0, so transform divides 0 by 0 (NaN)",
  step: 6,
  overrides: "fitScaler",
};

/** StandardScaler().fit(X) — BUG: no scale 1 for a constant column. */
export function fitScaler(X: Matrix): Scaler {
  const { rows: m, cols: n, data } = X;
  const means = new Float64Array(n);
  const scales = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += data[i * n + j];
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (data[i * n + j] - mean) ** 2;
    means[j] = mean;
    scales[j] = Math.sqrt(squares / m);
  }
  return { means, scales };
}

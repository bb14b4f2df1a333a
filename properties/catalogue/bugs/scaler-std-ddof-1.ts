import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "fitScaler uses pandas' .std() (ddof 1, divides by m − 1) instead of StandardScaler's population std",
  step: 6,
  overrides: "fitScaler",
};

/** StandardScaler().fit(X) — BUG: scale = √(Σ(x − mean)² / (m − 1)). */
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
    const std = Math.sqrt(squares / (m - 1));
    means[j] = mean;
    scales[j] = std > 0 ? std : 1;
  }
  return { means, scales };
}

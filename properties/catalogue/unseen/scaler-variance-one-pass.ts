import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the variance in one pass as E[x²] − E[x]²: right on paper, but it cancels catastrophically when the mean is large against the spread (and can go negative)",
  step: 6,
  overrides: "fitScaler",
};

/** StandardScaler().fit(X) — BUG: var = mean(x²) − mean(x)². */
export function fitScaler(X: Matrix): Scaler {
  const { rows: m, cols: n, data } = X;
  const means = new Float64Array(n);
  const scales = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < m; i++) {
      sum += data[i * n + j];
      squares += data[i * n + j] ** 2;
    }
    means[j] = sum / m;
    const variance = squares / m - means[j] ** 2;
    scales[j] = variance > 0 ? Math.sqrt(variance) : 1;
  }
  return { means, scales };
}

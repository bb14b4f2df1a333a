import type { Matrix } from "../contract.js";

/** The fitted parameters of a StandardScaler: one mean and one scale per column. */
export interface Standardization {
  means: Float64Array;
  scales: Float64Array;
}

/**
 * sklearn's `StandardScaler().fit(X)`, column by column over the m rows:
 *
 *     mean = (1/m) Σᵢ xᵢ
 *     var  = (1/m) [Σᵢ dᵢ² − (Σᵢ dᵢ)²/m],   dᵢ = xᵢ − mean        (population variance, ddof 0)
 *     scale = √var, or 1 when the column is constant
 *
 * The correction term (Σ dᵢ)²/m, as in sklearn, removes the rounding error of `mean`. A column is
 * constant, as in sklearn's `_is_constant_feature`, when var ≤ m·ε·var + (m·mean·ε)², the size of
 * the rounding error of the variance itself: such a column is centered and keeps scale 1 (no
 * division by ~0). To keep dᵢ² from overflowing, the sums run over dᵢ/D with D = maxᵢ |dᵢ| and
 * the result is scaled back: scale = D·√v with v = var/D². A mean whose plain sum overflows
 * (finite values near ±1.8e308) is summed again as Σ (xᵢ/m).
 */
export function fitStandardScaler(X: Matrix): Standardization {
  const { rows: m, cols, data } = X;
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += data[i * cols + j];
    let mean = sum / m;
    if (!Number.isFinite(sum)) {
      mean = 0;
      for (let i = 0; i < m; i++) mean += data[i * cols + j] / m;
    }
    let D = 0;
    for (let i = 0; i < m; i++) D = Math.max(D, Math.abs(data[i * cols + j] - mean));
    let sumS = 0;
    let sumS2 = 0;
    if (D > 0) {
      for (let i = 0; i < m; i++) {
        const s = (data[i * cols + j] - mean) / D;
        sumS += s;
        sumS2 += s * s;
      }
    }
    const v = D > 0 ? (sumS2 - (sumS * sumS) / m) / m : 0;
    const eps = Number.EPSILON;
    const constant = D === 0 || v <= m * eps * v + ((m * mean * eps) / D) ** 2;
    means[j] = mean;
    scales[j] = constant ? 1 : D * Math.sqrt(v);
  }
  return { means, scales };
}

/** sklearn's `StandardScaler.transform` in place: xᵢⱼ ← (xᵢⱼ − meanⱼ) / scaleⱼ. */
export function standardizeInPlace(X: Matrix, { means, scales }: Standardization): void {
  const { rows, cols, data } = X;
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) data[offset + j] = (data[offset + j] - means[j]) / scales[j];
  }
}

import type { Matrix } from "../contract.js";
import { pairwiseSum } from "./pairwise-sum.js";

/** The smallest positive normal double, 2⁻¹⁰²²: below it a scale has lost precision. */
const MIN_NORMAL = 2 ** -1022;

/** The fitted parameters of a StandardScaler: one mean and one scale per column. */
export interface Standardization {
  means: Float64Array;
  scales: Float64Array;
}

/**
 * sklearn's `StandardScaler().fit(X)`, column by column over the m rows:
 *
 *     mean  = (1/m) Σᵢ xᵢ
 *     var   = (1/m) [Σᵢ dᵢ² − (Σᵢ dᵢ)²/m],   dᵢ = xᵢ − mean     (population variance, ddof 0)
 *     scale = √var, or 1 when the column is constant
 *
 * as sklearn computes it (`_incremental_mean_and_var`, the corrected two-pass algorithm; the
 * correction (Σ dᵢ)²/m removes the rounding error of `mean`), each Σ a {@link pairwiseSum} over
 * the column as numpy sums it, so means and scales equal sklearn's bit for bit on the article's
 * DataFrame. A column is constant, as in sklearn's `_is_constant_feature`, when
 * var ≤ m·ε·var + (m·mean·ε)² (the rounding error of the variance itself): it is centered and
 * keeps scale 1 (no division by ~0). Beyond sklearn, guards for extreme magnitudes: the dᵢ are
 * divided by P, the power of two at or above maxᵢ |dᵢ|, before squaring, and scale = P·√(var/P²)
 * — exact, as scaling by a power of two is, so results are sklearn's wherever its squares
 * neither overflow (|dᵢ| > 1e154: sklearn's scale is ∞) nor underflow (|dᵢ| < 1e-154: sklearn
 * sees a constant column; here it is standardized, unless its scale is subnormal, below 2⁻¹⁰²²,
 * where too few bits are left: then it keeps scale 1); and a mean whose plain sum overflows is
 * summed again as Σ (xᵢ/m) and kept within [min x, max x], where a mean lies. The differences
 * xᵢ − mean must be finite (values within ±8.9e307).
 */
export function fitStandardScaler(X: Matrix): Standardization {
  const { rows: m, cols, data } = X;
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  const d = new Float64Array(m);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < m; i++) d[i] = data[i * cols + j];
    let mean = pairwiseSum(d) / m;
    if (!Number.isFinite(mean) && d.every(Number.isFinite)) {
      const [min, max] = [Math.min(...d), Math.max(...d)];
      mean = Math.min(max, Math.max(min, pairwiseSum(d.map((x) => x / m))));
    }
    let largest = 0;
    for (let i = 0; i < m; i++) {
      d[i] -= mean;
      largest = Math.max(largest, Math.abs(d[i]));
    }
    const P = largest > 0 ? 2 ** Math.min(1023, Math.ceil(Math.log2(largest))) : 1;
    for (let i = 0; i < m; i++) d[i] /= P;
    const correction = pairwiseSum(d);
    for (let i = 0; i < m; i++) d[i] *= d[i];
    const v = (pairwiseSum(d) - (correction * correction) / m) / m;
    const eps = Number.EPSILON;
    const constant = largest === 0 || v <= m * eps * v + ((m * mean * eps) / P) ** 2;
    const scale = P * Math.sqrt(v);
    means[j] = mean;
    scales[j] = constant || scale < MIN_NORMAL ? 1 : scale;
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

import type { Matrix, Scaler } from "../contract.js";
import { pairwiseSum } from "../numerics/pairwise-sum.js";

/**
 * Article step 6 — standardization with sklearn's StandardScaler, bit for bit: each column is
 * centred on its mean and divided by its population standard deviation (ddof 0).
 */

/** The smallest positive normal double, 2⁻¹⁰²²: below it a scale has lost precision. */
const MIN_NORMAL = 2 ** -1022;

/**
 * The mean and scale of one column of m values, as sklearn's `StandardScaler().fit` computes
 * them (`_incremental_mean_and_var`, the corrected two-pass algorithm):
 *
 *     mean  = (1/m) Σᵢ xᵢ
 *     var   = (1/m) [Σᵢ dᵢ² − (Σᵢ dᵢ)²/m],   dᵢ = xᵢ − mean     (population variance, ddof 0)
 *     scale = √var, or 1 when the column is constant
 *
 * Each Σ is numpy's `np.sum` ({@link pairwiseSum}: blocks of 8192, pairwise within a block), so
 * mean and scale equal sklearn's bit for bit on the article's DataFrame. The correction
 * (Σ dᵢ)²/m removes the rounding error of `mean`. A column is constant, as in sklearn's
 * `_is_constant_feature`, when var ≤ m·ε·var + (m·mean·ε)² (the rounding error of the variance
 * itself): it keeps scale 1, so it standardizes to 0 with no division by ~0.
 *
 * Beyond sklearn, guards for extreme magnitudes: the dᵢ are divided by P, the power of two at or
 * above maxᵢ |dᵢ|, before squaring, and scale = P·√(var/P²) — exact, as scaling by a power of
 * two is — so squares neither overflow (|dᵢ| > 1e154, where sklearn's scale is ∞) nor underflow
 * (|dᵢ| < 1e-154, where sklearn sees a constant column); a scale below 2⁻¹⁰²² (subnormal, too few
 * bits left) is taken as 1; and a mean whose plain sum overflows is summed again as Σ (xᵢ/m) and
 * kept within [min x, max x], where a mean lies. The dᵢ must be finite (values within ±8.9e307).
 */
export function fitColumn(x: Float64Array): { mean: number; scale: number } {
  const m = x.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m; i++) {
    min = Math.min(min, x[i]);
    max = Math.max(max, x[i]);
  }
  let mean = pairwiseSum(x) / m;
  if (!Number.isFinite(mean) && Number.isFinite(min) && Number.isFinite(max)) {
    mean = Math.min(max, Math.max(min, pairwiseSum(x.map((xi) => xi / m))));
  }
  const largest = Math.max(max - mean, mean - min);
  const P = largest > 0 ? 2 ** Math.min(1023, Math.ceil(Math.log2(largest))) : 1;
  const d = x.map((xi) => (xi - mean) / P);
  const correction = pairwiseSum(d);
  const squares = pairwiseSum(d.map((di) => di * di));
  const eps = Number.EPSILON;
  const v = (squares - (correction * correction) / m) / m;
  // m·(mean/P)·ε has the bits of m·mean·ε/P (the powers of two are exact) but cannot overflow
  // where m·mean would (a mean near the largest double, from the rescue above).
  const constant = largest === 0 || v <= m * eps * v + (m * (mean / P) * eps) ** 2;
  const scale = P * Math.sqrt(v);
  return { mean, scale: constant || scale < MIN_NORMAL ? 1 : scale };
}

/**
 * `StandardScaler().fit(X)`: `mean_` and `scale_`, one per column, each by {@link fitColumn}.
 */
export function fitScaler(X: Matrix): Scaler {
  const { rows, cols, data } = X;
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) column[i] = data[i * cols + j];
    ({ mean: means[j], scale: scales[j] } = fitColumn(column));
  }
  return { means, scales };
}

/**
 * `scaler.transform(X)`, into a new Matrix:
 *
 *     zᵢⱼ = (xᵢⱼ − meanⱼ) / scaleⱼ
 */
export function transformScaler(X: Matrix, { means, scales }: Scaler): Matrix {
  const { rows, cols, data } = X;
  const out = new Float64Array(data.length);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) out[offset + j] = (data[offset + j] - means[j]) / scales[j];
  }
  return { rows, cols, data: out };
}

/**
 * The article's split and scaling of the encoded table:
 *
 *     X = df.drop(columns='y');  y = df['y']
 *     X = StandardScaler().fit_transform(X)
 *
 * The label column is taken out first and returned as it is: it is never standardized.
 */
export function standardizeFeatures(
  df: Matrix,
  labelColumn: number,
): { X: Matrix; y: Float64Array; scaler: Scaler } {
  const { rows, cols, data } = df;
  const features: Matrix = { rows, cols: cols - 1, data: new Float64Array(rows * (cols - 1)) };
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let k = i * (cols - 1);
    for (let j = 0; j < cols; j++) {
      if (j === labelColumn) y[i] = data[i * cols + j];
      else features.data[k++] = data[i * cols + j];
    }
  }
  const scaler = fitScaler(features);
  return { X: transformScaler(features, scaler), y, scaler };
}

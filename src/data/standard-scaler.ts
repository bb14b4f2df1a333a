import type { Matrix } from "../contract.js";
import { NUMPY_BUFFER, pairwiseBlockSum } from "./pairwise-sum.js";

/** The smallest positive normal double, 2⁻¹⁰²²: below it a scale has lost precision. */
const MIN_NORMAL = 2 ** -1022;

/** The fitted parameters of a StandardScaler: one mean and one scale per column. */
export interface Standardization {
  means: Float64Array;
  scales: Float64Array;
}

/**
 * Article step 6 — standardization: sklearn's `StandardScaler().fit(X)`, column by column over
 * the m rows:
 *
 *     mean  = (1/m) Σᵢ xᵢ
 *     var   = (1/m) [Σᵢ dᵢ² − (Σᵢ dᵢ)²/m],   dᵢ = xᵢ − mean     (population variance, ddof 0)
 *     scale = √var, or 1 when the column is constant
 *
 * as sklearn computes it (`_incremental_mean_and_var`, the corrected two-pass algorithm; the
 * correction (Σ dᵢ)²/m removes the rounding error of `mean`), each Σ a `pairwiseSum` over
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
  const rowsOf = (start: number, end: number): Matrix => ({
    rows: end - start,
    cols: X.cols,
    data: X.data.subarray(start * X.cols, end * X.cols),
  });
  return fitStandardScalerInBlocks(X.rows, X.cols, rowsOf);
}

/**
 * {@link fitStandardScaler} of an m × cols matrix given block by block: `rowsOf(start, end)`
 * returns rows [start, end) (at most 8192 of them, numpy's summation block), so the matrix never
 * needs to exist whole. Two passes: sums, minima and maxima; then the sums over dᵢ/P and
 * (dᵢ/P)², where maxᵢ |dᵢ| = max(max x − mean, mean − min x). The sums are numpy's, block by
 * block, so the result is the same, bit for bit, as fitting the whole matrix.
 */
export function fitStandardScalerInBlocks(
  m: number,
  cols: number,
  rowsOf: (start: number, end: number) => Matrix,
): Standardization {
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  const sums = new Float64Array(cols);
  const mins = new Float64Array(cols).fill(Infinity);
  const maxs = new Float64Array(cols).fill(-Infinity);
  const column = new Float64Array(NUMPY_BUFFER);
  /** Runs `each(j, n)` for every column j of every block, with the block's column in `column`. */
  const sweep = (value: (x: number, j: number) => number, each: (j: number, n: number) => void) => {
    for (let start = 0; start < m; start += NUMPY_BUFFER) {
      const { rows: n, data } = rowsOf(start, Math.min(m, start + NUMPY_BUFFER));
      for (let j = 0; j < cols; j++) {
        for (let i = 0; i < n; i++) column[i] = value(data[i * cols + j], j);
        each(j, n);
      }
    }
  };
  sweep(
    (x) => x,
    (j, n) => {
      sums[j] += pairwiseBlockSum(column, n);
      for (let i = 0; i < n; i++) {
        mins[j] = Math.min(mins[j], column[i]);
        maxs[j] = Math.max(maxs[j], column[i]);
      }
    },
  );
  for (let j = 0; j < cols; j++) means[j] = sums[j] / m;
  const finiteValues = (j: number) => Number.isFinite(mins[j]) && Number.isFinite(maxs[j]);
  const overflowed = means.some((mean, j) => !Number.isFinite(mean) && finiteValues(j));
  if (overflowed) {
    sums.fill(0);
    sweep(
      (x) => x / m,
      (j, n) => (sums[j] += pairwiseBlockSum(column, n)),
    );
    means.forEach((mean, j) => {
      if (!Number.isFinite(mean) && finiteValues(j)) {
        means[j] = Math.min(maxs[j], Math.max(mins[j], sums[j]));
      }
    });
  }
  const largest = means.map((mean, j) => Math.max(maxs[j] - mean, mean - mins[j]));
  const P = largest.map((l) => (l > 0 ? 2 ** Math.min(1023, Math.ceil(Math.log2(l))) : 1));
  const corrections = new Float64Array(cols);
  const squares = new Float64Array(cols);
  sweep(
    (x, j) => (x - means[j]) / P[j],
    (j, n) => {
      corrections[j] += pairwiseBlockSum(column, n);
      for (let i = 0; i < n; i++) column[i] *= column[i];
      squares[j] += pairwiseBlockSum(column, n);
    },
  );
  const eps = Number.EPSILON;
  for (let j = 0; j < cols; j++) {
    const v = (squares[j] - (corrections[j] * corrections[j]) / m) / m;
    const constant = largest[j] === 0 || v <= m * eps * v + ((m * means[j] * eps) / P[j]) ** 2;
    const scale = P[j] * Math.sqrt(v);
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

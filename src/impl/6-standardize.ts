import type { Matrix, Scaler } from "../contract.js";

/**
 * Article step 6 — fit a StandardScaler:
 *
 *     scaler = StandardScaler().fit(X)
 *
 * mean_j = (1/m) Σᵢ xᵢⱼ,  scale_j = √((1/m) Σᵢ (xᵢⱼ − mean_j)²)  (ddof 0), 1 for a constant column.
 */
export function fitScaler(X: Matrix): Scaler {
  const { rows: m, cols: n, data } = X;
  const means = new Float64Array(n);
  const scales = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < m; i++) {
      const x = data[i * n + j];
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    if (min === max) {
      // A constant column: its mean is its value, and it keeps scale 1.
      means[j] = min;
      scales[j] = 1;
      continue;
    }
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) {
      const d = data[i * n + j] - mean;
      squares += d * d;
    }
    means[j] = mean;
    scales[j] = Math.sqrt(squares / m);
  }
  return { means, scales };
}

/**
 * Article step 6 — apply a fitted scaler:
 *
 *     scaler.transform(X)      zᵢⱼ = (xᵢⱼ − mean_j) / scale_j
 */
export function transformScaler(X: Matrix, scaler: Scaler): Matrix {
  const data = X.data.map((x, k) => (x - scaler.means[k % X.cols]) / scaler.scales[k % X.cols]);
  return { rows: X.rows, cols: X.cols, data };
}

/**
 * Article step 6 — split off the label, then standardize the features only:
 *
 *     X = df.drop(columns='y');  y = df['y']
 *     X = StandardScaler().fit_transform(X)
 */
export function standardizeFeatures(
  df: Matrix,
  labelColumn: number,
): { X: Matrix; y: Float64Array; scaler: Scaler } {
  const features: number[] = [];
  const y = new Float64Array(df.rows);
  for (let i = 0; i < df.rows; i++) {
    for (let j = 0; j < df.cols; j++) {
      const value = df.data[i * df.cols + j];
      if (j === labelColumn) y[i] = value;
      else features.push(value);
    }
  }
  const raw: Matrix = { rows: df.rows, cols: df.cols - 1, data: Float64Array.from(features) };
  const scaler = fitScaler(raw);
  return { X: transformScaler(raw, scaler), y, scaler };
}

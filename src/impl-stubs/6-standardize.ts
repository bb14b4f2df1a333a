import type { Matrix, Scaler } from "../contract.js";

/**
 * Article step 6 — fit a StandardScaler, column by column:
 *
 *     scaler = StandardScaler().fit(X)
 *
 *     mean_j  = (1/m) Σᵢ xᵢⱼ
 *     scale_j = √((1/m) Σᵢ (xᵢⱼ − mean_j)²)      (sklearn's population std, ddof 0)
 *
 * Returns `{ means, scales }`. A constant column must keep scale 1 (so it becomes all 0s).
 */
export function fitScaler(X: Matrix): Scaler {
  throw new Error("not implemented yet: fitScaler (article step 6)");
}

/**
 * Article step 6 — apply a fitted scaler to any rows (training or new ones):
 *
 *     scaler.transform(X)      zᵢⱼ = (xᵢⱼ − mean_j) / scale_j
 *
 * Returns a new Matrix; X must not change.
 */
export function transformScaler(X: Matrix, scaler: Scaler): Matrix {
  throw new Error("not implemented yet: transformScaler (article step 6)");
}

/**
 * Article step 6 — split off the label column, then standardize the features:
 *
 *     X = df.drop(columns='y');  y = df['y']
 *     X = StandardScaler().fit_transform(X)
 *
 * Returns `{ X, y, scaler }`: X without column `labelColumn`, standardized; y that column.
 */
export function standardizeFeatures(
  df: Matrix,
  labelColumn: number,
): { X: Matrix; y: Float64Array; scaler: Scaler } {
  throw new Error("not implemented yet: standardizeFeatures (article step 6)");
}

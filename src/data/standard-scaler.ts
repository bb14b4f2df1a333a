import type { Matrix, Scaler } from "../contract.js";
import { fitScaler, transformScaler } from "../reference/index.js";

/** The fitted parameters of a StandardScaler: one mean and one scale per column. */
export type Standardization = Scaler;

/**
 * Article step 6 — sklearn's `StandardScaler().fit(X)`, bit for bit: the reference's
 * {@link fitScaler} (src/reference/6-standardize.ts, where the algorithm and its guards for
 * extreme magnitudes are documented). Each column's sums are numpy's pairwise sums in blocks of
 * 8192 rows, so means and scales equal sklearn's on the article's DataFrame.
 */
export function fitStandardScaler(X: Matrix): Standardization {
  return fitScaler(X);
}

/** sklearn's `StandardScaler.transform` in place: xᵢⱼ ← (xᵢⱼ − meanⱼ) / scaleⱼ (the reference's arithmetic). */
export function standardizeInPlace(X: Matrix, scaler: Standardization): void {
  X.data.set(transformScaler(X, scaler).data);
}

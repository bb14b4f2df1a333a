import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { fitScaler, transformScaler } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "standardizeFeatures standardizes the whole DataFrame, label included, before splitting off y",
  step: 6,
  overrides: "standardizeFeatures",
};

/** X = df.drop(columns='y'); y = df['y']; fit_transform(X) — BUG: fit_transform(df) first. */
export function standardizeFeatures(
  df: Matrix,
  labelColumn: number,
): { X: Matrix; y: Float64Array; scaler: Scaler } {
  const all = fitScaler(df);
  const scaled = transformScaler(df, all);
  const { rows, cols } = df;
  const X: Matrix = { rows, cols: cols - 1, data: new Float64Array(rows * (cols - 1)) };
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let k = i * (cols - 1);
    for (let j = 0; j < cols; j++) {
      if (j === labelColumn) y[i] = scaled.data[i * cols + j];
      else X.data[k++] = scaled.data[i * cols + j];
    }
  }
  const keep = (a: Float64Array) => a.filter((_, j) => j !== labelColumn);
  return { X, y, scaler: { means: keep(all.means), scales: keep(all.scales) } };
}

import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { fitScaler } from "../../../src/reference/index.js";
export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "transformScaler refits on the rows it is given instead of using the fitted scaler (fit_transform on the test set)",
  step: 6,
  overrides: "transformScaler",
};

/** scaler.transform(X) — BUG: fits a new scaler on X and ignores the one it is given. */
export function transformScaler(X: Matrix, scaler: Scaler): Matrix {
  void scaler;
  const { means, scales } = fitScaler(X);
  const data = X.data.map((x, k) => (x - means[k % X.cols]) / scales[k % X.cols]);
  return { rows: X.rows, cols: X.cols, data };
}

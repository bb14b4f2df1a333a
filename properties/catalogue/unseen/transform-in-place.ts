import type { Matrix, Scaler } from "../../../src/contract.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "transform standardizes X in place and returns it (numpy's X -= mean; X /= scale): the right values, but the caller's X is gone",
  step: 6,
  overrides: "transformScaler",
};

/** scaler.transform(X) — BUG: writes into X.data. */
export function transformScaler(X: Matrix, { means, scales }: Scaler): Matrix {
  const { rows, cols, data } = X;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[i * cols + j] = (data[i * cols + j] - means[j]) / scales[j];
  }
  return X;
}

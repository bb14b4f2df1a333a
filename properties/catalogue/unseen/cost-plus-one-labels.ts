import type { Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import { predict } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description:
    "the loss written for ±1 labels, log(1 + e^(−y z)), fed 0/1 labels: every y = 0 example costs log 2",
  step: 2,
  overrides: "computeCost",
};

/** J(w, b) = (1/m) Σᵢ log(1 + e^(−yᵢ zᵢ)) — BUG: the ±1-label formula used with labels 0 and 1. */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  let sum = 0;
  for (let i = 0; i < X.rows; i++) {
    const t = -y[i] * predict(rowView(X, i), w, b);
    sum += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }
  return sum / X.rows;
}

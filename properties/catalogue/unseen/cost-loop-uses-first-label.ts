import type { Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import { loss, mean, predict } from "../../../src/reference/index.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the loop's loss takes y[0] for every example (the label indexed outside the loop)",
  step: 2,
  overrides: "computeCost",
};

/** J(w, b) = (1/m) Σᵢ L(w·xᵢ + b, yᵢ) — BUG: yᵢ read as y[0]. */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const losses = new Float64Array(X.rows);
  const label = y[0];
  for (let i = 0; i < X.rows; i++) losses[i] = loss(predict(rowView(X, i), w, b), label);
  return mean(losses);
}

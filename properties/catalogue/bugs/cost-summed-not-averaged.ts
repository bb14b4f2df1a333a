import type { Matrix } from "../../../src/contract.js";
import { rowView } from "../../../src/matrix.js";
import type { CatalogueBug } from "../../../src/catalogue/bug.js";
import { loss, predict } from "../../../src/reference/index.js";

export * from "../../../src/reference/index.js";

export const bug: CatalogueBug = {
  description: "the loop's cost summed over the examples and never divided by m",
  step: 2,
  overrides: "computeCost",
};

/** J(w, b) = (1/m) Σᵢ L(w·xᵢ + b, yᵢ) — BUG: returns Σᵢ L without the 1/m. */
export function computeCost(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  let cost = 0;
  for (let i = 0; i < X.rows; i++) cost += loss(predict(rowView(X, i), w, b), y[i]);
  return cost;
}

import type { Gradients, Matrix } from "../contract.js";
import { logits, map, transposeTimes } from "./linalg.js";
import { mean } from "./mean.js";
import { sigmoid } from "./sigmoid.js";

/**
 * Article step 3 — the gradients of the mean cost, over whole arrays:
 *
 *     e = σ(X w + b) − y,    ∂J/∂w = (1/m) Xᵀ e,    ∂J/∂b = mean(e)
 */
export function computeGradientsVectorized(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const error = map(logits(X, w, b), (zi, i) => sigmoid(zi) - y[i]);
  const dw = map(transposeTimes(X, error), (sum) => sum / m);
  return { dw, db: mean(error) };
}

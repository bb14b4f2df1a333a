import type { Gradients, Matrix, Model } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import type { Dataset } from "./arbitraries.js";
import {
  UNIT_ROUNDOFF,
  costRoundingBound,
  gamma,
  gradientRoundingBound,
} from "../../src/numerics/rounding.js";

/**
 * What one step of gradient descent is guaranteed to do, and how much rounding may blur it.
 */

/**
 * L = ¼ (maxᵢ ‖xᵢ‖² + 1), the smoothness constant of the mean logistic loss in (w, b): its
 * Hessian (1/m) Σᵢ σ′(zᵢ) x̃ᵢ x̃ᵢᵀ with x̃ᵢ = (xᵢ, 1) and σ′ ≤ ¼ has norm at most L. Computed in
 * float64 it may fall short of the exact L by γₙ₊₃ relative, so α ≤ 1/L here gives αL ≤ 1 + γₙ₊₃
 * exactly; {@link stepSlack} pays for that.
 */
export function smoothness(X: Matrix): number {
  let largest = 0;
  for (let i = 0; i < X.rows; i++) {
    const x = rowView(X, i);
    largest = Math.max(
      largest,
      x.reduce((sum, xj) => sum + xj * xj, 0),
    );
  }
  return 0.25 * (largest + 1);
}

/** ‖v‖² over the weights and the bias together. */
export function squaredNorm(w: Float64Array, b: number): number {
  return w.reduce((sum, wj) => sum + wj * wj, b * b);
}

/**
 * The rounding slack of one step θ → θ⁺ = θ − α g̃, for comparing computed costs J̃(θ) and J̃(θ⁺)
 * with the descent lemma J(θ⁺) ≤ J(θ) − (α/2)‖g̃‖² (which holds for α ≤ 1/L up to the terms below):
 *
 * - the rounding of the two costs, ε(θ) + ε(θ⁺) (src/numerics/rounding.ts);
 * - the computed gradient g̃ is off from ∇J by δ, which costs at most α‖δ‖‖g̃‖; δ is taken as twice
 *   one evaluation's bound, because gradientDescent may use its own (accurate) gradient routine;
 * - rounding the update itself moves θ⁺ by ρⱼ ≤ 2u (|α g̃ⱼ| + |θ⁺ⱼ|), which changes J by at most
 *   maxᵢ (Σⱼ |xᵢⱼ| ρⱼ + ρ_b), since the loss's slope |σ(z) − y| is at most 1;
 * - rounding (α/2)‖g̃‖² itself, and αL exceeding 1 by up to γₙ₊₃ (see {@link smoothness}): each
 *   at most γₙ₊₃ · (α/2)‖g̃‖².
 */
export function stepSlack(data: Dataset, g: Gradients, alpha: number, next: Model): number {
  const { X, y, w, b } = data;
  const gradient = gradientRoundingBound(X, y, w, b);
  const gradientError = 2 * Math.sqrt(squaredNorm(gradient.dw, gradient.db));
  const gNorm = Math.sqrt(squaredNorm(g.dw, g.db));
  const rho = next.w.map((wj, j) => 2 * UNIT_ROUNDOFF * (Math.abs(alpha * g.dw[j]) + Math.abs(wj)));
  const rhoBias = 2 * UNIT_ROUNDOFF * (Math.abs(alpha * g.db) + Math.abs(next.b));
  let updateEffect = 0;
  for (let i = 0; i < X.rows; i++) {
    const x = rowView(X, i);
    updateEffect = Math.max(
      updateEffect,
      x.reduce((sum, xj, j) => sum + Math.abs(xj) * rho[j], rhoBias),
    );
  }
  return (
    costRoundingBound(X, y, w, b) +
    costRoundingBound(X, y, next.w, next.b) +
    alpha * gradientError * gNorm +
    updateEffect +
    2 * gamma(X.cols + 3) * (alpha / 2) * gNorm * gNorm
  );
}

/**
 * The hint for a gradientFunction called `calls` times in a run of `epochs` epochs, from the count
 * itself: too few calls is a run that stopped early (or skipped the given function), too many is
 * more than one gradient per epoch; undefined when the count is right.
 */
export function callCountHint(calls: number, epochs: number): string | undefined {
  if (calls === epochs) return undefined;
  if (calls === 0) {
    return `options.gradientFunction was never called in ${epochs} epochs: use it when it is given (the default gradient only when it is not)`;
  }
  if (calls < epochs) {
    return `options.gradientFunction was called ${calls} times in ${epochs} epochs: the loop stopped before its last epoch (no early stop: every epoch makes one update)`;
  }
  return `options.gradientFunction was called ${calls} times in ${epochs} epochs, ${calls / epochs} per epoch: take one gradient per epoch and use its dw and db together`;
}

/**
 * The hint for an options.costHistory of the wrong length after a run of `epochs` epochs that was
 * given the history [−1], from what it holds: the caller's entry gone (emptied or replaced), or
 * the wrong number of costs appended after it.
 */
export function historyHint(history: readonly number[], epochs: number): string {
  if (history.length === 0 || history[0] !== -1) {
    const now = history.length === 0 ? "the array is empty" : `costHistory[0] is ${history[0]}`;
    return `the entry the caller had put in options.costHistory (−1) is gone (${now}): push each cost onto the caller's array, never empty or replace it`;
  }
  const appended = history.length - 1;
  return `${appended} cost${appended === 1 ? " was" : "s were"} appended in ${epochs} epochs: push exactly one cost per epoch`;
}

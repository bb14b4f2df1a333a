import type { Gradients, Matrix, Model } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import type { Dataset } from "./arbitraries.js";
import { reference } from "./oracle.js";
import { namedMistake, sameValue } from "./shape-hint.js";
import type { Mistake } from "./shape-hint.js";
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

/**
 * The hint for one epoch of gradient descent at α that went from `start` to `next` and broke the
 * descent lemma, when the step is that of a common mistake (support/shape-hint.ts), computed with
 * the reference's gradient g at the start (and g₀ at b = 0): the model unchanged, the bias not
 * updated, the bias restarted from 0, α missing from the bias or from the whole step, α applied
 * twice, or a step along the gradient; undefined when none matches.
 */
export function stepMistakeHint(start: Dataset, alpha: number, next: Model): string | undefined {
  const { X, y, w, b } = start;
  const g = reference.computeGradientsVectorized(X, y, w, b);
  const g0 = reference.computeGradientsVectorized(X, y, w, 0);
  const weights = (k: number, dw: Float64Array) => Array.from(w, (wj, j) => wj - k * dw[j]);
  const right = [...weights(alpha, g.dw), b - alpha * g.db];
  const mistakes: Mistake[] = [
    {
      what: "the starting model, unchanged after one epoch",
      fix: "apply the update and return the model after it (not a copy taken before it)",
      values: [...w, b],
    },
    {
      what: "the weights updated with the bias left where it started",
      fix: "update b too: b − α·db",
      values: [...weights(alpha, g.dw), b],
    },
    {
      what: "one step from b = 0 instead of the caller's b",
      fix: "start from the b you are given (the article sets b = 0 before it calls gradient descent)",
      values: [...weights(alpha, g0.dw), -alpha * g0.db],
    },
    {
      what: "a step of α·dw on the weights but of db, without α, on the bias",
      fix: "the bias update needs α too: b − α·db",
      values: [...weights(alpha, g.dw), b - g.db],
    },
    {
      what: "a step of dw and db without α",
      fix: "multiply the step by α: w − α·dw, b − α·db",
      values: [...weights(1, g.dw), b - g.db],
    },
    {
      what: "a step of α² times the gradient, α applied twice",
      fix: "multiply the gradient by α once: w − α·dw, b − α·db",
      values: [...weights(alpha * alpha, g.dw), b - alpha * alpha * g.db],
    },
    {
      what: "a step along the gradient, uphill",
      fix: "subtract: w − α·dw, b − α·db",
      values: [...weights(-alpha, g.dw), b + alpha * g.db],
    },
  ];
  return namedMistake([...next.w, next.b], right, mistakes);
}

/**
 * The hint for a model that moved in one epoch of gradient descent at α = 0 (from `start` to
 * `next`), named only when the step shows its cause, compared with the reference's gradient g
 * at the start (the learner's own gradient may differ by rounding, far below shape-hint's
 * SAME_VALUE):
 * - w stayed and b moved by db: the bias update lacks α;
 * - (w, b) moved by c·g, the same c ≠ 0 for every coordinate: α = 0 replaced by a default c;
 * otherwise a neutral hint that says what to evaluate.
 */
export function alphaZeroHint(start: Dataset, next: Model, g: Gradients): string {
  const dw = start.w.map((wj, j) => wj - next.w[j]);
  const db = start.b - next.b;
  if (dw.every((d) => d === 0) && db !== 0 && sameValue(db, g.db)) {
    return `with α = 0 the weights stayed, but b moved by ${db}, which is db: the bias update lacks α — b − α·db, like the weights`;
  }
  const gNorm2 = squaredNorm(g.dw, g.db);
  const c = gNorm2 > 0 ? dw.reduce((s, d, j) => s + d * g.dw[j], db * g.db) / gNorm2 : 0;
  if (c !== 0 && dw.every((d, j) => sameValue(d, c * g.dw[j])) && sameValue(db, c * g.db)) {
    const as = Number(c.toPrecision(6));
    return `with α = 0 the model moved by ${as} × the gradient, as if α were ${as}: a default written \`alpha || ${as}\` or \`alpha ? … : …\` replaces α = 0, since 0 is falsy — test for undefined (\`alpha ?? …\`), or use α as it is`;
  }
  return "with α = 0 one epoch must leave w and b exactly where they were (w − 0·dw = w, b − 0·db = b): evaluate one epoch by hand at α = 0 and find the update that moves them";
}

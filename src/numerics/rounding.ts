import sigmoid from "@stdlib/math-base-special-expit";
import log1pexp from "@stdlib/math-base-special-log1pexp";
import type { Gradients, Matrix } from "../contract.js";
import { rowView } from "../matrix.js";

/**
 * Rounding-error bounds for the article's cost and gradients: the one model of rounding that
 * sizes every tolerance from the inputs at hand, in the property suite and in the train script's
 * verification alike.
 *
 * Notation: m rows, n columns, u = 2⁻⁵³ (the unit roundoff of float64), and
 *
 *     γₖ = k·u / (1 − k·u)          (Higham, Accuracy and Stability of Numerical Algorithms, §3.1)
 *
 * bounds the relative error of a result that went through k roundings. A sum of k + 1 terms, in
 * any order, is off by at most γₖ · Σ|termᵢ|. All bounds below are for one evaluation by any
 * sensible implementation (any summation order, loss written with log or softplus); two
 * evaluations that should agree therefore agree within the sum of their bounds.
 */

/** The unit roundoff of float64, u = 2⁻⁵³ (half the machine epsilon ε = 2⁻⁵²). */
export const UNIT_ROUNDOFF = 2 ** -53;

/** γₖ = k·u / (1 − k·u): the relative error bound of k successive roundings. */
export function gamma(k: number): number {
  return (k * UNIT_ROUNDOFF) / (1 - k * UNIT_ROUNDOFF);
}

/**
 * The logit zᵢ = w·xᵢ + b, summed left to right, and Aᵢ = Σⱼ |wⱼ xᵢⱼ| + |b|, the magnitude of
 * its summands. Each summand goes through at most n + 1 roundings (one product, n additions), so
 * any computed zᵢ is within γₙ₊₁ · Aᵢ of the exact one. Aᵢ is Infinity when a product overflows.
 */
function logitAndMagnitude(x: Float64Array, w: Float64Array, b: number) {
  let z = b;
  let magnitude = Math.abs(b);
  for (let j = 0; j < w.length; j++) {
    const term = w[j] * x[j];
    z += term;
    magnitude += Math.abs(term);
  }
  return { z, magnitude };
}

/**
 * The binary cross-entropy of logit z against label y, y log(1 + e^(−z)) + (1 − y) log(1 + e^z),
 * by @stdlib's log1pexp (accurate to a few ulps for every finite z). The bounds are scaled by
 * it; it is computed here, not taken from an implementation, so that the model of rounding does
 * not depend on the code it judges.
 */
function crossEntropy(z: number, y: number): number {
  if (y === 1) return log1pexp(-z);
  if (y === 0) return log1pexp(z);
  return y * log1pexp(-z) + (1 - y) * log1pexp(z);
}

/** σ′(t) = σ(t)(1 − σ(t)) = e^(−|t|) / (1 + e^(−|t|))², written so that it stays accurate (and > 0) for large |t|. */
function sigmoidSlope(t: number): number {
  const e = Math.exp(-Math.abs(t));
  return e / ((1 + e) * (1 + e));
}

/** The largest σ′ on [lo, hi]: ¼ if the interval holds 0, else σ′ at the end nearer to 0. */
function maxSigmoidSlope(lo: number, hi: number): number {
  if (lo <= 0 && hi >= 0) return 0.25;
  return sigmoidSlope(Math.min(Math.abs(lo), Math.abs(hi)));
}

/** The computed logit of row i with its rounding radius δzᵢ = γₙ₊₁ · Aᵢ. */
function roundedLogit(X: Matrix, w: Float64Array, b: number, i: number) {
  const x = rowView(X, i);
  const { z, magnitude } = logitAndMagnitude(x, w, b);
  return { x, z, radius: gamma(X.cols + 1) * magnitude };
}

/**
 * An upper bound on |J̃ − J|, the error of one computed mean cost J = (1/m) Σᵢ L(zᵢ, yᵢ):
 *
 *     |J̃ − J| ≤ (1/m) Σᵢ [ λᵢ δzᵢ + 4u Lᵢ + 2u + γₘ₊₁ Lᵢ ]
 *
 * - λᵢ δzᵢ: the logit's rounding error δzᵢ = γₙ₊₁ Aᵢ times the loss's slope |σ(z) − y| at its
 *   worst on [zᵢ − 2δzᵢ, zᵢ + 2δzᵢ] (mean-value theorem; σ is monotone, so the worst is an end);
 * - 4u Lᵢ + 2u: evaluating the loss (exp, log1p and an addition, ≤ 1 ulp each, relative; plus
 *   an absolute u-sized term for log-based forms, where log(σ̃) is off by u absolute);
 * - γₘ₊₁ Lᵢ: averaging the m losses (m − 1 additions and a division, or m divisions).
 *
 * Infinity when some logit's summands overflow (then no finite bound exists).
 */
export function costRoundingBound(X: Matrix, y: Float64Array, w: Float64Array, b: number): number {
  const m = X.rows;
  let bound = 0;
  for (let i = 0; i < m; i++) {
    const { z, radius } = roundedLogit(X, w, b, i);
    if (!Number.isFinite(radius)) return Infinity;
    const slope = Math.max(
      Math.abs(sigmoid(z - 2 * radius) - y[i]),
      Math.abs(sigmoid(z + 2 * radius) - y[i]),
    );
    const L = crossEntropy(z, y[i]);
    bound += (slope * radius + (4 * UNIT_ROUNDOFF + gamma(m + 1)) * L + 2 * UNIT_ROUNDOFF) / m;
  }
  return bound;
}

/**
 * An upper bound on the error of one computed gradient, per component:
 *
 *     |d̃wⱼ − dwⱼ| ≤ (1/m) Σᵢ |xᵢⱼ| [ σ′ᵢ δzᵢ + 5u + γₘ₊₁ |eᵢ| ],   eᵢ = σ(zᵢ) − yᵢ
 *
 * (and the same with xᵢⱼ = 1 for db), where σ′ᵢ is the largest slope of σ on
 * [zᵢ − 2δzᵢ, zᵢ + 2δzᵢ] (so a rounded logit moves σ by at most σ′ᵢ δzᵢ), 5u covers evaluating σ
 * (≤ 4u: exp, an addition, a division) and subtracting y, and γₘ₊₁ covers the products, the m − 1
 * additions and the division by m. Relative bounds fail where results underflow, so each
 * component also gets (m + 2)·2⁻¹⁰⁷⁴ (half the smallest subnormal per product and per division).
 * Infinite components when some logit's summands overflow.
 */
export function gradientRoundingBound(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
): Gradients {
  const m = X.rows;
  const dw = new Float64Array(X.cols);
  let db = 0;
  for (let i = 0; i < m; i++) {
    const { x, z, radius } = roundedLogit(X, w, b, i);
    const slope = maxSigmoidSlope(z - 2 * radius, z + 2 * radius);
    const perExample =
      (slope * radius + 5 * UNIT_ROUNDOFF + gamma(m + 1) * Math.abs(sigmoid(z) - y[i])) / m;
    for (let j = 0; j < X.cols; j++) dw[j] += Math.abs(x[j]) * perExample;
    db += perExample;
  }
  const underflow = (m + 2) * Number.MIN_VALUE;
  return { dw: dw.map((bound) => bound + underflow), db: db + underflow };
}

/** Componentwise sum of two gradient bounds (for comparing two computed gradients). */
export function addBounds(a: Gradients, b: Gradients): Gradients {
  return { dw: a.dw.map((value, j) => value + b.dw[j]), db: a.db + b.db };
}

/** The next double above z (z itself for +∞; −MAX_VALUE for −∞), by stepping its bit pattern. */
export function nextUp(z: number): number {
  if (z === Infinity) return z;
  if (z === 0) return Number.MIN_VALUE;
  const view = new Float64Array([z]);
  const bits = new BigInt64Array(view.buffer);
  bits[0] += z > 0 ? 1n : -1n;
  return view[0];
}

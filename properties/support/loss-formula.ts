import { UNIT_ROUNDOFF } from "../../src/numerics/rounding.js";
import * as reference from "../../src/reference/index.js";

/**
 * Earning the hint of a wrong loss of one example: the learner's value is compared with the
 * value of each inaccurate formula a learner often writes for the loss L(z, y), evaluated here on
 * the same z and y; a hint names a formula only when the learner's value is that formula's (to 4
 * units of roundoff) and the formula's value is not the exact loss.
 */

const CLIPPED =
  "σ(z) is clipped to [1e-15, 1 − 1e-15] before the log, as the article's cost does: the loss is computed from the clipped σ, not from z — do not clip; compute log(1 + e^t) from z";

/** The loss written three ways, each for the label's term only (t = −z for y = 1, z for y = 0). */
function formulas(z: number, y: number): readonly (readonly [number, string])[] {
  const t = y === 1 ? -z : z;
  const sigma = 1 / (1 + Math.exp(-z));
  const term = (p: number) => (y === 1 ? -Math.log(p) : -Math.log(1 - p));
  const clipped = Math.min(1 - 1e-15, Math.max(1e-15, sigma));
  const softplus = t > 0 ? t + Math.log(1 + Math.exp(-t)) : Math.log(1 + Math.exp(t));
  // Clipping is a cause only where it changes σ(z).
  const clipping = clipped === sigma ? [] : ([[term(clipped), CLIPPED]] as const);
  return [
    ...clipping,
    [
      term(sigma),
      `the value is ${y === 1 ? "−log σ(z)" : "−log(1 − σ(z))"} of a rounded σ(z): a tail's loss keeps only the digits that the rounded σ(z) still holds — compute the loss from z: log(1 + e^t) = max(t, 0) + log1p(e^(−|t|)) with t = ${y === 1 ? "−z" : "z"}`,
    ],
    [
      softplus,
      "the value is log(1 + e^t) with Math.log: 1 + e^t rounds away most of a small e^t — write log1p(e^t) (and for t > 0, t + log1p(e^(−t)))",
    ],
  ];
}

/**
 * The formula that `actual` (the learner's loss of one example with logit z and label y) comes
 * from, as a hint, when it is one of {@link formulas} and that formula is off from the exact loss;
 * otherwise undefined.
 */
export function lossFormulaHint(actual: number, z: number, y: number): string | undefined {
  const exact = reference.loss(z, y);
  const near = (a: number, b: number) =>
    Object.is(a, b) || (Number.isFinite(b) && Math.abs(a - b) <= 4 * UNIT_ROUNDOFF * Math.abs(b));
  for (const [value, hint] of formulas(z, y)) {
    if (near(actual, value) && !near(value, exact)) return hint;
  }
  return undefined;
}

/**
 * Why logLoss(y, z) is off (or not finite) on this counterexample, from one example at a time:
 * the first example whose log-loss alone is off, with the formula it comes from when
 * {@link lossFormulaHint} recognises it; or, when every example alone is right, the combination
 * of the losses (a sum that overflows before the division when the whole is not finite).
 */
export function logLossHint(
  logLoss: (y: Float64Array, z: Float64Array) => number,
  y: Float64Array,
  z: Float64Array,
): string {
  for (let i = 0; i < z.length; i++) {
    const single = logLoss(Float64Array.of(y[i]), Float64Array.of(z[i]));
    const exact = reference.loss(z[i], y[i]);
    if (Object.is(single, exact) || Math.abs(single - exact) <= 8 * UNIT_ROUNDOFF * exact) continue;
    const alone = `example ${i} alone (z = ${z[i]}, y = ${y[i]}) gives ${single}, its loss is ${exact}`;
    const formula = lossFormulaHint(single, z[i], y[i]);
    return formula ? `${alone}: ${formula}` : `${alone}: evaluate that one loss step by step`;
  }
  const whole = logLoss(y, z);
  if (!Number.isFinite(whole) && z.length > 1) {
    return "every example alone gives its loss, only the log-loss of all of them is not finite: a sum of losses near 1e308 overflows before the division by m — take the mean so that it cannot (e.g. divide each term by m first)";
  }
  return "every example alone gives its loss, only their combination is off: check how the losses are combined (the sum, the count m, the division)";
}

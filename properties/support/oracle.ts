import type { Gradients, Matrix } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import * as reference from "../../src/reference/index.js";
import type { Dataset } from "./arbitraries.js";
import { PropertyViolation, expectGradientsWithin, expectWithin } from "./expectations.js";
import type { Tolerance } from "./expectations.js";
import { costRoundingBound, gamma } from "../../src/numerics/rounding.js";
import { lossFormulaHint } from "./loss-formula.js";

/**
 * Blaming the right function. Where two implementations of one quantity (the loop and the
 * vectorized cost, or gradient) could be compared with each other, each is compared with an
 * independent oracle instead — the reference implementation (src/reference), which the suite
 * proves on its own — and the report names the one that is off, or both.
 *
 * And earning a hint: the diagnoses below look at the counterexample itself (one row at a time,
 * the logits, σ rounding to 0 or 1) and return a hint only when its cause is there.
 */

export { reference };

/** Row i of a data set as a one-row data set (copies). */
export function oneRow({ X, y }: { X: Matrix; y: Float64Array }, i: number) {
  const X1: Matrix = { rows: 1, cols: X.cols, data: Float64Array.from(rowView(X, i)) };
  return { X: X1, y: Float64Array.of(y[i]) };
}

/**
 * Checks each of `candidates` (name, value) against the oracle's `expected` within `tolerance`:
 * throws the first candidate's violation, blaming every candidate that is off (both, when both
 * are, with a hint that says so).
 */
export function expectEachWithin(
  candidates: readonly (readonly [string, number, string])[],
  expected: number,
  tolerance: Tolerance,
  bothHint: string,
  why?: Why<number>,
): void {
  const failures: Failure<number>[] = [];
  for (const [name, actual, checked] of candidates) {
    try {
      expectWithin(checked, actual, expected, tolerance);
    } catch (error) {
      if (!(error instanceof PropertyViolation)) throw error;
      failures.push({ name, actual, violation: error });
    }
  }
  throwBlaming(failures, bothHint, why);
}

/** The gradient version of {@link expectEachWithin}: each candidate against the oracle's gradient. */
export function expectEachGradientWithin(
  candidates: readonly (readonly [string, Gradients, string])[],
  expected: Gradients,
  bounds: Gradients,
  reason: string,
  bothHint: string,
  why?: Why<Gradients>,
): void {
  const failures: Failure<Gradients>[] = [];
  for (const [name, actual, checked] of candidates) {
    try {
      expectGradientsWithin(checked, actual, expected, bounds, reason);
    } catch (error) {
      if (!(error instanceof PropertyViolation)) throw error;
      failures.push({ name, actual, violation: error });
    }
  }
  throwBlaming(failures, bothHint, why);
}

/** An earned hint for a candidate's wrong value (a re-check on the counterexample), if any. */
type Why<T> = (name: string, actual: T) => string | undefined;

interface Failure<T> {
  name: string;
  actual: T;
  violation: PropertyViolation;
}

function throwBlaming<T>(failures: Failure<T>[], bothHint: string, why?: Why<T>): void {
  if (failures.length === 0) return;
  const [first] = failures;
  first.violation.detail.blame = failures.map((failure) => failure.name);
  const cause = why?.(first.name, first.actual);
  if (failures.length > 1) {
    const others = failures
      .slice(1)
      .map((f) => `${f.violation.detail.checked} = ${f.violation.detail.actual}`);
    first.violation.detail.hint = `${cause ?? bothHint} (also off: ${others.join("; ")})`;
  } else if (cause) first.violation.detail.hint = cause;
  throw first.violation;
}

/**
 * Why `cost` is off on `data`, from one row at a time, when the counterexample shows it: the first
 * row whose cost alone is off from its loss by more than twice the row's rounding bound, with the
 * formula it comes from when {@link lossFormulaHint} recognises it; or, when every row alone is
 * right, a cost that is not the mean of the losses ({@link notAMeanHint}). Undefined otherwise.
 */
export function costMistakeHint(
  name: string,
  cost: CostFunction,
  data: Dataset,
): string | undefined {
  const { X, y, w, b } = data;
  for (let i = 0; i < X.rows; i++) {
    const row = oneRow(data, i);
    const single = cost(row.X, row.y, w, b);
    const z = reference.predict(rowView(X, i), w, b);
    const exact = reference.loss(z, y[i]);
    if (Math.abs(single - exact) <= 2 * costRoundingBound(row.X, row.y, w, b)) continue;
    const alone = `row ${i} alone (z = ${z}, y = ${y[i]}) gives ${name} = ${single}, its loss is ${exact}`;
    const formula = lossFormulaHint(single, z, y[i]);
    return `${alone}: ${formula ?? "evaluate that one loss step by step for this z"}`;
  }
  return X.rows > 1 ? notAMeanHint(name, cost, data) : undefined;
}

/** e^z overflows to Infinity above this logit. */
const EXP_OVERFLOW = Math.log(Number.MAX_VALUE);
/** The largest float32, (2 − 2⁻²³)·2¹²⁷: a larger loss stored as float32 becomes Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

type CostFunction = (X: Matrix, y: Float64Array, w: Float64Array, b: number) => number;

/**
 * `cost` of one example with `cols` zero features, label `label` and logit `z` (w = 0, b = z):
 * its exact value is the one loss L(z, label), so it tells what the function does at that logit
 * alone.
 */
function costAtLogit(cost: CostFunction, cols: number, z: number, label: number): number {
  const X: Matrix = { rows: 1, cols, data: new Float64Array(cols) };
  return cost(X, Float64Array.of(label), new Float64Array(cols), z);
}

/**
 * The cause of a non-finite one-row cost at a logit |z| > 709.78 whose loss is finite, re-checked
 * on one-row data sets of the same label and the logit's sign (t = ±40, ±720, ±3e38, ±3.5e38),
 * or undefined when no re-check confirms one:
 * - not finite at |t| = 40, where no exponential overflows but σ rounds to 1: log(0) of a rounded σ;
 * - finite at 40, not at 720 (past 709.78): an exponential of a large number overflows;
 * - finite at 720 and at 3e38, not at 3.5e38 (past float32's largest, 3.4e38): float32 storage.
 */
function largeLogitCause(cost: CostFunction, cols: number, z: number, label: number) {
  const at = (t: number) => costAtLogit(cost, cols, Math.sign(z) * t, label);
  if (!Number.isFinite(at(40))) {
    return `the same label at z = ${Math.sign(z) * 40} alone is not finite either, where σ(z) rounds to ${z > 0 ? 1 : 0} but nothing overflows: a log of a rounded σ(z) is log(0) = −∞ — compute the loss from z (log(1 + e^(−z)) and log(1 + e^z)), not from a rounded σ(z)`;
  }
  if (!Number.isFinite(at(720))) {
    return `the same label at z = ${Math.sign(z) * 720} alone (loss about 720) is not finite either, while z = ${Math.sign(z) * 40} is: an exponential e^t overflows to Infinity once t > 709.78 (in log(1 + e^z), or in σ(z) = 1/(1 + e^(−z))) — form no exponential of a large positive number: log(1 + e^t) = max(t, 0) + log1p(e^(−|t|))`;
  }
  if (Number.isFinite(at(3e38)) && !Number.isFinite(at(3.5e38))) {
    return `a loss of 3e38 alone comes out finite and one of 3.5e38 does not: the losses go through float32, whose largest value is ${FLOAT32_MAX} — keep every loss and sum in float64 (a Float64Array or plain numbers)`;
  }
  return undefined;
}

/**
 * Why `cost` is not finite on `data` although every logit is, when the counterexample shows the
 * cause; otherwise a neutral hint. Causes checked: one row alone gives a non-finite loss (σ(z)
 * rounds to 0 or 1 under a log; or, for |z| > 709.78, the re-checks of {@link largeLogitCause}),
 * or every row alone is finite and only the mean of m > 1 of them overflows.
 */
export function diagnoseInfiniteCost(name: string, cost: CostFunction, data: Dataset): string {
  const { X, w, b } = data;
  for (let i = 0; i < X.rows; i++) {
    const row = oneRow(data, i);
    const single = cost(row.X, row.y, w, b);
    if (Number.isFinite(single)) continue;
    const z = reference.predict(rowView(X, i), w, b);
    const loss = reference.loss(z, data.y[i]);
    const alone = `row ${i} alone (z = ${z}, y = ${data.y[i]}) gives ${name} = ${single}, yet its loss is ${loss}`;
    const s = reference.sigmoid(z);
    if (Math.abs(z) > EXP_OVERFLOW) {
      const cause = largeLogitCause(cost, X.cols, z, data.y[i]);
      if (cause) return `${alone}; ${cause}`;
    } else if (s === 0 || s === 1) {
      return `${alone}: σ(z) rounds to ${s}, so log(${s === 1 ? "1 − σ(z)" : "σ(z)"}) is log(0) = −∞ — compute the loss from z (log(1 + e^(−z)) and log(1 + e^z)), not from a rounded σ(z)`;
    }
    return `${alone}: evaluate that one loss step by step for this z`;
  }
  if (X.rows > 1) {
    return (
      notAMeanHint(name, cost, data) ??
      "every row alone gives a finite cost, only the mean of all of them overflows: a sum of m finite losses near 1e308 overflows before you divide by m — take the mean so that it cannot (e.g. divide each term first)"
    );
  }
  return "the cost of this one example is not finite although its logit is: evaluate it step by step";
}

/**
 * A hint when `cost` is not the mean of the losses on `data`'s rows, from a re-check at w = 0,
 * b = 0, where every loss is exactly ln 2 and so is their mean whatever m: a cost off from ln 2 by
 * more than γₘ₊₂·ln 2 (the bound of the ln 2 property) is not a mean. Named as m·ln 2 (never
 * divided), (m/n)·ln 2 (divided by the feature count n), or neither; undefined when the cost at
 * zero is ln 2.
 */
export function notAMeanHint(name: string, cost: CostFunction, data: Dataset): string | undefined {
  const { X, y } = data;
  const m = X.rows;
  const J = cost(X, y, new Float64Array(X.cols), 0);
  const near = (a: number, b: number) => Math.abs(a - b) <= gamma(m + 2) * b;
  if (near(J, Math.LN2)) return undefined;
  const atZero = `at w = 0, b = 0 every loss is ln 2, so the cost of these ${m} rows is ln 2 = ${Math.LN2}, but ${name} gives ${J}`;
  if (near(J, m * Math.LN2))
    return `${atZero} = ${m} · ln 2: the sum of the losses is not divided by m = ${m}${X.cols === 1 ? " (or by something that is 1 here, such as the feature count X.cols)" : ""}`;
  if (X.cols !== m && near(J, (m / X.cols) * Math.LN2)) {
    return `${atZero} = (${m}/${X.cols}) · ln 2: the sum is divided by the number of features n = X.cols = ${X.cols}, not by the number of rows m = X.rows = ${m}`;
  }
  return `${atZero}: the cost is not the mean of the losses — check the sum and what it is divided by`;
}

/**
 * Why `cost` is NaN on `data`, when the counterexample shows the cause; otherwise a neutral
 * hint. Causes checked: a row where σ(z) rounds to exactly the label (1 for y = 1, 0 for y = 0),
 * so the term the label does not select is 0 · log(0) = NaN; or every row alone is a number and
 * only their combination is NaN.
 */
export function diagnoseNaNCost(name: string, cost: CostFunction, data: Dataset): string {
  const { X, w, b } = data;
  for (let i = 0; i < X.rows; i++) {
    const row = oneRow(data, i);
    const single = cost(row.X, row.y, w, b);
    if (!Number.isNaN(single)) continue;
    const z = reference.predict(rowView(X, i), w, b);
    const s = reference.sigmoid(z);
    const yi = data.y[i];
    if ((s === 1 && yi === 1) || (s === 0 && yi === 0)) {
      const term = yi === 1 ? "(1 − y) · log(1 − σ(z))" : "y · log(σ(z))";
      return `row ${i} alone (z = ${z}, y = ${yi}) gives NaN: σ(z) rounds to ${s}, so ${term} is 0 · log(0) = 0 · (−∞) = NaN — for a saturated logit compute only the term the label selects, from z rather than from a rounded σ(z)`;
    }
    return `row ${i} alone (z = ${z}, y = ${yi}, σ(z) = ${s}) gives ${name} = NaN: evaluate that one loss step by step to find the operation that gives NaN`;
  }
  return "every row alone gives a number, only the cost of all of them is NaN: check how the losses are combined (the sum, the count m, the division)";
}

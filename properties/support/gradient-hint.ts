import type { Gradients, Matrix } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import { reference } from "./oracle.js";
import { namedMistake } from "./shape-hint.js";
import type { Mistake } from "./shape-hint.js";

/**
 * The gradient (dw, db) as one vector [dw₀ … dwₙ₋₁, db], from per-example errors eᵢ and a
 * per-example, per-column factor: dwⱼ = (1/m) Σᵢ∈rows eᵢ · factor(i, j), db = (1/m) Σᵢ∈rows eᵢ.
 */
function gradientFrom(
  X: Matrix,
  errors: Float64Array,
  rows: readonly number[],
  factor: (i: number, j: number) => number,
): number[] {
  const m = X.rows;
  const dw = Array.from(
    { length: X.cols },
    (_, j) => rows.reduce((sum, i) => sum + errors[i] * factor(i, j), 0) / m,
  );
  return [...dw, rows.reduce((sum, i) => sum + errors[i], 0) / m];
}

/**
 * Why a gradient `actual` is off on (X, y, w, b), when it is the gradient of a common mistake:
 * one example left out (the last, or the first), wⱼ or xᵢ₀ in place of xᵢⱼ, no division by m (of
 * both, dw only or db only), a division by the feature count n, the error's sign flipped, or the
 * error taken from the logit (zᵢ − yᵢ, in both or in db only). Each mistake's gradient is computed from
 * the reference's errors eᵢ = σ(zᵢ) − yᵢ; undefined when none matches.
 */
export function gradientMistakeHint(
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
  actual: Gradients,
): string | undefined {
  const m = X.rows;
  const errors = Float64Array.from(
    { length: m },
    (_, i) => reference.sigmoid(reference.predict(rowView(X, i), w, b)) - y[i],
  );
  const all = Array.from({ length: m }, (_, i) => i);
  const x = (i: number, j: number) => X.data[i * X.cols + j];
  const right = gradientFrom(X, errors, all, x);
  const n = X.cols;
  const logitErrors = Float64Array.from(
    { length: m },
    (_, i) => reference.predict(rowView(X, i), w, b) - y[i],
  );
  const fromLogits = gradientFrom(X, logitErrors, all, x);
  const mistakes: Mistake[] = [
    {
      what: "the gradient without the last example (a loop i < m − 1)",
      fix: "sum over every i from 0 to m − 1",
      values: gradientFrom(X, errors, all.slice(0, -1), x),
    },
    {
      what: "the gradient without the first example (a loop from i = 1)",
      fix: "sum over every i from 0 to m − 1",
      values: gradientFrom(X, errors, all.slice(1), x),
    },
    {
      what: "(1/m) Σᵢ eᵢ · wⱼ, the weight wⱼ multiplied where the feature xᵢⱼ belongs",
      fix: "dwⱼ = (1/m) Σᵢ (σ(zᵢ) − yᵢ) · xᵢⱼ",
      values: gradientFrom(X, errors, all, (_, j) => w[j]),
    },
    {
      what: "(1/m) Σᵢ eᵢ · xᵢ₀ for every j, the feature index left out",
      fix: "dwⱼ = (1/m) Σᵢ (σ(zᵢ) − yᵢ) · xᵢⱼ",
      values: n === 0 ? [] : gradientFrom(X, errors, all, (i) => x(i, 0)),
    },
    ...divisionMistakes(right, m, n),
    {
      what: "the gradient of the errors zᵢ − yᵢ, σ left out (linear regression's gradient)",
      fix: "the error is σ(zᵢ) − yᵢ, in dw and in db",
      values: fromLogits,
    },
    {
      what: "a db from the errors zᵢ − yᵢ (σ left out of the bias term), while dw is right",
      fix: "db = (1/m) Σᵢ (σ(zᵢ) − yᵢ), the same errors as dw",
      values: [...right.slice(0, n), fromLogits[n]],
    },
    {
      what: "minus the gradient, the error taken as y − σ(z)",
      fix: "the error is σ(zᵢ) − yᵢ",
      values: right.map((value) => -value),
    },
  ];
  return namedMistake([...actual.dw, actual.db], right, mistakes);
}

/**
 * The gradients of a division gone wrong, from the right one [dw…, db] of m rows and n features:
 * no division by m (of both, of dw only, of db only) or a division by n instead of m.
 */
function divisionMistakes(right: readonly number[], m: number, n: number): Mistake[] {
  const perRows = "divide dw and db by the number of rows m = X.rows";
  const scaled = (k: number) => right.map((value) => value * k);
  return [
    {
      what: `m = ${m} times the gradient, the sums not divided by m`,
      fix: perRows,
      values: scaled(m),
    },
    {
      what: `the gradient × ${m}/${n}, the sums divided by the feature count n = X.cols`,
      fix: perRows,
      values: n === m ? [] : scaled(m / n),
    },
    {
      what: `dw not divided by m = ${m}, while db is`,
      fix: perRows,
      values: [...right.slice(0, n).map((value) => value * m), right[n]],
    },
    {
      what: `db not divided by m = ${m}, while dw is`,
      fix: perRows,
      values: [...right.slice(0, n), right[n] * m],
    },
  ];
}

import fc from "fast-check";
import { test } from "vitest";
import type { Matrix } from "../../src/contract.js";
import { pairwiseSum } from "../../src/numerics/pairwise-sum.js";
import { UNIT_ROUNDOFF, gamma } from "../../src/numerics/rounding.js";
import { scaledDouble } from "../support/arbitraries.js";
import { exactly, expectThat, expectWithin } from "../support/expectations.js";
import { guardArguments } from "../support/guard.js";
import { checkExample, checkProperty } from "../support/property.js";
import { requireFunctions } from "../support/step-functions.js";

/** Each function fails first, as itself, if it changes an argument (support/guard.ts). */
const lr = guardArguments(requireFunctions("fitScaler", "transformScaler", "standardizeFeatures"));

/**
 * The hint for a standardized column whose std is `std` instead of 1, earned: it names ddof 1
 * only when the std is √((m − 1)/m) within `bound`, which is what dividing by m − 1 gives.
 */
function stdHint(std: number, m: number, bound: number, j: number): string {
  const ddofOne = Math.sqrt((m - 1) / m);
  if (m > 1 && Math.abs(std - ddofOne) <= bound) {
    return `the standardized column's std is √((m − 1)/m) = ${ddofOne} for m = ${m}: exactly what a scale divided by m − 1 (pandas' .std(), ddof 1) gives — StandardScaler divides by m`;
  }
  return `the standardized column ${j} has std ${std}, not 1: evaluate fitScaler(X).scales[${j}] for this column by hand, √(Σ(x − mean)²/m), and compare`;
}

const step =
  "step 6 — StandardScaler: zᵢⱼ = (xᵢⱼ − meanⱼ) / scaleⱼ, scale = population std (ddof 0), 1 for a constant column";

/*
 * Tolerances. For a column x of m values with exact mean μ and population std σ, any sensible
 * implementation computes μ̂ with |μ̂ − μ| ≤ γₘ·max|x| (m − 1 additions and a division), and
 * σ̂² = σ² + (μ̂ − μ)² to within γₘ₊₃ relative (m squares and additions, a division, a sqrt).
 * With A = max|x| / σ (how large the values are against their spread) and Z = max|z|, one
 * standardized value is then off by at most
 *
 *     |δz| ≤ γₘ·A + (γₘ₊₃ + (γₘ·A)²)·Z + 2u·Z       (the shift by δμ, the scale's error, − and ÷)
 *
 * and a check that averages m such values (this file's, with numpy's pairwise sum) adds γₘ·Z.
 * Each bound below is 4× that, for the sqrt and the few roundings the sketch glosses over. A
 * large A — a huge mean on a tiny spread — honestly allows a large error: no float64 formula
 * can do better there.
 */
function columnOf(X: Matrix, j: number): Float64Array {
  return Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + j]);
}

/** max|x| / σ and σ (population, two-pass with pairwise sums) of one column. */
function spread(x: Float64Array) {
  const m = x.length;
  const mean = pairwiseSum(x) / m;
  const sigma = Math.sqrt(pairwiseSum(x.map((v) => (v - mean) ** 2)) / m);
  const largest = x.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  return { sigma, A: largest / sigma };
}

/** The bound on one standardized value of a column of m values (see above). */
function valueBound(m: number, A: number, Z: number): number {
  return 4 * (gamma(m) * A + (gamma(m + 3) + (gamma(m) * A) ** 2) * Z + 2 * UNIT_ROUNDOFF * Z);
}

/**
 * One column of m values: spread-out doubles at magnitudes 2⁻⁴⁰⁰ … 2⁴⁰⁰ (tiny and huge, squares
 * still normal), small integers (exact, with ties), a constant column, and a large mean on a
 * small spread (1e9 + 0…3).
 */
function columnValues(m: number): fc.Arbitrary<number[]> {
  const n = { minLength: m, maxLength: m };
  return fc.oneof(
    fc
      .record({ e: fc.integer({ min: -400, max: 400 }), v: fc.array(scaledDouble(-20, 0), n) })
      .map(({ e, v }) => v.map((x) => x * 2 ** e)),
    fc.array(fc.integer({ min: -5, max: 5 }), n),
    fc
      .oneof(fc.integer({ min: -1000, max: 1000 }), scaledDouble(-300, 300))
      .map((c) => Array<number>(m).fill(c)),
    fc
      .record({
        c: fc.integer({ min: -1e9, max: 1e9 }),
        v: fc.array(fc.integer({ min: 0, max: 3 }), n),
      })
      .map(({ c, v }) => v.map((x) => c + x)),
  );
}

/** A table of 1–12 rows (one-row tables included) and 1–3 columns, each column of any kind. */
const table: fc.Arbitrary<{ X: Matrix }> = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ m, n }) => fc.array(columnValues(m), { minLength: n, maxLength: n }))
  .map((columns) => {
    const m = columns[0].length;
    const n = columns.length;
    const data = new Float64Array(m * n);
    columns.forEach((c, j) => c.forEach((v, i) => (data[i * n + j] = v)));
    return { X: { rows: m, cols: n, data } };
  });

const isConstant = (x: Float64Array) => x.every((v) => v === x[0]);

/**
 * transformScaler(X, scaler) is (xᵢⱼ − meanⱼ) / scaleⱼ for the scaler it was given, within
 * γ₃·(|xᵢⱼ| + |meanⱼ|) / scaleⱼ: a subtraction and a division, or a multiplication by 1/scale,
 * each rounded once, in any of the usual arrangements.
 */
function expectAppliesScaler(
  X: Matrix,
  scaler: { means: Float64Array; scales: Float64Array },
  Z: Matrix,
) {
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      const x = X.data[i * X.cols + j];
      const mean = scaler.means[j];
      const scale = scaler.scales[j];
      expectWithin(
        `transformScaler(X, scaler)[${i}][${j}] with scaler = fitScaler(X)`,
        Z.data[i * Z.cols + j],
        (x - mean) / scale,
        {
          bound: (gamma(3) * (Math.abs(x) + Math.abs(mean))) / Math.abs(scale),
          reason: "γ₃·(|x| + |mean|)/scale: (x − mean)/scale rounded in any usual arrangement",
        },
      );
    }
  }
}

test("every standardized column has mean 0 and population std 1 (ddof 0) within its rounding bound; a constant column becomes 0 with scale 1, never NaN", () => {
  checkProperty({
    step,
    hint: "StandardScaler: per column the mean, the population std √(Σ(x − mean)²/m), and scale 1 for a constant column (never a division by 0): evaluate them by hand for the counterexample's columns",
    blames: "fitScaler",
    clauses: [
      "fitScaler.population",
      "fitScaler.constant-column",
      "fitScaler.no-mutation",
      "transformScaler.applies",
      "transformScaler.no-mutation",
    ],
    inputs: table,
    check: ({ X }) => {
      const scaler = lr.fitScaler(X);
      const Z = lr.transformScaler(X, scaler);
      const m = X.rows;
      // Which function is at fault: transformScaler must apply the scaler it is given. Once it
      // does, a column whose mean or std is off can only come from fitScaler's means or scales.
      expectAppliesScaler(X, scaler, Z);
      for (let j = 0; j < X.cols; j++) {
        const x = columnOf(X, j);
        const z = columnOf(Z, j);
        if (isConstant(x)) {
          expectWithin(
            `fitScaler(X).scales[${j}] of a constant column`,
            scaler.scales[j],
            1,
            exactly("a constant column keeps scale 1"),
          );
          const bound = {
            bound: 2 * gamma(m + 1) * Math.abs(x[0]),
            reason: "2γₘ₊₁·|x|: the mean of m equal values may round",
          };
          for (let i = 0; i < m; i++)
            expectWithin(`transformScaler(X)[${i}][${j}] of a constant column`, z[i], 0, bound);
          continue;
        }
        const { A } = spread(x);
        const Zmax = z.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
        const zMean = pairwiseSum(z) / m;
        const zStd = Math.sqrt(pairwiseSum(z.map((v) => (v - zMean) ** 2)) / m);
        const one = valueBound(m, A, Zmax);
        expectWithin(`fitScaler(X).means[${j}]: the mean of its standardized column`, zMean, 0, {
          bound: one + gamma(m) * Zmax,
          reason: "from m, max|x|/σ and max|z| (see the file's comment)",
        });
        const stdBound = 2 * one * (1 + Zmax);
        expectWithin(
          `fitScaler(X).scales[${j}]: the population std of its standardized column`,
          zStd,
          1,
          { bound: stdBound, reason: "from m, max|x|/σ and max|z| (see the file's comment)" },
          stdHint(zStd, m, stdBound, j),
        );
      }
    },
  });
});

test("standardize(a·x + c) = sign(a)·standardize(x) within the two columns' rounding bounds", () => {
  checkProperty({
    step,
    hint: "shifting a column moves its mean, scaling it scales its std: both must come from the column itself — the mean of the values, and a std that is never negative",
    blames: "fitScaler",
    clauses: ["fitScaler.affine"],
    inputs: fc.record({
      x: fc.integer({ min: 2, max: 12 }).chain(columnValues),
      k: fc.integer({ min: -8, max: 8 }),
      negative: fc.boolean(),
      c: fc.integer({ min: -1000, max: 1000 }),
    }),
    check: ({ x, k, negative, c }) => {
      const a = (negative ? -1 : 1) * 2 ** k;
      const column = Float64Array.from(x);
      fc.pre(!isConstant(column));
      const y = column.map((v) => a * v + c);
      const m = column.length;
      const standardize = (values: Float64Array) => {
        const X = { rows: m, cols: 1, data: values };
        return lr.transformScaler(X, lr.fitScaler(X)).data;
      };
      const zx = standardize(column);
      const zy = standardize(y);
      const sx = spread(column);
      const sy = spread(y);
      const Zmax = Math.max(...zx.map(Math.abs), ...zy.map(Math.abs));
      // y itself is rounded once (a·x is exact, + c is not): by ≤ u·max|y|, i.e. u·A_y in z.
      const bound =
        valueBound(m, sx.A, Zmax) + valueBound(m, sy.A, Zmax) + 2 * UNIT_ROUNDOFF * sy.A;
      for (let i = 0; i < m; i++) {
        expectWithin(
          `standardize(a·x + c)[${i}] with a = ${a}, c = ${c}`,
          zy[i],
          Math.sign(a) * zx[i],
          {
            bound,
            reason: "the rounding bounds of both columns, and of forming a·x + c",
          },
        );
      }
    },
  });
});

test("standardizeFeatures(df, label) drops the label column, returns it unscaled, and standardizes the rest exactly as fitScaler then transformScaler do", () => {
  checkProperty({
    step,
    hint: "X = df.drop(columns='y'); y = df['y'] comes first: the label stays 0/1 and is neither scaled nor used to fit the scaler",
    blames: "standardizeFeatures",
    clauses: [
      "standardizeFeatures.label",
      "standardizeFeatures.features",
      "standardizeFeatures.no-mutation",
    ],
    inputs: table.chain(({ X }) =>
      fc.record({
        X: fc.constant(X),
        labels: fc.array(fc.constantFrom(0, 1), { minLength: X.rows, maxLength: X.rows }),
        at: fc.integer({ min: 0, max: X.cols }),
      }),
    ),
    check: ({ X, labels, at }) => {
      const cols = X.cols + 1;
      const df = { rows: X.rows, cols, data: new Float64Array(X.rows * cols) };
      for (let i = 0; i < X.rows; i++)
        for (let j = 0, k = 0; j < cols; j++)
          df.data[i * cols + j] = j === at ? labels[i] : X.data[i * X.cols + k++];
      const result = lr.standardizeFeatures(df, at);
      for (let i = 0; i < X.rows; i++)
        expectWithin(
          `standardizeFeatures(df, ${at}).y[${i}]`,
          result.y[i],
          labels[i],
          exactly("the label is returned as it is"),
        );
      expectThat(
        `standardizeFeatures(df, ${at}).X`,
        result.X.rows === X.rows && result.X.cols === X.cols,
        `${X.rows} × ${X.cols} (the label column dropped)`,
        `${result.X.rows} × ${result.X.cols}`,
      );
      const scaler = lr.fitScaler(X);
      const expected = lr.transformScaler(X, scaler);
      for (let j = 0; j < X.cols; j++) {
        const x = columnOf(X, j);
        const { A } = spread(x);
        const Zmax = columnOf(expected, j).reduce((a, v) => Math.max(a, Math.abs(v)), 0);
        const bound = isConstant(x)
          ? 4 * gamma(X.rows + 1) * Math.abs(x[0])
          : 2 * valueBound(X.rows, A, Zmax);
        for (let i = 0; i < X.rows; i++) {
          expectWithin(
            `standardizeFeatures(df, ${at}).X[${i}][${j}]`,
            result.X.data[i * X.cols + j],
            expected.data[i * X.cols + j],
            {
              bound,
              reason: "two standardizations of the same column, each within its rounding bound",
            },
          );
        }
      }
    },
  });
});

test("transformScaler applies the scaler it is given to any rows — (x − mean)/scale within two roundings — and leaves X as it was", () => {
  checkProperty({
    step,
    hint: "transform must use the fitted means and scales (of the training rows), not refit on the rows it is given",
    blames: "transformScaler",
    clauses: ["transformScaler.applies", "transformScaler.no-mutation"],
    inputs: fc
      .record({ train: table, other: table })
      .filter(({ train, other }) => train.X.cols === other.X.cols),
    check: ({ train, other }) => {
      const scaler = lr.fitScaler(train.X);
      const before = Float64Array.from(other.X.data);
      const Z = lr.transformScaler(other.X, scaler);
      const n = other.X.cols;
      for (let k = 0; k < before.length; k++) {
        expectWithin(
          `transformScaler(X, scaler).data[${k}]`,
          other.X.data[k],
          before[k],
          exactly("X must not change"),
        );
        const expected = (before[k] - scaler.means[k % n]) / scaler.scales[k % n];
        expectWithin(
          `transformScaler(X, scaler)[${Math.floor(k / n)}][${k % n}]`,
          Z.data[k],
          expected,
          {
            bound: 2 * UNIT_ROUNDOFF * Math.abs(expected) + Number.MIN_VALUE,
            reason: "one subtraction and one division (or a multiplication by 1/scale)",
          },
        );
      }
    },
  });
});

test("a worked example: the article's columns on six rows, standardized by hand", () => {
  // duration 100, 180, 180, 220, 220, 300: mean 200, deviations 20·(−5, −1, −1, 1, 1, 5),
  //   Σd² = 400·54, population variance 400·9, scale 60, z = −5/3, −1/3, −1/3, 1/3, 1/3, 5/3.
  // pdays −1 six times (never contacted): constant, scale 1, z = 0.
  // housing_flag 1, 0, 0, 1, 1, 0 and marital_married 1, 0, 0, 1, 0, 1: mean 1/2, scale 1/2, z = ±1.
  // marital_single 0, 1, 0, 0, 1, 0: mean 1/3, variance (1/3)(2/3) = 2/9, scale √2/3,
  //   z = (1 − 1/3)/(√2/3) = √2 for a 1, (0 − 1/3)/(√2/3) = −1/√2 for a 0.
  // deposit (the label, column 5) 1, 0, 0, 1, 0, 1: returned as it is.
  const rows = [
    [100, -1, 1, 1, 0, 1],
    [180, -1, 0, 0, 1, 0],
    [180, -1, 0, 0, 0, 0],
    [220, -1, 1, 1, 0, 1],
    [220, -1, 1, 0, 1, 0],
    [300, -1, 0, 1, 0, 1],
  ];
  const r = Math.SQRT2;
  const h = -Math.SQRT1_2;
  const expected = {
    means: [200, -1, 1 / 2, 1 / 2, 1 / 3],
    scales: [60, 1, 1 / 2, 1 / 2, Math.SQRT2 / 3],
    X: [
      [-5 / 3, 0, 1, 1, h],
      [-1 / 3, 0, -1, -1, r],
      [-1 / 3, 0, -1, -1, h],
      [1 / 3, 0, 1, 1, h],
      [1 / 3, 0, 1, -1, r],
      [5 / 3, 0, -1, 1, h],
    ],
    y: [1, 0, 0, 1, 0, 1],
  };
  checkExample({
    step,
    hint: "work the example by hand: the means, the population std (÷ m), the constant column, and the label left out",
    blames: "standardizeFeatures",
    clauses: [
      "standardizeFeatures.label",
      "standardizeFeatures.features",
      "fitScaler.constant-column",
    ],
    input: {
      columns: "duration, pdays, housing_flag, marital_married, marital_single, deposit",
      rows,
    },
    check: () => {
      const df = { rows: 6, cols: 6, data: Float64Array.from(rows.flat()) };
      const { X, y, scaler } = lr.standardizeFeatures(df, 5);
      const bound = {
        bound: 64 * UNIT_ROUNDOFF * 5,
        reason: "a few roundings of values below 5 in magnitude",
      };
      expected.means.forEach((mean, j) =>
        expectWithin(`scaler.means[${j}]`, scaler.means[j], mean, {
          bound: bound.bound * 60,
          reason: bound.reason,
        }),
      );
      expected.scales.forEach((scale, j) =>
        expectWithin(`scaler.scales[${j}]`, scaler.scales[j], scale, {
          bound: bound.bound * 60,
          reason: bound.reason,
        }),
      );
      expected.X.forEach((row, i) =>
        row.forEach((z, j) => expectWithin(`X[${i}][${j}]`, X.data[i * 5 + j], z, bound)),
      );
      expected.y.forEach((label, i) =>
        expectWithin(`y[${i}]`, y[i], label, exactly("the label is not scaled")),
      );
    },
  });
});

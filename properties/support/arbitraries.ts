import fc from "fast-check";
import type { Matrix } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import { logitCannotBeNaN } from "./overflow.js";

/**
 * Small composable fast-check arbitraries for the model properties. Each one says which
 * interesting inputs it reaches; `arbitraries.test.ts` checks that it really does.
 */

/** A data set and a point (w, b) at which to evaluate the model: X is m × n, y ∈ {0, 1}ᵐ. */
export interface Dataset {
  X: Matrix;
  y: Float64Array;
  w: Float64Array;
  b: number;
}

/** The doubles at which float64 arithmetic changes behaviour, both signs. */
const landmarks = [
  0,
  Number.MIN_VALUE, // the smallest subnormal, 5e-324
  2.2250738585072014e-308, // the smallest normal
  36.7, // σ(z) rounds to 1 from about here
  40, // past the article's clip (|z| ≈ 34.5)
  709.78, // e^z overflows just above
  745.2, // e^(−z) underflows to 0 just above
  1e308,
  Number.MAX_VALUE,
  Infinity,
].flatMap((value) => [value, -value]);

/**
 * Every double except NaN: fast-check's full range (which already favours ±0, ±∞, ±MAX_VALUE and
 * subnormals), the {@link landmarks}, and a dense band |z| ≤ 800 around saturation and overflow.
 */
export const anyDouble: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(...landmarks),
  fc.double({ min: -800, max: 800, noNaN: true }),
);

/**
 * Doubles ±(1 + f)·2ᵉ with f ∈ [0, 1) at full precision and e ∈ [minExponent, maxExponent], and 0:
 * every magnitude in that range (subnormals when minExponent < −1022), spread evenly over the
 * exponents. Shrinking takes f → 0 and e → 0, so a counterexample comes out as ±1, ±2, ±0.5 …
 * rather than as the smallest subnormal, which is where fc.double shrinks to.
 */
export function scaledDouble(minExponent: number, maxExponent: number): fc.Arbitrary<number> {
  const nonZero = fc
    .record({
      negative: fc.boolean(),
      fraction: fc.double({ min: 0, max: 1 - Number.EPSILON, noNaN: true }),
      exponent: fc.integer({ min: minExponent, max: maxExponent }),
    })
    .map(
      ({ negative, fraction, exponent }) => (negative ? -1 : 1) * (1 + fraction) * 2 ** exponent,
    );
  return fc.oneof({ arbitrary: nonZero, weight: 9 }, { arbitrary: fc.constant(0), weight: 1 });
}

/** The smallest exponent of a subnormal double: 2⁻¹⁰⁷⁴ = Number.MIN_VALUE. */
const SUBNORMAL = -1074;

/** Small values: exact small integers and, less often, doubles below 16 in magnitude (subnormals included). */
export const smallValue: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -4, max: 4 }), weight: 2 },
  { arbitrary: scaledDouble(SUBNORMAL, 3), weight: 1 },
);

/**
 * Multiples of 1/4 in [−10, 10]: for properties about calculus rather than rounding, where a
 * counterexample should shrink to 0, ±1/4, ±1/2, … instead of towards subnormals.
 */
export const quarterValue: fc.Arbitrary<number> = fc
  .integer({ min: -40, max: 40 })
  .map((k) => k / 4);

/**
 * Small values mixed with magnitudes up to 2⁴⁹⁹ ≈ 1.6e150 (subnormals included): products stay
 * below 2.7e300, so every logit of up to 10 features is finite in any summation order.
 */
export const wideValue: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: smallValue, weight: 2 },
  { arbitrary: scaledDouble(SUBNORMAL, 498), weight: 1 },
);

/** Any finite double, up to ±Number.MAX_VALUE and down to subnormals, with the {@link landmarks}. */
export const finiteValue: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: smallValue, weight: 1 },
  { arbitrary: scaledDouble(SUBNORMAL, 1023), weight: 2 },
  { arbitrary: fc.constantFrom(...landmarks.filter(Number.isFinite)), weight: 1 },
);

export const label: fc.Arbitrary<number> = fc.constantFrom(0, 1);

export interface DatasetOptions {
  /** Values of X (default {@link smallValue}). */
  feature?: fc.Arbitrary<number>;
  /** Values of w and b (default: the same as `feature`). */
  parameter?: fc.Arbitrary<number>;
  /** At most this many rows (default 50); one-row data sets are always reachable. */
  maxRows?: number;
  /** At least this many rows (default 1). */
  minRows?: number;
  /** At most this many columns (default 10). */
  maxCols?: number;
}

/** Builds a Matrix from rows of equal length n (n is passed so that zero rows still have a shape). */
function toMatrix(rows: number[][], n: number): Matrix {
  return { rows: rows.length, cols: n, data: Float64Array.from(rows.flat()) };
}

/**
 * A {@link Dataset} with 1…maxRows rows and 1…maxCols columns. Rows shrink away one at a time,
 * so a counterexample comes out as small as it can be.
 */
export function dataset(options: DatasetOptions = {}): fc.Arbitrary<Dataset> {
  const { feature = smallValue, minRows = 1, maxRows = 50, maxCols = 10 } = options;
  const parameter = options.parameter ?? feature;
  return fc.integer({ min: 1, max: maxCols }).chain((n) =>
    fc
      .record({
        examples: fc.array(fc.tuple(fc.array(feature, { minLength: n, maxLength: n }), label), {
          minLength: minRows,
          maxLength: maxRows,
          size: "max", // fast-check's default size stops arrays near 10 elements
        }),
        w: fc.array(parameter, { minLength: n, maxLength: n }),
        b: parameter,
      })
      .map(({ examples, w, b }) => ({
        X: toMatrix(
          examples.map(([x]) => x),
          n,
        ),
        y: Float64Array.from(examples, ([, yi]) => yi),
        w: Float64Array.from(w),
        b,
      })),
  );
}

/**
 * Data sets whose features and parameters are drawn from the whole finite range, made safe from
 * ∞ − ∞: in a row whose logit could be NaN, each feature whose product with w has the opposite
 * sign to b (or is negative, when b = 0) is negated, so all of that row's summands share a sign.
 * Logits still overflow to +∞ and to −∞.
 */
export function datasetWithoutInfinityMinusInfinity(): fc.Arbitrary<Dataset> {
  return dataset({ feature: finiteValue }).map((data) => {
    const X = { ...data.X, data: Float64Array.from(data.X.data) };
    for (let i = 0; i < X.rows; i++) {
      const x = rowView(X, i);
      if (logitCannotBeNaN(x, data.w, data.b)) continue;
      const sign = data.b < 0 ? -1 : 1;
      for (let j = 0; j < x.length; j++) if (sign * data.w[j] * x[j] < 0) x[j] = -x[j];
    }
    return { ...data, X };
  });
}

/**
 * Data sets whose logits are finite but as large as 1e308: every |wⱼ xᵢⱼ| and |b| is at most
 * 1e308 / (n + 1), so |zᵢ| ≤ 1e308 in any order. Half the labels disagree with the sign of the
 * logit on average, so losses near 1e308 appear and a plain Σ Lᵢ overflows.
 */
export function datasetWithHugeLogits(): fc.Arbitrary<Dataset> {
  const fraction = fc.oneof(
    fc.constantFrom(1, -1, 0.5, -0.5),
    fc.double({ min: -1, max: 1, noNaN: true }),
  );
  return dataset({ feature: fraction, parameter: finiteValue, maxCols: 4 }).map((data) => {
    const n = data.X.cols;
    const limit = 1e308 / (n + 1);
    const scaled = data.X.data.map((fraction, k) => {
      return fraction * Math.min(limit / Math.abs(data.w[k % n]), Number.MAX_VALUE);
    });
    const X = { ...data.X, data: scaled };
    return { ...data, X, b: Math.max(-limit, Math.min(limit, data.b)) };
  });
}

/**
 * Data sets larger than the default ones: 101 to 2000 rows of 1 to 3 columns, so that a mistake
 * that shows only past 100 rows (a fixed-size buffer, a sum that drifts with m) is reachable.
 * Meant as a small share of a property's inputs (the time budget of `npm test`).
 */
export function largeDataset(options: DatasetOptions = {}): fc.Arbitrary<Dataset> {
  return dataset({ ...options, minRows: 101, maxRows: 2000, maxCols: 3 });
}

/** A permutation of 0…length−1. */
export function permutation(length: number): fc.Arbitrary<number[]> {
  const indices = Array.from({ length }, (_, i) => i);
  return fc.shuffledSubarray(indices, { minLength: length, maxLength: length });
}

/** A {@link dataset} with a permutation of its rows, `order` (flat, so it prints field by field). */
export function datasetWithRowOrder(options?: DatasetOptions) {
  return dataset(options).chain((data) =>
    permutation(data.X.rows).map((order) => ({ ...data, order })),
  );
}

/** A {@link dataset} with a permutation of its columns, `order`. */
export function datasetWithColumnOrder(options?: DatasetOptions) {
  return dataset(options).chain((data) =>
    permutation(data.X.cols).map((order) => ({ ...data, order })),
  );
}

/** A {@link dataset} with one column index k. */
export function datasetWithColumn(options?: DatasetOptions) {
  return dataset(options).chain((data) =>
    fc.nat({ max: data.X.cols - 1 }).map((k) => ({ ...data, k })),
  );
}

/** Logits in the middle range, where a sigmoid or loss cut off too early shows: |xᵢⱼ| ≤ 1, |wⱼ|, |b| ≤ 3.5 and n ≤ 10, so |z| ≤ 38.5. */
export function middleRangeDataset(): fc.Arbitrary<Dataset> {
  return dataset({
    feature: fc.double({ min: -1, max: 1, noNaN: true }),
    parameter: fc.double({ min: -3.5, max: 3.5, noNaN: true }),
  });
}

/** A small data set and `changed`, new small-integer weights a caller writes into w in place. */
export function datasetWithChangedWeights() {
  return fc
    .record({
      data: dataset({ maxRows: 8 }),
      changed: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 10, maxLength: 10 }),
    })
    .map(({ data, changed }) => ({
      ...data,
      changed: Float64Array.from(changed.slice(0, data.X.cols)),
    }));
}

import { expect, test } from "vitest";
import { fitColumn, standardizeFeatures } from "../../src/reference/6-standardize.js";

/**
 * The reference's StandardScaler column fit (src/reference/6-standardize.ts) where the model
 * properties do not reach: those draw values whose squares stay normal (2⁻⁴⁰⁰ … 2⁴⁰⁰) and check
 * within rounding bounds, so the guards for extreme magnitudes, the overflow rescue of the mean
 * and sklearn's test for a constant column are pinned here, on values worked by hand.
 * ε = 2⁻⁵², the spacing of doubles in [1, 2).
 */
const eps = Number.EPSILON;

test("deviations beyond 1e154, whose squares overflow, still give the exact scale: fitColumn(−1e200, 1e200) has mean 0 and scale 1e200", () => {
  // P = 2⁶⁶⁵ ≥ 1e200 > 2⁶⁶⁴: d = ±1e200/P (exact), v = fl(d²), √fl(d²) = |d|, scale = P·|d|.
  // Without the division by P, d² = 1e400 overflows and the scale is ∞.
  expect(fitColumn(Float64Array.of(-1e200, 1e200))).toEqual({ mean: 0, scale: 1e200 });
  expect(fitColumn(Float64Array.of(1e200, -1e200, 1e200, -1e200))).toEqual({
    mean: 0,
    scale: 1e200,
  });
});

test("deviations below 1e-154, whose squares underflow, are not a constant column: fitColumn(−1e-200, 1e-200) has scale 1e-200", () => {
  // P = 2⁻⁶⁶⁴: d = ±1e-200/P ≈ ±0.67. Without it, d² = 1e-400 rounds to 0, the variance is 0
  // and the column would be taken as constant (scale 1).
  expect(fitColumn(Float64Array.of(-1e-200, 1e-200))).toEqual({ mean: 0, scale: 1e-200 });
});

test("a constant column of huge values whose mean rounds one ulp away (np.sum(x)/m) still has scale 1, not NaN from deviations of 1e284 squared", () => {
  // 3 × 1.1e300 rounds up and its third is the next double above 1.1e300; for 1.3e300 the
  // double below. The deviations, one ulp (about 2e284), are scaled by P before squaring.
  const column = (a: number) => fitColumn(Float64Array.of(a, a, a));
  expect(column(1.1e300)).toEqual({ mean: 1.1000000000000002e300, scale: 1 });
  expect(column(-1.1e300)).toEqual({ mean: -1.1000000000000002e300, scale: 1 });
  expect(column(1.3e300)).toEqual({ mean: 1.2999999999999999e300, scale: 1 });
  expect(column(-1.3e300)).toEqual({ mean: -1.2999999999999999e300, scale: 1 });
});

test("a scale below 2⁻¹⁰²² (subnormal) is taken as 1; 2⁻¹⁰²² itself, the smallest normal, is kept", () => {
  // 3.5e-323 is 7 units of 2⁻¹⁰⁷⁴, so the mean is 3.5 units, rounded to 4 (ties to even):
  // deviations 3 and −4 units, scale 3.5 units, rounded to 4 units = 2e-323, subnormal → 1.
  expect(fitColumn(Float64Array.of(3.5e-323, 0))).toEqual({ mean: 2e-323, scale: 1 });
  // 0 and 2⁻¹⁰²¹: mean 2⁻¹⁰²², deviations ±2⁻¹⁰²², scale exactly 2⁻¹⁰²².
  expect(fitColumn(Float64Array.of(0, 2 ** -1021))).toEqual({
    mean: 2 ** -1022,
    scale: 2 ** -1022,
  });
});

test("when the plain sum overflows, the mean is Σ(xᵢ/m), exact here: fitColumn(2¹⁰²³, 1.5·2¹⁰²³) has mean 1.25·2¹⁰²³ and scale 2¹⁰²¹", () => {
  // 2¹⁰²³ + 1.5·2¹⁰²³ = 1.25·2¹⁰²⁴ overflows; 2¹⁰²² + 1.5·2¹⁰²² = 1.25·2¹⁰²³ does not.
  // Deviations ±2¹⁰²¹, so the population std is 2¹⁰²¹.
  expect(fitColumn(Float64Array.of(2 ** 1023, 1.5 * 2 ** 1023))).toEqual({
    mean: 1.25 * 2 ** 1023,
    scale: 2 ** 1021,
  });
});

test("when a value is not finite the mean is the plain IEEE sum over m, as numpy's, without the overflow rescue: an overflow meeting ∓∞ is NaN", () => {
  // 1e308 + 1e308 = ∞, then ∞ + (−∞) = NaN; summing xᵢ/m instead would give −∞.
  expect(fitColumn(Float64Array.of(1e308, 1e308, -Infinity)).mean).toBeNaN();
  expect(fitColumn(Float64Array.of(-1e308, -1e308, Infinity)).mean).toBeNaN();
});

test("the mean is np.sum(x)/m, not Σ(xᵢ/m), even where they differ in the last bit: fitColumn(1 + ε, 1 + ε, 1 + 2ε) has mean 1 + ε", () => {
  // The sum 3 + 4ε is exact; (3 + 4ε)/3 = 1 + (4/3)ε rounds to 1 + ε. Summing the thirds gives
  // 1 + 2ε. The values differ by one ε: a constant column by sklearn's test (scale 1).
  expect(fitColumn(Float64Array.of(1 + eps, 1 + eps, 1 + 2 * eps))).toEqual({
    mean: 1 + eps,
    scale: 1,
  });
});

test("a column that varies only in its last bit is constant by sklearn's _is_constant_feature (var ≤ m·ε·var + (m·mean·ε)²): scale 1, not ≈ 6e-16", () => {
  // u = 2⁻⁵⁰, the spacing at 5. Values 5 + u, 5 + 2u, 5, 5 + u: the sum rounds to 20 + 4u, so
  // mean 5 + u; deviations 0, u, −u, 0, var = u²/2; (m·mean·ε)² ≈ (80u)² is far above it.
  const u = 2 ** -50;
  expect(fitColumn(Float64Array.of(5 + u, 5 + 2 * u, 5, 5 + u))).toEqual({
    mean: 5 + u,
    scale: 1,
  });
});

test("at the boundary var = m·ε·var + (m·mean·ε)² a column is constant, as sklearn's `var <= upper_bound` says: fitColumn(2⁵⁰ − 0.75, 2⁵⁰ + 0.25) has scale 1", () => {
  // mean 2⁵⁰ − 0.25 (the sum 2⁵¹ − 0.5 is exact), deviations ±0.5, var = 0.25.
  // m·mean·ε = 0.5 − 2⁻⁵³, whose square rounds to 0.25 − 2⁻⁵³; m·ε·var = 2⁻⁵³; the bound is
  // 0.25 = var exactly. One step further from constant (2⁵⁰ − 0.75, 2⁵⁰ + 0.5) it is not.
  expect(fitColumn(Float64Array.of(2 ** 50 - 0.75, 2 ** 50 + 0.25))).toEqual({
    mean: 2 ** 50 - 0.25,
    scale: 1,
  });
});

test("the correction (Σdᵢ)²/m of the two-pass variance removes the mean's rounding error: fitColumn(2⁵¹, 2⁵¹, 2⁵¹ + 100) has scale 100·√2/3", () => {
  // At 2⁵¹ doubles are 0.5 apart: the mean 2⁵¹ + 33.33… rounds to 2⁵¹ + 33.5, so the
  // deviations are −33.5, −33.5, 66.5 (exact), Σdᵢ² = 6666.75 and Σdᵢ = −0.5. Corrected:
  // (6666.75 − 0.25/3)/3 = 20000/9, the population variance of 0, 0, 100, whose root is
  // 100·√2/3 ≈ 47.1405; uncorrected (6666.75/3) it would be √2222.25 ≈ 47.1407.
  const { mean, scale } = fitColumn(Float64Array.of(2 ** 51, 2 ** 51, 2 ** 51 + 100));
  expect(mean).toBe(2 ** 51 + 33.5);
  expect(Math.abs(scale - (100 * Math.SQRT2) / 3)).toBeLessThanOrEqual(4 * 2 ** -47);
});

test("a column of 2¹⁸ values, one 1 and the rest 0, is not constant: its small variance (≈ 2⁻¹⁸) is far above sklearn's rounding bound", () => {
  // mean 2⁻¹⁸ (exact), variance (1/m)(1 − 1/m) = 2⁻¹⁸(1 − 2⁻¹⁸), scale 2⁻⁹·√(1 − 2⁻¹⁸).
  // The bound m·ε·var + (m·mean·ε)² is about 2⁻³⁴·var + 2⁻¹⁰⁴: m·ε divided by var instead,
  // 2⁻¹⁶, would exceed the variance and call the column constant.
  const m = 2 ** 18;
  const x = new Float64Array(m);
  x[m - 1] = 1;
  const { mean, scale } = fitColumn(x);
  expect(mean).toBe(2 ** -18);
  const expected = 2 ** -9 * Math.sqrt(1 - 2 ** -18);
  expect(Math.abs(scale / expected - 1)).toBeLessThanOrEqual(2 ** -40);
});

test("standardizeFeatures returns X with exactly rows × (cols − 1) values: the label column takes no room", () => {
  const df = { rows: 2, cols: 3, data: Float64Array.of(1, 0, 5, 3, 1, 9) };
  const { X, y } = standardizeFeatures(df, 1);
  expect(X.rows).toBe(2);
  expect(X.cols).toBe(2);
  expect(Array.from(X.data)).toEqual([-1, -1, 1, 1]);
  expect(Array.from(y)).toEqual([0, 1]);
});

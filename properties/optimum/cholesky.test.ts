import { expect, test } from "vitest";
import { cholesky, choleskySolve, solveDamped } from "../../src/optimum/cholesky.js";

/**
 * The Cholesky factorisation and the Levenberg damping behind newtonOptimum
 * (src/reference/cholesky.ts), on small matrices whose factors are exact in float64, so that
 * every expectation is exact. Matrices are row-major and only their lower triangle is read; the
 * upper triangle is left 0, as the Hessian leaves it.
 */

/** A 2×2 lower triangle as the row-major array cholesky reads: [[a, 0], [b, c]]. */
const lower2 = (a: number, b: number, c: number) => Float64Array.of(a, 0, b, c);

test("cholesky factors H + μI = L Lᵀ: [[4, 2], [2, 2]] gives L = [[2, 0], [1, 1]], and with μ = 5, [[9, 2], [2, 7]] gives [[3, 0], [2/3, √(59)/3]]", () => {
  expect(cholesky(lower2(4, 2, 2), 2, 0)).toEqual(Float64Array.of(2, 0, 1, 1));
  const L = cholesky(lower2(4, 2, 2), 2, 5);
  expect(L?.[0]).toBe(3);
  expect(L?.[2]).toBe(2 / 3);
  // 7 − (2/3)² = 59/9 up to one rounding of each operation; the factor is its square root
  expect(L?.[3]).toBe(Math.sqrt(7 - (2 / 3) ** 2));
});

test("cholesky reads only the lower triangle: what the upper triangle holds does not change L", () => {
  const upperFilled = Float64Array.of(4, 99, 2, 2);
  expect(cholesky(upperFilled, 2, 0)).toEqual(cholesky(lower2(4, 2, 2), 2, 0));
});

test("cholesky refuses a pivot that is not positive: diag(1, 0), diag(1, −1), and a pivot that the damping brings to exactly 0", () => {
  expect(cholesky(lower2(1, 0, 0), 2, 0)).toBeNull();
  expect(cholesky(lower2(1, 0, -1), 2, 0)).toBeNull();
  // [[0, ·], [4, 0]] + 4I: pivot 4 − (4/2)² = 0 exactly, below 10⁻¹⁴ · (0 + 4)
  expect(cholesky(lower2(0, 4, 0), 2, 4)).toBeNull();
});

test("cholesky refuses a pivot that is a rounding residue, ≤ 10⁻¹⁴ · Hⱼⱼ, and accepts one just above", () => {
  // [[4, ·], [2, 1 + δ]]: the second pivot is (1 + δ) − 1 = δ exactly, for δ a power of two
  expect(cholesky(lower2(4, 2, 1 + 2 ** -50), 2, 0), "δ = 2⁻⁵⁰ ≈ 8.9e-16").toBeNull();
  expect(cholesky(lower2(4, 2, 1 + 2 ** -46), 2, 0), "δ = 2⁻⁴⁶ ≈ 1.4e-14").not.toBeNull();
});

test("choleskySolve solves L Lᵀ d = g by forward and back substitution: [[4, 2], [2, 2]] d = (6, 4) gives d = (1, 1)", () => {
  const L = Float64Array.of(2, 0, 1, 1);
  expect(choleskySolve(L, 2, Float64Array.of(6, 4))).toEqual(Float64Array.of(1, 1));
  // three by three: L = [[1, 0, 0], [2, 1, 0], [3, 4, 1]], d = (1, −1, 2)
  const L3 = Float64Array.of(1, 0, 0, 2, 1, 0, 3, 4, 1);
  const d = [1, -1, 2];
  const LTd = [d[0] + 2 * d[1] + 3 * d[2], d[1] + 4 * d[2], d[2]];
  const g = [LTd[0], 2 * LTd[0] + LTd[1], 3 * LTd[0] + 4 * LTd[1] + LTd[2]];
  expect(choleskySolve(L3, 3, Float64Array.from(g))).toEqual(Float64Array.from(d));
});

test("solveDamped does not damp a positive definite H: μ = 0 and d = H⁻¹g", () => {
  const { step, mu } = solveDamped(lower2(4, 2, 2), Float64Array.of(6, 4));
  expect(mu).toBe(0);
  expect(step).toEqual(Float64Array.of(1, 1));
});

test("solveDamped damps a singular H by μ₀ = 10⁻¹² · max Hⱼⱼ, which already factors: diag(4, 0) and diag(0, 4) get μ = 4e-12", () => {
  const first = solveDamped(lower2(4, 0, 0), Float64Array.of(4, 1));
  expect(first.mu).toBe(4e-12);
  expect(first.step).toEqual(Float64Array.of(4 / (4 + 4e-12), 1 / 4e-12));
  const last = solveDamped(lower2(0, 0, 4), Float64Array.of(1, 4));
  expect(last.mu).toBe(4e-12);
  expect(last.step).toEqual(Float64Array.of(1 / 4e-12, 4 / (4 + 4e-12)));
});

test("solveDamped raises μ tenfold from μ₀ until H + μI factors, and stops at the first that does: diag(1, −10⁻⁶) gets μ ≈ 10⁻⁵ (10⁻¹² · 10⁶ comes out a hair under 10⁻⁶, not enough)", () => {
  const H = lower2(1, 0, -1e-6);
  const { mu } = solveDamped(H, Float64Array.of(1, 1));
  const tenfolds = Math.log10(mu / 1e-12);
  expect(Math.abs(tenfolds - Math.round(tenfolds)), "μ / μ₀ is a power of ten").toBeLessThan(1e-9);
  expect(cholesky(H, 2, mu), "H + μI factors").not.toBeNull();
  expect(cholesky(H, 2, mu / 10), "H + (μ/10)I does not").toBeNull();
  expect(mu, "μ outweighs the eigenvalue −10⁻⁶").toBeGreaterThan(1e-6);
  expect(Math.round(tenfolds), "tenfold raises from μ₀ = 10⁻¹²").toBe(7);
});

test("solveDamped damps an all-zero H (every p(1 − p) underflowed) by the smallest double instead of looping on μ = 0", () => {
  const { step, mu } = solveDamped(new Float64Array(4), new Float64Array(2));
  expect(mu).toBe(Number.MIN_VALUE);
  expect(step).toEqual(new Float64Array(2));
});

test("solveDamped throws a RangeError when H is not finite, rather than raising μ forever", () => {
  expect(() => solveDamped(lower2(NaN, 0, 1), Float64Array.of(1, 1))).toThrow(
    new RangeError("newtonOptimum: the Hessian is not finite"),
  );
});

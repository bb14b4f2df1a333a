import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { newtonOptimum, standardErrors } from "../../src/optimum/index.js";
import {
  computeCostVectorized,
  computeGradientsVectorized,
  gradientDescent,
} from "../../src/reference/index.js";
import { runs } from "../support/runs.js";

/** Rows of one binary feature with the given counts: n[x][y] examples of (x, y). */
function twoByTwo(n: number[][]) {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const x of [0, 1])
    for (const y of [0, 1])
      for (let k = 0; k < n[x][y]; k++) {
        rows.push([x]);
        labels.push(y);
      }
  return { X: matrixFromRows(rows), y: Float64Array.from(labels) };
}

/** The counts n[x][y] of a 2×2 table, every cell non-empty (1 to 40 examples). */
const cellCount = fc.integer({ min: 1, max: 40 });
const tableCounts = fc.tuple(fc.tuple(cellCount, cellCount), fc.tuple(cellCount, cellCount));

const logit = (p: number) => Math.log(p / (1 - p));

describe("newtonOptimum: the exact minimiser of the article's cost", () => {
  test("with one binary feature it reproduces the closed form b = logit(ȳ|x=0), w = logit(ȳ|x=1) − logit(ȳ|x=0)", () => {
    // Every cell of the 2×2 table is non-empty, so the optimum exists and is the saturated
    // model's; 1e-12 relative: Newton ends at the rounding floor of the gradient (≈ 1e-17).
    fc.assert(
      fc.property(tableCounts, (n) => {
        const { X, y } = twoByTwo(n);
        const result = newtonOptimum(X, y);
        const b = logit(n[0][1] / (n[0][0] + n[0][1]));
        const w = logit(n[1][1] / (n[1][0] + n[1][1])) - b;
        expect(result.converged).toBe(true);
        expect(Math.abs(result.b - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
        expect(Math.abs(result.w[0] - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w)));
      }),
      { numRuns: runs },
    );
  });

  test("its standard errors are the 2×2 table's: SE(w)² = Σ 1/nₓᵧ, SE(b)² = 1/n₀₀ + 1/n₀₁", () => {
    fc.assert(
      fc.property(tableCounts, (n) => {
        const { X, y } = twoByTwo(n);
        const se = standardErrors(X, newtonOptimum(X, y));
        const inverse = n.flat().map((count) => 1 / count);
        // 1e-9 relative: the optimum is exact to ~1e-15, and H⁻¹ from a Cholesky of a 2×2
        // matrix with condition number ≤ ~40² loses at most a few more digits.
        expect(se?.[0]).toBeCloseTo(Math.sqrt(inverse.reduce((a, b) => a + b)), 9);
        expect(se?.[1]).toBeCloseTo(Math.sqrt(inverse[0] + inverse[1]), 9);
      }),
      { numRuns: runs },
    );
  });

  test("standard errors are null when the Hessian is singular (a constant-zero column)", () => {
    const X = matrixFromRows([
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 1],
    ]);
    expect(standardErrors(X, { w: new Float64Array(2), b: 0 })).toBeNull();
  });

  test("with no features the optimum is b = logit(ȳ) and the cost is the labels' entropy", () => {
    const y = Float64Array.of(1, 0, 0, 0, 1, 0, 0);
    const X = { rows: 7, cols: 0, data: new Float64Array(0) };
    const result = newtonOptimum(X, y);
    const p = 2 / 7;
    expect(result.b).toBeCloseTo(logit(p), 14);
    expect(result.cost).toBeCloseTo(-(p * Math.log(p) + (1 - p) * Math.log(1 - p)), 14);
  });

  test("on overlapping data its gradient vanishes and no gradient-descent point has a lower cost", () => {
    // Labels drawn with noise from a logistic model, several rows per parameter, so the
    // classes overlap and the minimiser exists. The reference gradient there is at most 1e-12
    // (rounding floor ≈ 1e-16·max|x|), and 200 epochs of descent never beat it (by > 1e-15).
    const data = fc
      .record({
        rows: fc.integer({ min: 12, max: 40 }),
        cols: fc.integer({ min: 1, max: 4 }),
        seed: fc.integer(),
      })
      .map(({ rows, cols, seed }) => overlappingData(rows, cols, seed));
    fc.assert(
      fc.property(data, ({ X, y }) => {
        const result = newtonOptimum(X, y);
        fc.pre(result.converged);
        const { dw, db } = computeGradientsVectorized(X, y, result.w, result.b);
        expect(Math.max(...dw.map(Math.abs), Math.abs(db))).toBeLessThanOrEqual(1e-12);
        expect(result.cost).toBe(computeCostVectorized(X, y, result.w, result.b));
        const descended = gradientDescent(X, y, new Float64Array(X.cols), 0, {
          alpha: 0.5,
          epochs: 200,
        });
        expect(computeCostVectorized(X, y, descended.w, descended.b)).toBeGreaterThanOrEqual(
          result.cost - 1e-15,
        );
      }),
      { numRuns: runs },
    );
  });

  test("rescaling a column by s rescales its optimal weight by 1/s and leaves b and min J unchanged", () => {
    // The optimum is equivariant: X diag(s) with weights w/s gives the same logits. Scales
    // from 10⁻³ to 10⁴ (balance in euros is ~10³ before standardization) make H badly
    // conditioned (κ up to ~10¹⁴), yet Newton's fixed point is set by the gradient, which is
    // accurate to ~1e-16 per column: 1e-8 relative leaves room for the conditioning.
    const data = fc.record({
      rows: fc.integer({ min: 20, max: 40 }),
      cols: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer(),
      exponents: fc.array(fc.integer({ min: -3, max: 4 }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(data, ({ rows, cols, seed, exponents }) => {
        const { X, y } = overlappingData(rows, cols, seed);
        const plain = newtonOptimum(X, y);
        fc.pre(plain.converged);
        const scales = exponents.slice(0, cols).map((k) => 10 ** k);
        const scaled = { ...X, data: X.data.map((v, i) => v * scales[i % cols]) };
        const result = newtonOptimum(scaled, y);
        expect(result.converged).toBe(true);
        const close = (a: number, b: number) =>
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(b)));
        result.w.forEach((wj, j) => close(wj * scales[j], plain.w[j]));
        close(result.b, plain.b);
        close(result.cost, plain.cost);
      }),
      { numRuns: runs },
    );
  });

  test("a zero column and duplicated columns do not stop it: the Levenberg damping takes over", () => {
    const { X: base, y } = overlappingData(30, 2, 7);
    const rows = Array.from({ length: base.rows }, (_, i) => [
      base.data[2 * i],
      base.data[2 * i],
      0,
      base.data[2 * i + 1],
    ]);
    const result = newtonOptimum(matrixFromRows(rows), y);
    expect(result.damping).toBeGreaterThan(0);
    const { dw, db } = computeGradientsVectorized(matrixFromRows(rows), y, result.w, result.b);
    expect(Math.max(...dw.map(Math.abs), Math.abs(db))).toBeLessThanOrEqual(1e-10);
    expect(result.w[2]).toBe(0);
  });

  test("on separable data (J → 0, no minimiser) it reports that it did not converge, however small J gets", () => {
    const X = matrixFromRows([[-2], [-1], [1], [2]]);
    const result = newtonOptimum(X, Float64Array.of(0, 0, 1, 1));
    expect(result.converged).toBe(false);
    expect(result.cost).toBeLessThan(1e-6);
  });
});

/** A small deterministic data set whose labels are noisy draws from σ(x·β), β = (1, −1, …). */
function overlappingData(rows: number, cols: number, seed: number) {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const data = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => 4 * uniform() - 2),
  );
  const labels = data.map((x, i) => {
    const z = x.reduce((sum, xj, j) => sum + (j % 2 === 0 ? xj : -xj), 0);
    return i < 4 ? i % 2 : Number(uniform() < 1 / (1 + Math.exp(-z)));
  });
  return { X: matrixFromRows(data), y: Float64Array.from(labels) };
}

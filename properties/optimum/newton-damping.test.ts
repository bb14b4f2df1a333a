import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { newtonOptimum } from "../../src/optimum/index.js";
import { computeGradientsVectorized } from "../../src/reference/index.js";

/**
 * newtonOptimum's Levenberg damping (solveDamped and cholesky in src/optimum/newton.ts): none
 * when the Hessian H is positive definite, whatever the features' scale; enough when it is
 * singular, wherever the singular column is. The data: 40 rows of smooth deterministic features
 * (column 3 close to −column 2, so H has negative off-diagonal entries) and labels that overlap
 * (not separable), so that an optimum exists.
 */
const rows = 40;
const features = Array.from({ length: rows }, (_, i) => {
  const a = Math.sin(1.3 * i);
  const b = Math.cos(0.7 * i + 1);
  const c = Math.sin(2.9 * i + 0.5);
  return [a, b, c, -c + 0.3 * Math.cos(5.3 * i)];
});
const y = Float64Array.from(features, ([a, b], i) => Number(a - b + Math.sin(7.1 * i) > 0));

const maxGradient = (X: ReturnType<typeof matrixFromRows>, w: Float64Array, b: number) => {
  const { dw, db } = computeGradientsVectorized(X, y, w, b);
  return Math.max(...dw.map(Math.abs), Math.abs(db));
};

test("a positive definite Hessian gets no damping, for features scaled by 1e-4 up to 1e4 (the pivot test is relative to H's diagonal)", () => {
  for (const scale of [1e-4, 1e-2, 1, 1e2, 1e4]) {
    const X = matrixFromRows(features.map((row) => row.map((x) => x * scale)));
    const result = newtonOptimum(X, y);
    expect(result.damping, `damping with features × ${scale}`).toBe(0);
    expect(result.converged, `converged with features × ${scale}`).toBe(true);
  }
});

test("a zero column in any of five positions is damped, gets weight 0, and the other weights reach the optimum (gradient ≤ 1e-10)", () => {
  for (let position = 0; position <= 4; position++) {
    const X = matrixFromRows(features.map((row) => row.toSpliced(position, 0, 0)));
    const result = newtonOptimum(X, y);
    expect(result.damping, `damping, zero column at ${position}`).toBeGreaterThan(0);
    expect(result.w[position], `weight of the zero column at ${position}`).toBe(0);
    expect(
      maxGradient(X, result.w, result.b),
      `max |gradient|, zero column at ${position}`,
    ).toBeLessThanOrEqual(1e-10);
  }
});

import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { computeGradientsVectorized, newtonOptimum } from "../../src/reference/index.js";

/**
 * newtonOptimum's backtracking line search, which the smooth data of newton.test.ts never
 * needs: on these seven rows (a feature spanning −2191 … 266) the full Newton step from the
 * current point raises the cost once on the way (checked with a counter while choosing the
 * data), so the step must be halved, and the result must still be the minimiser.
 * Tolerance: the gradient at the optimum is at most 1e-12, as in newton.test.ts (its rounding
 * floor here is ≈ 1e-16 · max|x| ≈ 2e-13).
 */
test("where a full Newton step raises the cost, the halved step still reaches the minimiser (gradient ≤ 1e-12)", () => {
  const X = matrixFromRows([
    [-6.34, 2.49],
    [-11.35, 1.23],
    [1.16, 2.87],
    [1.61, 2.95],
    [-18.87, 0.86],
    [-2191.34, 1.49],
    [265.67, 0.24],
  ]);
  const y = Float64Array.of(1, 1, 0, 1, 1, 1, 1);
  const result = newtonOptimum(X, y);
  expect(result.converged).toBe(true);
  expect(result.damping).toBe(0);
  const { dw, db } = computeGradientsVectorized(X, y, result.w, result.b);
  expect(Math.max(...dw.map(Math.abs), Math.abs(db))).toBeLessThanOrEqual(1e-12);
  expect(result.gradientNorm).toBe(Math.max(...dw.map(Math.abs), Math.abs(db)));
});

import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { newtonOptimum } from "../../src/optimum/index.js";
import { computeGradientsVectorized } from "../../src/reference/index.js";

/**
 * newtonOptimum at its edges, which the smooth data of newton.test.ts never reach.
 *
 * The backtracking line search: on the seven rows below (a feature spanning −2191 … 266) the
 * full Newton step raises the cost once on the way (checked with a counter while choosing the
 * data), so the step is halved, and the result must still be the minimiser. Tolerance: the
 * gradient at the optimum is at most 1e-12, as in newton.test.ts (its rounding floor here is
 * ≈ 1e-16 · max|x| ≈ 2e-13).
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

test("a non-finite feature makes the Hessian NaN, and newtonOptimum says so instead of raising the damping forever", () => {
  const X = matrixFromRows([[Infinity], [1], [2]]);
  expect(() => newtonOptimum(X, Float64Array.of(0, 1, 0))).toThrow(
    new RangeError("newtonOptimum: the Hessian is not finite"),
  );
});

test("its decrement λ²/2 estimates J − min J (to 5% after one step, closer after each), and it stops once converged, long before maxIterations", () => {
  // A 2×2 table (one binary feature; 7, 3 / 2, 9 examples): the optimum exists and Newton
  // reaches it in a few steps. λ²/2 is the second-order model's J − min J, so its relative
  // error shrinks as the iterate nears the optimum (≈ 4% after one step, 0.3% after two).
  const rows = [...Array(10).fill([0]), ...Array(11).fill([1])] as number[][];
  const y = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  const X = matrixFromRows(rows);
  const optimum = newtonOptimum(X, y);
  expect(optimum.converged).toBe(true);
  expect(optimum.iterations).toBeLessThanOrEqual(8);
  for (const [steps, within] of [
    [1, 0.05],
    [2, 0.005],
  ]) {
    const partial = newtonOptimum(X, y, { maxIterations: steps });
    const gap = partial.cost - optimum.cost;
    expect(Math.abs(partial.decrement / gap - 1), `after ${steps} steps`).toBeLessThanOrEqual(
      within,
    );
  }
});

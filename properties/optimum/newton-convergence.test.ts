import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { newtonOptimum } from "../../src/optimum/index.js";

/**
 * newtonOptimum's report of convergence (src/optimum/newton.ts): `converged` says whether
 * λ²/2 fell to tolerance · J, and `decrement` is that λ²/2, so at the returned point the two must
 * agree exactly — also when the run stops at maxIterations, and for a tolerance chosen so that
 * λ²/2 lies just inside it (between tolerance · J / 4 and tolerance · J).
 *
 * The data: a 2×2 table (one binary feature; 7, 3 / 2, 9 examples, as in newton-edges.test.ts),
 * and three rows with two features; both have an optimum, which Newton nears quadratically.
 */
const datasets = {
  "a 2×2 table": {
    X: matrixFromRows([...Array(10).fill([0]), ...Array(11).fill([1])] as number[][]),
    y: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  },
  "five rows, two features": {
    X: matrixFromRows([
      [0.5, -1.2],
      [1.5, 0.3],
      [-0.7, 0.9],
      [2.1, 1.1],
      [-1.4, -0.2],
    ]),
    y: Float64Array.of(0, 1, 1, 0, 1),
  },
};

for (const [name, { X, y }] of Object.entries(datasets)) {
  test(`converged is exactly "λ²/2 ≤ tolerance · J" at the returned point, for every iteration limit and a tolerance just above λ²/2 (${name})`, () => {
    for (let steps = 0; steps <= 4; steps++) {
      // tolerance 0: never converged, so exactly `steps` Newton steps
      const free = newtonOptimum(X, y, { maxIterations: steps, tolerance: 0 });
      expect(free.iterations, "steps taken with tolerance 0").toBe(steps);
      expect(free.converged, "with tolerance 0").toBe(false);
      const ratio = free.decrement / free.cost;
      for (const tolerance of [ratio * 2, ratio * 1.01, ratio / 2]) {
        const run = newtonOptimum(X, y, { maxIterations: steps, tolerance });
        expect(
          run.converged,
          `after ${run.iterations} steps, λ²/2 = ${run.decrement}, tolerance · J = ${tolerance * run.cost}`,
        ).toBe(run.decrement <= tolerance * run.cost);
        // the iterates do not depend on the tolerance, only where they stop
        if (run.iterations === steps) expect(run.w).toEqual(free.w);
      }
    }
  });
}

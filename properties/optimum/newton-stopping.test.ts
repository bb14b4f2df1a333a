import { expect, test } from "vitest";
import { newtonStanding } from "../../src/optimum/newton-stopping.js";

/**
 * newtonOptimum's stopping rule (src/optimum/newton-stopping.ts) at its boundaries, with
 * values chosen so that each comparison is an exact tie in float64: 2e-20 / 2 and 1e-20 · 1 are
 * the same double, and so are 4 / 4 and 1. These cases stay short of the rounding floor
 * (`notAtFloor`); newton-floor.test.ts has the cases that reach it.
 */
const notAtFloor = () => false;

test("converged is λ²/2 ≤ tolerance · J, a tie included: λ² = 2e-20 at J = 1 and tolerance 1e-20 converges, the next double up does not", () => {
  expect(newtonStanding(1, 2e-20, Infinity, 1e-20, notAtFloor).converged).toBe(true);
  const above = 2e-20 * (1 + Number.EPSILON);
  expect(newtonStanding(1, above, Infinity, 1e-20, notAtFloor).converged).toBe(false);
});

test("a cost of exactly 0 (every loss underflowed: separable data) is not convergence, even with λ² = 0", () => {
  expect(newtonStanding(0, 0, Infinity, 1e-20, notAtFloor)).toEqual({
    converged: false,
    stop: false,
  });
  expect(newtonStanding(0, 0, 0, 1, notAtFloor)).toEqual({ converged: false, stop: false });
});

test("once converged it stops at the first λ² that is not below a quarter of the previous one, a tie included", () => {
  expect(newtonStanding(1, 1, 4, 1, notAtFloor)).toEqual({ converged: true, stop: true });
  expect(newtonStanding(1, 1, 4 * (1 + Number.EPSILON), 1, notAtFloor)).toEqual({
    converged: true,
    stop: false,
  });
  expect(newtonStanding(1, 1, 1, 1, notAtFloor)).toEqual({ converged: true, stop: true });
});

test("it never stops before converging, however little λ² falls, nor at the first step (no previous λ²)", () => {
  expect(newtonStanding(1, 1, 1, 1e-20, notAtFloor)).toEqual({ converged: false, stop: false });
  expect(newtonStanding(1, 1e-30, Infinity, 1e-20, notAtFloor)).toEqual({
    converged: true,
    stop: false,
  });
});

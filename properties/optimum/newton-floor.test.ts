import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { gradientRoundingBound, nextUp } from "../../src/numerics/rounding.js";
import { atRoundingFloor, newtonStanding } from "../../src/optimum/newton-stopping.js";

/**
 * The rounding floor of Newton's stopping rule (src/optimum/newton-stopping.ts): a run whose
 * damped λ² cannot reach the tolerance (a singular Hessian) stops converged once λ²/2 ≤ 10⁻¹² J
 * and every gradient entry is within its rounding bound. Each comparison is checked at an exact
 * tie in float64: 2e-12 / 2 and 10⁻¹² · 1 are the same double, and a gradient entry set to its
 * own bound is equal to it; one double further (nextUp) is outside. newton-constant.test.ts
 * shows the floor reached by a whole run (ages outside the bins: five zero columns).
 */
const atFloor = () => true;
const notAtFloor = () => false;
const tolerance = 1e-20;

test("the floor converges and stops at λ²/2 = 10⁻¹² J exactly, and not one double above, whatever the previous λ²", () => {
  for (const previous of [Infinity, 1, 2e-12]) {
    expect(newtonStanding(1, 2e-12, previous, tolerance, atFloor)).toEqual({
      converged: true,
      stop: true,
    });
    expect(newtonStanding(1, nextUp(2e-12), previous, tolerance, atFloor)).toEqual({
      converged: false,
      stop: false,
    });
  }
});

test("λ²/2 ≤ 10⁻¹² J is not enough without the gradient at its rounding floor, which is asked only then", () => {
  expect(newtonStanding(1, 2e-12, Infinity, tolerance, notAtFloor)).toEqual({
    converged: false,
    stop: false,
  });
  let asked = 0;
  const counting = () => {
    asked++;
    return true;
  };
  newtonStanding(1, 1, Infinity, tolerance, counting);
  expect(asked, "asked with λ²/2 far above 10⁻¹² J").toBe(0);
});

test("at J = 0 (every loss underflowed: separable data) the floor is not convergence either", () => {
  expect(newtonStanding(0, 0, Infinity, tolerance, atFloor)).toEqual({
    converged: false,
    stop: false,
  });
});

test("converged by the tolerance, full steps go on while λ² falls fourfold, even at the rounding floor", () => {
  expect(newtonStanding(1, 1e-30, 1e-20, tolerance, atFloor)).toEqual({
    converged: true,
    stop: false,
  });
});

/*
 * atRoundingFloor: three rows, two columns on different scales, at θ = (0.5, −2, 0.25), so that
 * the bounds of ∂J/∂w₀, ∂J/∂w₁ and ∂J/∂b all differ (gradientRoundingBound,
 * src/numerics/rounding.ts).
 */
const X = matrixFromRows([
  [1, 300],
  [-2, 0.5],
  [0.25, -40],
]);
const y = Float64Array.of(1, 0, 1);
const theta = Float64Array.of(0.5, -2, 0.25);
const bound = gradientRoundingBound(X, y, theta.subarray(0, 2), theta[2]);
const bounds = [...bound.dw, bound.db];

test("the bounds of the three gradient entries differ (the data are chosen so)", () => {
  expect(new Set(bounds).size).toBe(3);
});

test("a gradient whose every entry equals its own bound, in either sign, is at the rounding floor", () => {
  expect(atRoundingFloor(X, y, theta, Float64Array.from(bounds))).toBe(true);
  expect(
    atRoundingFloor(
      X,
      y,
      theta,
      Float64Array.from(bounds, (b) => -b),
    ),
  ).toBe(true);
  expect(atRoundingFloor(X, y, theta, new Float64Array(3))).toBe(true);
});

test("one entry one double past its bound, in either sign, is not at the rounding floor", () => {
  for (let j = 0; j < 3; j++) {
    for (const sign of [1, -1]) {
      const g = Float64Array.from(bounds, (b, k) => sign * (k === j ? nextUp(b) : b));
      expect(atRoundingFloor(X, y, theta, g), `entry ${j}, sign ${sign}`).toBe(false);
    }
  }
});

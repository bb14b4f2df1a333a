import { expect, test } from "vitest";
import { backtrack } from "../../src/optimum/line-search.js";

/**
 * newtonOptimum's backtracking line search (src/reference/line-search.ts), on cost curves made
 * up for each case, so that every branch is reached: the Armijo test J(θ − t d) ≤ J(θ) − 10⁻⁴ t λ²
 * at its boundary, the halving, the unchecked full step below λ²/2 = 10⁻¹², and the give-up.
 * The curves record where they are evaluated; every expected t is a power of two, exact.
 */
function curve(cost: (t: number) => number) {
  const evaluated: number[] = [];
  const costAlong = (t: number) => {
    evaluated.push(t);
    return cost(t);
  };
  return { costAlong, evaluated };
}

/** The cost at the Armijo boundary: J(θ) − 10⁻⁴ t λ², computed as the test computes it. */
const armijo = (cost: number, lambda2: number, t: number) => cost - 1e-4 * t * lambda2;

test("the full step is taken, after one evaluation, when it lowers the cost enough", () => {
  const { costAlong, evaluated } = curve(() => 0.25);
  expect(backtrack(0.5, 0.1, costAlong)).toEqual({ t: 1, cost: 0.25 });
  expect(evaluated).toEqual([1]);
});

test("a cost exactly on the Armijo boundary J(θ) − 10⁻⁴ t λ² is accepted", () => {
  const { costAlong } = curve((t) => armijo(0.5, 0.1, t));
  expect(backtrack(0.5, 0.1, costAlong)).toEqual({ t: 1, cost: armijo(0.5, 0.1, 1) });
});

test("a step that raises the cost, even by less than 10⁻⁴ λ², is halved", () => {
  const { costAlong, evaluated } = curve((t) => (t === 1 ? 0.5 + 0.5e-4 * 0.1 : 0.4));
  expect(backtrack(0.5, 0.1, costAlong)).toEqual({ t: 0.5, cost: 0.4 });
  expect(evaluated).toEqual([1, 0.5]);
});

test("the decrease required shrinks with t: at t = 1/2 a decrease of 10⁻⁴ λ² (twice what is required there) is accepted", () => {
  const { costAlong, evaluated } = curve((t) => (t === 1 ? 1 : armijo(0.5, 0.1, 1)));
  expect(backtrack(0.5, 0.1, costAlong)).toEqual({ t: 0.5, cost: armijo(0.5, 0.1, 1) });
  expect(evaluated).toEqual([1, 0.5]);
});

test("t halves for as long as the condition fails: the first t of 1, 1/2, 1/4, … that meets it is returned", () => {
  const { costAlong, evaluated } = curve((t) => (t > 1 / 16 ? 0.5 + t : 0.49));
  expect(backtrack(0.5, 0.1, costAlong)).toEqual({ t: 1 / 16, cost: 0.49 });
  expect(evaluated).toEqual([1, 1 / 2, 1 / 4, 1 / 8, 1 / 16]);
});

test("below λ²/2 = 10⁻¹² the full step is taken unchecked, even if the cost rises; at exactly 10⁻¹² it is checked", () => {
  const rising = () => curve(() => 0.5 + 1e-12);
  const below = rising();
  expect(backtrack(0.5, 1e-12, below.costAlong)).toEqual({ t: 1, cost: 0.5 + 1e-12 });
  expect(below.evaluated).toEqual([1]);
  const at = rising();
  expect(backtrack(0.5, 2e-12, at.costAlong)).toBeNull();
  expect(at.evaluated.length).toBe(34);
});

test("where no step lowers the cost it gives up once t would fall below 10⁻¹⁰: 34 evaluations, t = 1 down to 2⁻³³, then null", () => {
  const { costAlong, evaluated } = curve(() => 0.5 + 1e-3);
  expect(backtrack(0.5, 0.1, costAlong)).toBeNull();
  expect(evaluated).toEqual(Array.from({ length: 34 }, (_, k) => 2 ** -k));
});

import { test } from "vitest";
import type { Gradients } from "../../src/contract.js";
import { matrixFromRows } from "../../src/matrix.js";
import { exactly, expectWithin } from "../support/expectations.js";
import type { Tolerance } from "../support/expectations.js";
import {
  costFunctions,
  gradientFunctions,
  implementation as lr,
} from "../support/implementation.js";
import { checkExample } from "../support/property.js";
import { UNIT_ROUNDOFF } from "../../src/numerics/rounding.js";

/**
 * Worked examples in the style of a course exercise: four examples, two features, small enough
 * to check with pencil and paper. Every expected value below is derived by hand in the comments.
 *
 *          x₁  x₂   y
 *     1:   0   0    0
 *     2:   1   0    1
 *     3:   1   1    1
 *     4:   2   0    1                        (m = 4)
 */
const X = matrixFromRows([
  [0, 0],
  [1, 0],
  [1, 1],
  [2, 0],
]);
const y = Float64Array.of(0, 1, 1, 1);

/** Checks every cost and gradient function of the implementation at (w, b). */
function expectCostAndGradients(
  w: Float64Array,
  b: number,
  cost: number,
  gradients: Gradients,
  tolerance: Tolerance,
) {
  for (const [name, f] of costFunctions) {
    expectWithin(`${name}(X, y, w, b)`, f(X, y, w, b), cost, tolerance);
  }
  for (const [name, f] of gradientFunctions) {
    const g = f(X, y, w, b);
    gradients.dw.forEach((expected, j) =>
      expectWithin(`${name}(X, y, w, b).dw[${j}]`, g.dw[j], expected, tolerance),
    );
    expectWithin(`${name}(X, y, w, b).db`, g.db, gradients.db, tolerance);
  }
}

test("on the four-example data set at w = 0, b = 0 the cost is ln 2 and the gradient is dw = (−1/2, −1/8), db = −1/4", () => {
  // At w = 0, b = 0 every logit is 0, so every σ(zᵢ) = 1/2 and every loss is −log(1/2) = ln 2:
  //     J = (ln 2 + ln 2 + ln 2 + ln 2) / 4 = ln 2 ≈ 0.6931471805599453
  // The errors eᵢ = σ(zᵢ) − yᵢ are (1/2, −1/2, −1/2, −1/2):
  //     dw₁ = (1/4)(½·0 − ½·1 − ½·1 − ½·2) = (1/4)(−2)   = −1/2
  //     dw₂ = (1/4)(½·0 − ½·0 − ½·1 − ½·0) = (1/4)(−1/2) = −1/8
  //     db  = (1/4)(½ − ½ − ½ − ½)          = (1/4)(−1)   = −1/4
  // The gradient is exact in float64 (halves, small integers, a division by 4), so it must match
  // exactly. The cost goes through at most 4 roundings of relative size ≤ u (log 2, then three
  // additions of ln 2 — 3 ln 2 needs a bit more than ln 2 — and a division by 4, which is exact);
  // the tolerance 8u·ln 2 doubles that to allow a log within 1 ulp rather than ½.
  checkExample({
    step: "steps 2 and 3 — the cost and its gradients",
    hint: "at w = 0 every σ is 1/2: a wrong cost points at the loss or the mean, a wrong gradient at eᵢ = σ(zᵢ) − yᵢ or at the division by m",
    blames: "computeCost",
    clauses: [
      "computeCost.value",
      "computeCostVectorized.value",
      "computeGradients.value",
      "computeGradientsVectorized.value",
    ],
    input: { X, y, w: [0, 0], b: 0 },
    check: () => {
      const gradients = { dw: Float64Array.of(-1 / 2, -1 / 8), db: -1 / 4 };
      const costTolerance = {
        bound: 8 * UNIT_ROUNDOFF * Math.LN2,
        reason: "8u·ln 2: log(2) and a mean of four equal terms, ≤ 4 roundings, doubled",
      };
      for (const [name, f] of costFunctions)
        expectWithin(
          `${name}(X, y, 0, 0)`,
          f(X, y, new Float64Array(2), 0),
          Math.LN2,
          costTolerance,
        );
      for (const [name, f] of gradientFunctions) {
        const g = f(X, y, new Float64Array(2), 0);
        const exact = exactly("halves, small integers and a division by 4 are exact");
        gradients.dw.forEach((expected, j) =>
          expectWithin(`${name}(X, y, 0, 0).dw[${j}]`, g.dw[j], expected, exact),
        );
        expectWithin(`${name}(X, y, 0, 0).db`, g.db, gradients.db, exact);
      }
    },
  });
});

test("on the four-example data set at w = (ln 3, −ln 3), b = −ln 3 the cost is (7 ln 2 − 2 ln 3)/4 and the gradient is dw = (−7/16, −3/16), db = −5/16", () => {
  // The logits zᵢ = ln 3·(xᵢ₁ − xᵢ₂ − 1) are (−ln 3, 0, −ln 3, ln 3), and σ(ln 3) = 1/(1 + 1/3) = 3/4,
  // σ(−ln 3) = 1/4, σ(0) = 1/2, so σ(zᵢ) = (1/4, 1/2, 1/4, 3/4). The losses are
  //     y=0, σ=1/4: −log(3/4) = ln 4 − ln 3;   y=1, σ=1/2: ln 2;
  //     y=1, σ=1/4: −log(1/4) = 2 ln 2;        y=1, σ=3/4: −log(3/4) = 2 ln 2 − ln 3
  //     J = (2 ln 2 − ln 3 + ln 2 + 2 ln 2 + 2 ln 2 − ln 3) / 4 = (7 ln 2 − 2 ln 3) / 4 ≈ 0.66370142
  // The errors eᵢ = σ(zᵢ) − yᵢ are (1/4, −1/2, −3/4, −1/4):
  //     dw₁ = (1/4)(¼·0 − ½·1 − ¾·1 − ¼·2) = (1/4)(−7/4) = −7/16
  //     dw₂ = (1/4)(¼·0 − ½·0 − ¾·1 − ¼·0) = (1/4)(−3/4) = −3/16
  //     db  = (1/4)(¼ − ½ − ¾ − ¼)          = (1/4)(−5/4) = −5/16
  // ln 3 is rounded to the nearest double, which moves each σ by ≤ (3/16)·u·ln 3 and each loss by
  // ≤ (3/4)·u·ln 3 — and σ, log and the means add a few roundings each: 16u covers all of them.
  const ln3 = Math.log(3);
  checkExample({
    step: "steps 2 and 3 — the cost and its gradients",
    hint: "with σ(zᵢ) = (1/4, 1/2, 1/4, 3/4) the losses are −log σ for y = 1 and −log(1 − σ) for y = 0: compare each term with the comment in this test",
    blames: "computeCost",
    clauses: [
      "computeCost.value",
      "computeCostVectorized.value",
      "computeGradients.value",
      "computeGradientsVectorized.value",
    ],
    input: { X, y, w: [ln3, -ln3], b: -ln3 },
    check: () => {
      const tolerance = {
        bound: 16 * UNIT_ROUNDOFF,
        reason: "16u: ln 3 rounded to a double, then σ, log and the mean",
      };
      const cost = (7 * Math.LN2 - 2 * ln3) / 4;
      const gradients = { dw: Float64Array.of(-7 / 16, -3 / 16), db: -5 / 16 };
      expectCostAndGradients(Float64Array.of(ln3, -ln3), -ln3, cost, gradients, tolerance);
    },
  });
});

test("one gradient-descent step from w = 0, b = 0 with α = 4 lands exactly on w = (2, 1/2), b = 1", () => {
  // w⁺ = 0 − 4·(−1/2, −1/8) = (2, 1/2) and b⁺ = 0 − 4·(−1/4) = 1, using the gradient at 0 from
  // the first worked example. Every number is a small dyadic rational, so the step is exact.
  checkExample({
    step: "step 4 — gradient descent: w ← w − α ∂J/∂w, b ← b − α ∂J/∂b",
    hint: "the step is w − α·dw and b − α·db with dw, db taken at the starting point",
    blames: "gradientDescent",
    clauses: ["gradientDescent.known-values"],
    input: { X, y, w: [0, 0], b: 0, alpha: 4 },
    check: () => {
      const model = lr.gradientDescent(X, y, new Float64Array(2), 0, { alpha: 4, epochs: 1 });
      const exact = exactly("dyadic rationals: no rounding anywhere");
      expectWithin("gradientDescent(…).w[0]", model.w[0], 2, exact);
      expectWithin("gradientDescent(…).w[1]", model.w[1], 1 / 2, exact);
      expectWithin("gradientDescent(…).b", model.b, 1, exact);
    },
  });
});

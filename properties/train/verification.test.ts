import { describe, expect, test } from "vitest";
import type { LogisticRegression } from "../../src/contract.js";
import { matrixFromRows, matrixToRows } from "../../src/matrix.js";
import * as reference from "../../src/reference/index.js";
import { verifyAtTrainedPoint } from "../../src/train/verification.js";

/**
 * Three learner mistakes, each the reference with one function changed (the catalogue's
 * properties/catalogue/bugs has them written out for the model properties; here only their
 * effect on the three checks matters).
 */
const skipsLast: LogisticRegression = {
  ...reference,
  // the loop gradient over every row but the last, still divided by the full m
  computeGradients: (X, y, w, b) => {
    const m = X.rows;
    const head = matrixFromRows(matrixToRows(X).slice(0, m - 1));
    const { dw, db } = reference.computeGradients(head, y.subarray(0, m - 1), w, b);
    return { dw: dw.map((v) => (v * (m - 1)) / m), db: (db * (m - 1)) / m };
  },
};
const notDividedByM: LogisticRegression = {
  ...reference,
  // the vectorized gradient summed over the rows, not averaged
  computeGradientsVectorized: (X, y, w, b) => {
    const { dw, db } = reference.computeGradientsVectorized(X, y, w, b);
    return { dw: dw.map((v) => v * X.rows), db: db * X.rows };
  },
};
const costSummed: LogisticRegression = {
  ...reference,
  // the loop cost summed over the rows, not averaged
  computeCost: (X, y, w, b) => reference.computeCost(X, y, w, b) * X.rows,
};

/** 200 rows, 3 standardized-looking features, labels drawn from σ(x₀ − x₁ + 0.5 x₂). */
function data() {
  let state = 12345;
  const uniform = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: 200 }, () => [0, 1, 2].map(() => 4 * uniform() - 2));
  const y = Float64Array.from(rows, ([a, b, c]) =>
    Number(uniform() < 1 / (1 + Math.exp(-(a - b + 0.5 * c)))),
  );
  return { X: matrixFromRows(rows), y };
}

const { X, y } = data();
const names = ["x0", "x1", "x2"];
const trained = reference.gradientDescent(X, y, new Float64Array(3), 0, {
  alpha: 0.1,
  epochs: 300,
});
const verify = (lr: LogisticRegression) => verifyAtTrainedPoint(lr, X, y, trained, names);

describe("verification at the trained point", () => {
  test("the reference passes all three checks, each difference within its stated tolerance", () => {
    const result = verify(reference);
    for (const check of Object.values(result)) {
      expect(check.passed).toBe(true);
      expect(check.maxAbsDifference).toBeLessThanOrEqual(check.tolerance);
    }
    // The step balances truncation (∝ h²) and rounding (∝ 1/h): between 2⁻³⁰ and 1 (θ near 1).
    expect(result.finiteDifference.step).toBeGreaterThan(2 ** -31);
    expect(result.finiteDifference.step).toBeLessThan(1);
  });

  test("a loop gradient that skips the last example fails loop vs vectorized", () => {
    const result = verify(skipsLast);
    expect(result.gradientLoopVsVectorized.passed).toBe(false);
    expect(result.finiteDifference.passed).toBe(true);
  });

  test("a vectorized gradient not divided by m fails the finite-difference check", () => {
    const result = verify(notDividedByM);
    expect(result.finiteDifference.passed).toBe(false);
    expect(result.gradientLoopVsVectorized.passed).toBe(false);
  });

  test("a loop cost summed instead of averaged fails cost loop vs vectorized", () => {
    expect(verify(costSummed).costLoopVsVectorized.passed).toBe(false);
  });
});

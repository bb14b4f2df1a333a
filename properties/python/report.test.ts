import { expect, test } from "vitest";
import {
  isPythonModule,
  pythonCounterexample,
  pythonFloat,
  withPythonNames,
} from "../../src/python/report.js";

/** A Python module's failure reports: Python names and Python literals (src/python/report.ts). */

test("floats print as Python reads them back: 1.0, -0.0, np.nan, -np.inf, exponents kept", () => {
  expect([1, -0, NaN, Infinity, -Infinity, 1e300, 0.1].map(pythonFloat)).toEqual([
    "1.0",
    "-0.0",
    "np.nan",
    "np.inf",
    "-np.inf",
    "1e+300",
    "0.1",
  ]);
});

test("a counterexample prints as np.array literals, a Matrix row by row, aligned", () => {
  const input = {
    X: { rows: 2, cols: 2, data: Float64Array.from([-32, 1, 1, 0]) },
    y: Float64Array.from([1, 0]),
    b: 0,
    levels: ["a", null],
  };
  expect(pythonCounterexample(input)).toBe(
    [
      "    X = np.array([[-32.0, 1.0],",
      "                  [1.0, 0.0]])  # 2 × 2",
      "    y = np.array([1.0, 0.0])",
      "    b = 0.0",
      '    levels = ["a", None]',
    ].join("\n"),
  );
});

test("the contract's names become the article's, whole words only", () => {
  expect(withPythonNames("computeCostVectorized and computeCost (article step 2)")).toBe(
    "compute_cost_vectorized and compute_cost (article step 2)",
  );
  expect(isPythonModule("/a/logreg.py")).toBe(true);
  expect(isPythonModule("/a/index.ts")).toBe(false);
});

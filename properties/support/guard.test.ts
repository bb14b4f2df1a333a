import { describe, expect, test } from "vitest";
import * as reference from "../../src/reference/index.js";
import type { Matrix, Scaler } from "../../src/contract.js";
import { PropertyViolation } from "./expectations.js";
import { firstDifference, guardArguments } from "./guard.js";
import { withEarlierSteps } from "./prerequisites.js";
import { MIN_NORMAL, relativeTolerance } from "./tail.js";

/** The violation `run` throws (fails the test if it throws none or something else). */
function violationOf(run: () => unknown): PropertyViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof PropertyViolation) return error;
    throw error;
  }
  throw new Error("expected a PropertyViolation");
}

describe("guardArguments: a mutated argument is reported first, as itself", () => {
  test("an in-place transformScaler is reported with the argument, the entry and both values", () => {
    const inPlace = (X: Matrix, { means, scales }: Scaler): Matrix => {
      X.data.forEach((v, k) => (X.data[k] = (v - means[k % X.cols]) / scales[k % X.cols]));
      return X;
    };
    const lr = guardArguments({ transformScaler: inPlace });
    const X = { rows: 2, cols: 1, data: Float64Array.of(1, 3) };
    const violation = violationOf(() =>
      lr.transformScaler(X, { means: Float64Array.of(2), scales: Float64Array.of(1) }),
    );
    expect(violation.detail.blame).toEqual(["transformScaler"]);
    expect(violation.detail.checked).toBe("the argument X after transformScaler(X, scaler)");
    expect(violation.detail.actual).toBe("changed in place: X.data[0] was 1, is now -1");
  });

  test("a function that leaves its arguments alone returns its result unchanged", () => {
    const lr = guardArguments({ transformScaler: reference.transformScaler });
    const X = { rows: 1, cols: 1, data: Float64Array.of(5) };
    const Z = lr.transformScaler(X, { means: Float64Array.of(1), scales: Float64Array.of(2) });
    expect(Array.from(Z.data)).toEqual([2]);
  });

  test("firstDifference finds the first changed entry, −0 against 0 included, and nothing in equal values", () => {
    expect(firstDifference(Float64Array.of(0), Float64Array.of(-0), "w")).toBe(
      "w[0] was 0, is now -0",
    );
    expect(firstDifference({ a: ["x", "y"] }, { a: ["x", "z"] }, "o")).toBe(
      'o.a[1] was "y", is now "z"',
    );
    expect(firstDifference({ a: [1, NaN] }, { a: [1, NaN] }, "o")).toBeUndefined();
  });
});

describe("withEarlierSteps: an earlier step's function that is off is blamed, with 'fix step N first'", () => {
  const data = {
    X: { rows: 1, cols: 1, data: Float64Array.of(1) },
    y: Float64Array.of(0),
    w: Float64Array.of(-40),
    b: 0,
  };
  const failing = () => {
    throw new PropertyViolation({
      checked: "computeGradients(X, y, w, b).db",
      expected: "e",
      actual: "a",
    });
  };

  test("a σ that is 0 at z = −40 takes the blame of a failing step-3 check", () => {
    const sigmoid = (z: number) => 0.5 * (1 + Math.tanh(z / 2));
    const violation = violationOf(() =>
      withEarlierSteps({ ...reference, sigmoid }, 3, failing)(data),
    );
    expect(violation.detail.blame).toEqual(["sigmoid"]);
    expect(violation.detail.hint).toMatch(/^fix step 1 first:/);
  });

  test("with every earlier function right, the failure is the step's own", () => {
    const violation = violationOf(() => withEarlierSteps(reference, 3, failing)(data));
    expect(violation.detail.checked).toBe("computeGradients(X, y, w, b).db");
    expect(violation.detail.hint).toBeUndefined();
  });
});

test("relativeTolerance is relative wherever the exact value is normal, and 2.2e-308 absolute below", () => {
  expect(relativeTolerance(4e-18, 6, "why").bound).toBe(6 * 2 ** -53 * 4e-18);
  expect(relativeTolerance(MIN_NORMAL / 2, 6, "why").bound).toBe(MIN_NORMAL);
});

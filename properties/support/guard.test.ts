import { describe, expect, test } from "vitest";
import * as reference from "../../src/reference/index.js";
import type { ArticleImplementation, Matrix, Scaler } from "../../src/contract.js";
import {
  CALL_REPORTING_CHANGES,
  type CallReportingChanges,
} from "../../src/grade/reported-call.js";
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

  test("a call that reports its changes (the grader's) is copied only when it changed something, and judged the same", () => {
    const X = { rows: 2, cols: 1, data: Float64Array.of(1, 3) };
    const scaler = { means: Float64Array.of(2), scales: Float64Array.of(1) };
    const result = { rows: 0, cols: 0, data: new Float64Array(0) };
    /** A grader's proxy: it reports a change made by `replay`, or none, and is never called itself. */
    const proxy = <F>(value: unknown, replay?: () => void): F =>
      Object.assign(
        () => {
          throw new Error("called directly");
        },
        {
          [CALL_REPORTING_CHANGES]: (() => ({
            value,
            replayChange: replay,
          })) as CallReportingChanges,
        },
      ) as unknown as F;
    type Transform = ArticleImplementation["transformScaler"];
    const unchanged = guardArguments({ transformScaler: proxy<Transform>(result) });
    expect(unchanged.transformScaler(X, scaler)).toBe(result);
    const changed = guardArguments({
      transformScaler: proxy<Transform>(result, () => (X.data[1] = 0)),
    });
    const violation = violationOf(() => changed.transformScaler(X, scaler));
    expect(violation.detail.actual).toBe("changed in place: X.data[1] was 3, is now 0");
    // A change to an argument the contract lets it change is replayed, and is no violation.
    const model = { w: Float64Array.of(0), b: 0 };
    const costHistory: number[] = [];
    const descent = guardArguments({
      gradientDescent: proxy<ArticleImplementation["gradientDescent"]>(model, () =>
        costHistory.push(0.5),
      ),
    });
    const y = Float64Array.of(0, 1);
    const w = Float64Array.of(0);
    expect(descent.gradientDescent(X, y, w, 0, { alpha: 1, epochs: 1, costHistory })).toBe(model);
    expect(costHistory).toEqual([0.5]);
    // A proxy that cannot tell (a Python submission's) is called and compared as a local function.
    const local = Object.assign(
      (Z: Matrix, _scaler: Scaler) => {
        Z.data[0] = 9;
        return Z;
      },
      { [CALL_REPORTING_CHANGES]: (() => undefined) as CallReportingChanges },
    );
    const guardedLocal = guardArguments({ transformScaler: local });
    expect(violationOf(() => guardedLocal.transformScaler(X, scaler)).detail.actual).toBe(
      "changed in place: X.data[0] was 1, is now 9",
    );
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

import { expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { implementation as lr } from "../support/implementation.js";

test("the cost at zero weights is ln 2", () => {
  const X = matrixFromRows([
    [1, 2],
    [3, 4],
  ]);
  const y = Float64Array.of(0, 1);
  expect(lr.computeCost(X, y, new Float64Array(2), 0)).toBeCloseTo(Math.LN2, 15);
});

import { expect, test } from "vitest";
import { mean } from "../../src/reference/2-cost.js";

/**
 * The reference's mean (src/reference/mean.ts), which the cost uses, at the edges the model
 * properties reach only through finiteness: its overflow rescue must give the mean's value, not
 * just a finite number, and must stay out of the way when a value is not finite.
 */
test("when every value is finite but their sum overflows, the mean is still exact where the values are exact: mean(1e308, 1e308) = 1e308", () => {
  expect(mean(Float64Array.of(1e308, 1e308))).toBe(1e308);
  expect(mean(Float64Array.of(1e308, 1e308, 1e308, 1e308))).toBe(1e308);
});

test("when a value is not finite the mean is the plain IEEE sum over m, as numpy's: an overflow meeting −∞ is NaN", () => {
  expect(mean(Float64Array.of(1e308, 1e308, -Infinity))).toBeNaN();
  expect(mean(Float64Array.of(1, Infinity))).toBe(Infinity);
});

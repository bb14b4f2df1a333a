import fc from "fast-check";
import { expect, test } from "vitest";
import { loss } from "../../src/reference/2-cost.js";

/**
 * The reference's per-example loss for labels other than 0 and 1 (soft labels), which the
 * contract's binary properties never reach: cross-entropy is linear in the label,
 *
 *     L(z, y) = y L(z, 1) + (1 − y) L(z, 0),
 *
 * Tolerance: 4 units of roundoff (u = 2⁻⁵³) of |y L(z, 1)| + |(1 − y) L(z, 0)|: the two sides
 * differ only in how their two products and one sum round.
 */
const u = 2 ** -53;

test("for a soft label y in (0, 1) the loss is y L(z, 1) + (1 − y) L(z, 0), the cross-entropy's linearity in y", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      (z, y) => {
        const ones = y * loss(z, 1);
        const zeros = (1 - y) * loss(z, 0);
        const bound = 4 * u * (Math.abs(ones) + Math.abs(zeros));
        expect(Math.abs(loss(z, y) - (ones + zeros))).toBeLessThanOrEqual(bound);
      },
    ),
  );
});

test("a soft label of 1/2 gives the mean of the two binary losses, which differs from either of them where z ≠ 0", () => {
  expect(loss(2, 0.5)).toBeCloseTo((Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(2))) / 2, 15);
  expect(loss(2, 0.5)).not.toBe(loss(2, 0));
});

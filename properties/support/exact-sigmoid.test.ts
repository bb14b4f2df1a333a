import fc from "fast-check";
import { expect, test } from "vitest";
import { exactSigmoid } from "./exact-sigmoid.js";

const u = 2 ** -53;

test("the 256-bit σ oracle is exact at 0 and agrees with ln 3's closed form σ(ln 3) = 3/4 to half an ulp", () => {
  expect(exactSigmoid(0)).toBe(0.5);
  expect(exactSigmoid(-0)).toBe(0.5);
  // Math.LN2-style: ln 3 is rounded to a double, which moves σ by at most (3/16)·|δ| ≪ an ulp.
  expect(Math.abs(exactSigmoid(Math.log(3)) - 0.75)).toBeLessThanOrEqual(u);
  expect(Math.abs(exactSigmoid(-Math.log(3)) - 0.25)).toBeLessThanOrEqual(u / 2);
});

test("the oracle is within 3u of 1 / (1 + e^(−z)) in float64, and σ(−z) + σ(z) = 1 within u, for |z| ≤ 40", () => {
  fc.assert(
    fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
      const exact = exactSigmoid(z);
      const naive = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      expect(Math.abs(naive - exact)).toBeLessThanOrEqual(3 * u * exact);
      expect(Math.abs(exactSigmoid(-z) + exact - 1)).toBeLessThanOrEqual(u);
    }),
  );
});

test("outside |z| ≤ 64 the oracle refuses rather than answering wrongly", () => {
  expect(() => exactSigmoid(65)).toThrow(RangeError);
  expect(() => exactSigmoid(NaN)).toThrow(RangeError);
});

import fc from "fast-check";
import { expect, test } from "vitest";
import { exactSigmoid } from "./exact-sigmoid.js";

const u = 2 ** -53;

test("the 320-bit σ oracle is exact at 0 and agrees with ln 3's closed form σ(ln 3) = 3/4 to half an ulp", () => {
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

test("in the far tail, −708 ≤ z ≤ −40, the oracle is e^z within 2u (σ(z) = e^z / (1 + e^z) and e^z < 4.3e-18 there)", () => {
  // Math.exp is within an ulp (≤ 2u relative) in V8; e^z/(1 + e^z) differs from e^z by < 4.3e-18 relative.
  fc.assert(
    fc.property(fc.double({ min: -708, max: -40, noNaN: true }), (z) => {
      const exact = exactSigmoid(z);
      expect(Math.abs(Math.exp(z) - exact)).toBeLessThanOrEqual(2 * u * exact);
    }),
  );
  // σ(−40) = 4.24835425529158897728…e-18 and σ(−700) = 9.85967654375977085670…e-305, from a
  // 50-digit evaluation of e^z / (1 + e^z) (Python's decimal): each within half an ulp.
  for (const [z, value] of [
    [-40, 4.248354255291589e-18],
    [-700, 9.859676543759771e-305],
  ]) {
    expect(Math.abs(exactSigmoid(z) - value)).toBeLessThanOrEqual(u * value);
  }
});

test("the oracle is exact at the ends: 1 past z = 800 and for +∞, 0 past −800 and for −∞, and it refuses NaN", () => {
  expect(exactSigmoid(801)).toBe(1);
  expect(exactSigmoid(Infinity)).toBe(1);
  expect(exactSigmoid(40)).toBe(1); // σ(40) = 1 − 4.2e-18 rounds to 1
  expect(exactSigmoid(-801)).toBe(0);
  expect(exactSigmoid(-Infinity)).toBe(0);
  expect(() => exactSigmoid(NaN)).toThrow(RangeError);
});

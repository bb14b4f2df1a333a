import fc from "fast-check";
import { expect, test } from "vitest";
import { mulberry32 } from "../../src/data/index.js";
import { fitScaler } from "../../src/reference/index.js";
import { pairwiseSum } from "../../src/numerics/pairwise-sum.js";
import { runs } from "../support/bank-csv.js";

/** x as an exact integer multiple of 2⁻¹⁰⁷⁴ (every finite double is one). */
function exact(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const scaled = mantissa << BigInt(Math.max(exponent - 1, 0));
  return bits >> 63n ? -scaled : scaled;
}

/** units · 2⁻¹⁰⁷⁴ as a double, to within 2⁻⁶⁰ relative (far below the bounds checked here). */
function toNumber(units: bigint): number {
  const shift = Math.max(0, (units < 0n ? -units : units).toString(2).length - 64);
  return Number(units >> BigInt(shift)) * 2 ** (shift - 1074);
}

/** Lengths at every boundary of numpy's algorithm (8, 128, 8192) and anything up to 20,000. */
const length = fc.oneof(
  fc.constantFrom(1, 7, 8, 9, 15, 16, 127, 128, 129, 255, 256, 8191, 8192, 8193, 16384, 16385),
  fc.integer({ min: 1, max: 20000 }),
);
const arrayOf = (value: fc.Arbitrary<number>) =>
  length.chain((n) => fc.array(value, { minLength: n, maxLength: n }));

test("pairwiseSum is exact when every partial sum is (integers below 2^40)", () => {
  fc.assert(
    fc.property(arrayOf(fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), (values) => {
      const expected = values.reduce((s, v) => s + BigInt(v), 0n);
      expect(pairwiseSum(Float64Array.from(values))).toBe(Number(expected));
    }),
    { numRuns: runs },
  );
});

test("pairwiseSum is within (16 + log₂ n)·ε·Σ|xᵢ| of the exact sum", () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  fc.assert(
    fc.property(arrayOf(value), (values) => {
      const a = Float64Array.from(values);
      const exactSum = values.reduce((s, v) => s + exact(v), 0n);
      const absolute = values.reduce((s, v) => s + Math.abs(v), 0);
      // Pairwise: at most 16 additions in a block's partial sum, then log₂(n) levels of halving.
      const bound = (16 + Math.log2(a.length)) * Number.EPSILON * absolute;
      const error = Math.abs(pairwiseSum(a) - toNumber(exactSum));
      expect(error).toBeLessThanOrEqual(bound + Number.MIN_VALUE);
    }),
    { numRuns: runs },
  );
});

test("StandardScaler, fitted block by block, sums each column as pairwiseSum sums it whole", () => {
  const m = fc.constantFrom(8191, 8192, 8193, 20000);
  fc.assert(
    fc.property(m, fc.integer(), (rows, seed) => {
      const random = mulberry32(seed);
      const X = {
        rows,
        cols: 2,
        data: Float64Array.from({ length: rows * 2 }, () => random() * 1e3 - 300),
      };
      const { means } = fitScaler(X);
      for (let j = 0; j < 2; j++) {
        const column = Float64Array.from({ length: rows }, (_, i) => X.data[i * 2 + j]);
        expect(means[j]).toBe(pairwiseSum(column) / rows);
      }
    }),
    { numRuns: 8 },
  );
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stratifiedSplit } from "../../src/data/index.js";
import { runs } from "../support/bank-csv.js";

const labels = fc
  .array(fc.constantFrom(0, 1), { minLength: 2, maxLength: 300 })
  .filter((y) => y.includes(0) || y.includes(1))
  .map((y) => Float64Array.from(y));

describe("stratifiedSplit", () => {
  test("train and test partition the rows, each class split round(n_c · fraction) to test", () => {
    fc.assert(
      fc.property(
        labels,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer(),
        (y, f, seed) => {
          let split;
          try {
            split = stratifiedSplit(y, f, seed);
          } catch (error) {
            // Only allowed when a side would be empty: check that it really would be.
            const nTest = [0, 1].map((c) => Math.round(y.filter((v) => v === c).length * f));
            const total = nTest[0] + nTest[1];
            expect(total === 0 || total === y.length).toBe(true);
            expect((error as Error).message).toMatch(/leave the (training|test) set empty/);
            return;
          }
          const { train, test } = split;
          const all = [...train, ...test].sort((a, b) => a - b);
          expect(all).toEqual(Array.from(y, (_, i) => i));
          for (const c of [0, 1]) {
            const nc = y.filter((v) => v === c).length;
            expect(Array.from(test).filter((i) => y[i] === c)).toHaveLength(Math.round(nc * f));
          }
          expect(Array.from(train)).toEqual([...train].sort((a, b) => a - b));
        },
      ),
      { numRuns: runs },
    );
  });

  test("the same seed gives the same split; another seed gives another", () => {
    const y = Float64Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const a = stratifiedSplit(y, 0.2, 7);
    expect(stratifiedSplit(y, 0.2, 7)).toEqual(a);
    expect(stratifiedSplit(y, 0.2, 8).test).not.toEqual(a.test);
  });

  test("bad arguments are RangeErrors that say what was expected", () => {
    const y = Float64Array.of(0, 1, 0, 1);
    expect(() => stratifiedSplit(y, 1, 1)).toThrow(
      "testFraction must be between 0 and 1 (exclusive), got 1",
    );
    expect(() => stratifiedSplit(y, 0.5, 1.5)).toThrow("seed must be an integer, got 1.5");
    expect(() => stratifiedSplit(Float64Array.of(0, 2), 0.5, 1)).toThrow(
      "y[1] is 2, expected 0 or 1",
    );
  });
});

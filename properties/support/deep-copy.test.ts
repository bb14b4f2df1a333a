import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { matrixFromRows } from "../../src/matrix.js";
import { dataset } from "./arbitraries.js";
import { deepCopy } from "./deep-copy.js";

describe("deepCopy", () => {
  test("copies the properties' inputs as structuredClone does, sharing no storage with them", () => {
    const input = fc.record({
      data: dataset({ maxRows: 6 }),
      labels: fc.array(fc.string()),
      counts: fc.record({ tp: fc.nat(), fp: fc.nat(), note: fc.constantFrom(null, undefined) }),
      z: fc.double(),
      flags: fc.int32Array(),
    });
    fc.assert(
      fc.property(input, (value) => {
        const copied = deepCopy(value);
        expect(copied).toStrictEqual(structuredClone(value));
        expect(copied.data.X.data).not.toBe(value.data.X.data);
        expect(copied.data.X.data.buffer).not.toBe(value.data.X.data.buffer);
        expect(copied.flags).toBeInstanceOf(Int32Array);
        expect(copied.counts).not.toBe(value.counts);
      }),
      { numRuns: 200 },
    );
  });

  test("keeps a value shared twice shared in the copy, and copies a cycle", () => {
    const w = new Float64Array([1, 2]);
    const cyclic: Record<string, unknown> = { w, again: w };
    cyclic.self = cyclic;
    const copied = deepCopy(cyclic);
    expect(copied.again).toBe(copied.w);
    expect(copied.w).not.toBe(w);
    expect(copied.self).toBe(copied);
  });

  test("a typed array that views part of a buffer is copied as its own bytes", () => {
    const buffer = new Float64Array([9, 1, 2, 9]).buffer;
    const view = new Float64Array(buffer, 8, 2);
    expect(Array.from(deepCopy(view))).toEqual([1, 2]);
  });

  test("other objects go to structuredClone; a function anywhere gives the value back as it is", () => {
    const date = new Date(0);
    expect(deepCopy({ at: date }).at).toStrictEqual(date);
    expect(deepCopy({ at: date }).at).not.toBe(date);
    const matrix = matrixFromRows([[1, 2]]);
    expect(deepCopy(matrix)).toStrictEqual(structuredClone(matrix));
    const withFunction = { X: new Float64Array(1), f: () => 1 };
    expect(deepCopy(withFunction)).toBe(withFunction);
    const withSymbol = [1, [Symbol("s")]];
    expect(deepCopy(withSymbol)).toBe(withSymbol);
  });
});
